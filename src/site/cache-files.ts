// What the build's caches (.cache/render, .cache/images) share: one way to fingerprint, to read an input that
// may be missing, and to write a cache file so that a killed build never leaves half of one.
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";

/** A SHA-256 over the parts, each ended by a NUL so that ("ab", "c") and ("a", "bc") differ. */
export function sha256(...parts: (string | Buffer)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}

/** The file's text, or "" when it cannot be read (a project without a lockfile, say). */
export function readTextOrEmpty(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

/** The lockfile of the engine whose code is in `srcDir`: it pins the packages (sharp, markdown-it...) it runs with. */
export function engineLockfile(srcDir: string): string {
  return path.join(path.dirname(srcDir), "package-lock.json");
}

/**
 * Writes a temporary file beside `file`, then renames it over `file`: readers see the old or the new one.
 * Text given in pieces is written piece by piece, never held whole (a render cache of thousands of posts).
 */
export function writeFileAtomically(file: string, text: string | Iterable<string>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  if (typeof text === "string") writeFileSync(temporary, text);
  else {
    const fd = openSync(temporary, "w");
    try {
      for (const piece of text) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
  }
  renameSync(temporary, file);
}
