import path from "node:path";

/** A file as an author names it, from the project folder: Eleventy's `./posts/a.md` is `posts/a.md`. */
export function projectPath(inputPath: string): string {
  return path.posix.normalize(inputPath).replace(/^\.\//, "");
}
