import path from "node:path";
import type { PostSource } from "../types.ts";

// Jekyll's Document::DATE_FILENAME_MATCHER, on the base name: unpadded dates are accepted.
const DATED = /^(\d{2,4}-\d{1,2}-\d{1,2})-(.*)(\.[^.]+)$/;
const DATELESS = /^(.*)(\.[^.]+)$/;
export const DRAFTS_FOLDER = "_drafts";

/** What the file name says about a post, or undefined when Jekyll would skip the file. */
export function readPostFileName(file: string): PostSource | undefined {
  const base = path.posix.basename(file);
  const draft = file.split("/").includes(DRAFTS_FOLDER);
  const dated = DATED.exec(base);
  if (dated) {
    return { file, fileDate: dated[1], fileSlug: trimDots(dated[2]), ext: dated[3], draft };
  }
  const dateless = DATELESS.exec(base);
  if (draft && dateless) {
    return { file, fileSlug: trimDots(dateless[1]), ext: dateless[2], draft };
  }
  return undefined;
}

/**
 * Document#categories_from_path: a post in `posts/en/news/_posts/` (Jekyll's `en/news/_posts/`) has the
 * categories `en` and `news` before its own. Folders inside `posts/` without a `_posts` give none, as folders
 * inside Jekyll's `_posts/` give none.
 */
export function folderCategories(file: string): string[] {
  const inside = file.replace(/^posts\//, "");
  const at = inside.indexOf("_posts");
  if (at <= 0 || !inside.includes("/_posts/")) return [];
  return inside.slice(0, at).split("/").filter(Boolean);
}

function trimDots(slug: string): string {
  return slug.replace(/\.*$/, "");
}

/** The post's path as Jekyll names it, `_posts/...` or `_drafts/...`: its `page.path`, and what `defaults` scopes match. */
export function jekyllPath(file: string): string {
  // posts/en/news/_posts/x.md is Jekyll's en/news/_posts/x.md.
  if (/^posts\/(?!_posts\/).+?\/_posts\//.test(file)) return file.replace(/^posts\//, "");
  return file.replace(/^posts\/_drafts\//, `${DRAFTS_FOLDER}/`).replace(/^posts\//, "_posts/");
}
