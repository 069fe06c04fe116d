import path from "node:path";
import { fileURLToPath } from "node:url";
import type { EleventyConfig } from "../site/eleventy-config.ts";
import { addTemplatesFrom } from "../pages/index.ts";
import { countBuild } from "../build/stats.ts";
import { indexSite } from "./indexer.ts";

const TEMPLATES = path.join(path.dirname(fileURLToPath(import.meta.url)), "templates");

interface AfterBuild {
  directories: { output: string };
}

/** Full-text search: the /search/ page, and a Pagefind index of the post bodies after every build. */
export default function searchPlugin(eleventyConfig: EleventyConfig): void {
  addTemplatesFrom(eleventyConfig, TEMPLATES);
  // After every build and every `npm start` rebuild, over the folder just written (the staging folder in
  // `npm run build`). BLOG_SEARCH=0 skips it for a quicker preview build.
  eleventyConfig.on("eleventy.after", async ({ directories }: AfterBuild) => {
    if (process.env.BLOG_SEARCH === "0") return;
    const { pageCount } = await indexSite(directories.output);
    countBuild("pagesIndexed", pageCount);
  });
}
