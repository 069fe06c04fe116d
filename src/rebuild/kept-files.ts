// A kept page's files go into the staged site as hard links to the last build's (src/site/hard-links.ts): the
// last build's `_site/` stays as it was until the new one is swapped in (src/images/output-copies.ts replaces
// an image by renaming a copy over it, never writing into it).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { linkOrCopySync } from "../site/hard-links.ts";

/** Makes `folder` and the folders above it, each with one call, once. */
function makeFolder(folder: string, made: Set<string>): void {
  if (made.has(folder)) return;
  makeFolder(path.dirname(folder), made);
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  made.add(folder);
}

/** Links each of `files` (relative paths, each once) from `output` into `staged`. */
export function keepFiles(output: string, staged: string, files: Iterable<string>): void {
  const made = new Set<string>([path.dirname(staged)]);
  for (const file of files) {
    const target = path.join(staged, file);
    makeFolder(path.dirname(target), made);
    try {
      linkOrCopySync(path.join(output, file), target);
    } catch (error) {
      // Written already in this build: an image (named by its content) that a post's social card needed.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}
