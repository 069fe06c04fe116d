// What a rendered Markdown body depends on, folded into one key: if any of it changes, the key changes
// and the cached HTML is never looked at again.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { engineLockfile, readTextOrEmpty, sha256 } from "../site/cache-files.ts";

/** Bumped when the cache's own format or keying changes. */
const FORMAT = "render-cache/1";

/** A file's bytes, or a marker for one that cannot be read (a link to nothing). */
function bytesOf(file: string): Buffer | string {
  try {
    return readFileSync(file);
  } catch {
    return "\0unreadable";
  }
}

/**
 * Every file under `dir` (links to files included) that `keep` keeps, sorted, as `relative path` + contents:
 * the engine's code, whatever it is, or a site's inputs (src/rebuild/site-inputs.ts).
 */
export function folderFingerprint(dir: string, keep: (relative: string) => boolean = () => true): string {
  const hash = createHash("sha256");
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => keep(path.relative(dir, file)))
    .sort();
  for (const file of entries) hash.update(path.relative(dir, file)).update("\0").update(bytesOf(file)).update("\0");
  return hash.digest("hex");
}

export interface SetupInputs {
  /** Fingerprint of the engine's code (src/): markdown-it rules, Liquid tags and filters, plugins. */
  code: string;
  /** The installed packages, as the lockfile pins them (markdown-it and its plugins among them). */
  lockfile: string;
  /** `_config.yml` as written. */
  config: string;
}

/** One fingerprint of everything shared by all renders of a build. */
export function setupFingerprint({ code, lockfile, config }: SetupInputs): string {
  return sha256(FORMAT, code, lockfile, config);
}

/** The setup of the project at `root` whose engine lives in `srcDir`. */
export function projectSetup(root: string, srcDir: string): string {
  return setupFingerprint({
    code: folderFingerprint(srcDir),
    lockfile: readTextOrEmpty(engineLockfile(srcDir)),
    config: readTextOrEmpty(path.join(root, "_config.yml")),
  });
}

export interface RenderInputs {
  setup: string;
  /** The Markdown as handed to markdown-it: after Liquid, so the includes it used are already in it. */
  markdown: string;
  /** The page it renders for (input path and URL), since markdown-it's env carries the page. */
  page?: string;
}

export function renderKey({ setup, markdown, page = "" }: RenderInputs): string {
  return sha256(setup, page, markdown);
}

/** A short checksum of a cached body, checked on every read so a damaged entry is never served. */
export function checksum(html: string): string {
  return createHash("sha1").update(html).digest("hex");
}
