import path from "node:path";

/** The site's own pages and static files (Jekyll's site root without `_posts`), copied to the same paths. */
export const PAGES_FOLDER = "pages";

/** A file as an author names it, from the project folder: Eleventy's `./posts/a.md` is `posts/a.md`. */
export function projectPath(inputPath: string): string {
  return path.posix.normalize(inputPath).replace(/^\.\//, "");
}
