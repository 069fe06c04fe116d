// One fingerprint of everything a build reads besides the posts' own files. When it changes, any page may
// change, and the build renders them all.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { projectSetup } from "../render-cache/key.ts";
import { PAGES_FOLDER } from "../site/paths.ts";

/** The project's inputs beside `posts/`: the config, layouts and includes, data, pages and static files, assets. */
const SITE_INPUTS = ["_includes", "_data", PAGES_FOLDER, "assets", "posts"];
/** A post's own file, compared post by post instead (src/rebuild/plan.ts). */
const POST_SOURCE = /^posts\/.*\.(md|markdown)$/;

/** Every file under `root`'s inputs but the posts', sorted, each as its path and bytes. */
function inputFiles(root: string): string[] {
  return SITE_INPUTS.flatMap((folder) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true });
    } catch {
      return [];
    }
    return entries
      .filter((entry) => entry.isFile() || entry.isSymbolicLink())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
      .filter((file) => !POST_SOURCE.test(file));
  }).sort();
}

/** Settings read from the environment that change what a build writes (drafts shown, the clock, the zone). */
function environment(): string {
  return Object.entries(process.env)
    .filter(([name]) => /^(BLOG_|JEKYLL_|TZ$)/.test(name) && !/^BLOG_(OUTPUT|REBUILD.*)$/.test(name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${value}`)
    .join("\n");
}

/** The fingerprint of the project at `root`, built by the engine in `srcDir` (its code, the lockfile, _config.yml). */
export function siteFingerprint(root: string, srcDir: string): string {
  const hash = createHash("sha256").update(projectSetup(root, srcDir)).update("\0").update(environment());
  for (const file of inputFiles(root)) {
    hash.update("\0").update(file).update("\0");
    try {
      hash.update(readFileSync(path.join(root, file)));
    } catch {
      hash.update("unreadable");
    }
  }
  return hash.digest("hex");
}
