// One fingerprint of everything a build reads besides the posts' own files. When it changes, any page may
// change, and the build renders them all.
import { existsSync } from "node:fs";
import path from "node:path";
import { folderFingerprint, projectSetup } from "../render-cache/key.ts";
import { sha256 } from "../site/cache-files.ts";
import { PAGES_FOLDER } from "../site/paths.ts";

/** The project's inputs beside `posts/`: the config, layouts and includes, data, pages and static files, assets. */
const SITE_INPUTS = ["_includes", "_data", PAGES_FOLDER, "assets", "posts"];
/** A post's own file, in `posts/`, compared post by post instead (src/rebuild/plan.ts). */
const isPostSource = (relative: string) => /\.(md|markdown)$/.test(relative);

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
  const folders = SITE_INPUTS.map((folder) => {
    const dir = path.join(root, folder);
    if (!existsSync(dir)) return "";
    return folderFingerprint(dir, folder === "posts" ? (relative) => !isPostSource(relative) : undefined);
  });
  return sha256(projectSetup(root, srcDir), environment(), ...SITE_INPUTS, ...folders);
}
