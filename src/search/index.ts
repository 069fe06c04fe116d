import path from "node:path";
import { fileURLToPath } from "node:url";
import type { EleventyConfig } from "../site/eleventy-config.ts";
import { addTemplatesFrom } from "../pages/index.ts";
import { countBuild } from "../build/stats.ts";
import { indexSite, indexSiteInBackground, startIndexing, type BackgroundIndexing, type SearchIndexing } from "./indexer.ts";
import { urlOf } from "./pages.ts";

const TEMPLATES = path.join(path.dirname(fileURLToPath(import.meta.url)), "templates");

interface BuildEvent {
  directories: { output: string };
  incremental?: boolean;
  /** https://www.11ty.dev/docs/events/#event-arguments */
  runMode?: "build" | "watch" | "serve";
}

/** Full-text search: the /search/ page, and a Pagefind index of the post bodies built with every build. */
export default function searchPlugin(eleventyConfig: EleventyConfig): void {
  addTemplatesFrom(eleventyConfig, TEMPLATES);
  // BLOG_SEARCH=0 skips the index for a quicker preview build.
  const enabled = () => process.env.BLOG_SEARCH !== "0";
  let indexing: SearchIndexing | undefined;
  let background: BackgroundIndexing | undefined;
  let output = "";

  eleventyConfig.on("eleventy.before", async ({ directories, incremental, runMode }: BuildEvent) => {
    await indexing?.abandon();
    await background?.stop();
    background = undefined;
    output = path.resolve(directories.output);
    // `npm start` indexes after each rebuild, from the folder (below); an incremental build renders only some pages.
    indexing = enabled() && !incremental && runMode === "build" ? startIndexing() : undefined;
  });

  // Added last, so it sees each page as it is written (after the image transform).
  eleventyConfig.addTransform("search", function (content: string) {
    const outputPath = this.page.outputPath;
    if (indexing && typeof outputPath === "string" && outputPath.endsWith(".html")) {
      indexing.add({ url: urlOf(path.relative(output, path.resolve(outputPath))), html: content });
    }
    return content;
  });

  // After every build, into the folder just written (the staging folder in `npm run build`).
  eleventyConfig.on("eleventy.after", async ({ directories, incremental, runMode }: BuildEvent) => {
    if (!enabled()) return;
    if (runMode !== "build") {
      // `npm start`: the saved page is served and the browser reloaded without waiting for Pagefind (which
      // would also slow the render, sharing the two cores); a newer save stops this index and starts its own.
      background = indexSiteInBackground(directories.output, (result) => {
        if (result instanceof Error) console.error(`${result.message}\nThe pages are up to date; /search/ is not.`);
      });
      return;
    }
    const current = indexing;
    indexing = undefined;
    const { pageCount } = current && !incremental ? await current.finish(directories.output) : await indexSite(directories.output);
    countBuild("pagesIndexed", pageCount);
  });
}
