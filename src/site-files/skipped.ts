// Nothing in the authors' folders is left out in silence: a file in posts/ that is not a post (no date in its
// name, not Markdown) gets a warning naming it and where it belongs.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { DRAFTS_FOLDER, readPostFileName } from "../posts/filename.ts";
import { PAGES_FOLDER } from "./site-folder.ts";

const POST_EXTENSIONS = /\.(md|markdown)$/i;

/** Why each file of `root/posts/` is not built, one sentence per file that says what to do. */
export function skippedPostFiles(root: string): string[] {
  const folder = path.join(root, "posts");
  if (!existsSync(folder)) return [];
  const problems: string[] = [];
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
  for (const file of files) {
    const name = path.posix.basename(file);
    if (!POST_EXTENSIONS.test(name)) {
      problems.push(
        `${file} is not built: posts/ holds Markdown posts (.md, .markdown). Put other files in ${PAGES_FOLDER}/ (copied to the same path) or assets/.`,
      );
    } else if (!readPostFileName(file)) {
      const page = `${PAGES_FOLDER}/${name}`;
      problems.push(
        `${file} is not built: a post's name starts with its date (posts/YYYY-MM-DD-${name}), a draft goes in posts/${DRAFTS_FOLDER}/, and a page (About, Contact) goes in ${page}.`,
      );
    }
  }
  return problems;
}
