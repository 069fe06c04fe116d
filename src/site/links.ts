import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { inputError } from "./errors.ts";
import { isInsideFolder } from "./output-folder.ts";

/**
 * Stops at the first symbolic link under `folders` (relative to `root`) that leads out of the project, or
 * to nothing: a link to `/etc/passwd` in `assets/` or `posts/` would otherwise be published. Links that stay
 * inside are fine (assets are copied as the files they point to). A folder that is itself a link may point
 * inside its own target as well.
 */
export function refuseLinksOutside(root: string, folders: string[]): void {
  const project = realpathSync(root);
  for (const folder of folders) {
    const start = path.join(root, folder);
    if (!statSync(start, { throwIfNoEntry: false })?.isDirectory()) continue;
    const allowed = [project, realpathSync(start)];
    // Real folders already walked: a link back up would otherwise loop.
    const walked = new Set<string>();
    const pending = [start];
    for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
      const real = realpathSync(dir);
      if (walked.has(real)) continue;
      walked.add(real);
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) pending.push(file);
        if (!entry.isSymbolicLink()) continue;
        const target = targetOf(file);
        const named = path.relative(root, file).split(path.sep).join("/");
        if (target === undefined) {
          throw inputError(
            named,
            undefined,
            "is a symbolic link to nothing",
            "remove the link or point it at a file in the project.",
          );
        }
        if (!allowed.some((inside) => target === inside || isInsideFolder(inside, target))) {
          throw inputError(
            named,
            undefined,
            `is a symbolic link that leads out of the project (to ${target}), so its file is not published`,
            "copy the file into the project instead of linking to it.",
          );
        }
        if (lstatSync(target).isDirectory()) pending.push(file);
      }
    }
  }
}

function targetOf(link: string): string | undefined {
  try {
    return realpathSync(link);
  } catch {
    return undefined;
  }
}
