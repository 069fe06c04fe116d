import path from "node:path";
import { fileURLToPath } from "node:url";
import type { EleventyConfig } from "../site/eleventy-config.ts";
import { addTemplatesFrom } from "../pages/index.ts";
import { countBuild } from "../build/stats.ts";
import { indexSite, startIndexing, type SearchIndexing } from "./indexer.ts";
import { urlOf } from "./pages.ts";

const TEMPLATES = path.join(path.dirname(fileURLToPath(import.meta.url)), "templates");

interface BuildEvent {
  directories: { output: string };
  incremental?: boolean;
}

/** Full-text search: the /search/ page, and a Pagefind index of the post bodies built with every build. */
export default function searchPlugin(eleventyConfig: EleventyConfig): void {
  addTemplatesFrom(eleventyConfig, TEMPLATES);
  // BLOG_SEARCH=0 skips the index for a quicker preview build.
  const enabled = () => process.env.BLOG_SEARCH !== "0";
  let indexing: SearchIndexing | undefined;
  let output = "";

  eleventyConfig.on("eleventy.before", async ({ directories, incremental }: BuildEvent) => {
    await indexing?.abandon();
    output = path.resolve(directories.output);
    // An incremental rebuild renders only some pages: those are indexed from the folder afterwards.
    indexing = enabled() && !incremental ? startIndexing() : undefined;
  });

  // Added last, so it sees each page as it is written (after the image transform).
  eleventyConfig.addTransform("search", function (content: string) {
    const outputPath = this.page.outputPath;
    if (indexing && typeof outputPath === "string" && outputPath.endsWith(".html")) {
      indexing.add({ url: urlOf(path.relative(output, path.resolve(outputPath))), html: content });
    }
    return content;
  });

  // After every build and every `npm start` rebuild, into the folder just written (the staging folder in `npm run build`).
  eleventyConfig.on("eleventy.after", async ({ directories, incremental }: BuildEvent) => {
    if (!enabled()) return;
    const current = indexing;
    indexing = undefined;
    const { pageCount } = current && !incremental ? await current.finish(directories.output) : await indexSite(directories.output);
    countBuild("pagesIndexed", pageCount);
  });
}
