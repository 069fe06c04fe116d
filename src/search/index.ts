// Full-text search with Pagefind. What gets indexed is decided in the layouts, not here:
// _includes/layouts/post.liquid marks a published post's <article> `data-pagefind-body` (the indexed region; drafts
// lack it) and its meta, dates, categories and tags with the other `data-pagefind-*` attributes. Pagefind indexes
// only the pages so marked (pages.ts finds them), and the /search/ page is templates/search.liquid.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { EleventyConfig } from "../site/eleventy-config.ts";
import { addTemplatesFrom } from "../site/templates.ts";
import { countBuild } from "../site/stats.ts";
import { indexSite, indexSiteInBackground, type BackgroundIndexing } from "./indexer.ts";
import { isIndexable } from "./pages.ts";

const TEMPLATES = path.join(path.dirname(fileURLToPath(import.meta.url)), "templates");

interface BuildEvent {
  directories: { output: string };
  incremental?: boolean;
  /** https://www.11ty.dev/docs/events/#event-arguments */
  runMode?: "build" | "watch" | "serve";
}

/** Full-text search: the /search/ page, and a Pagefind index of the post bodies built with every build. */
export default function searchPlugin(
  eleventyConfig: EleventyConfig,
  { taken = new Set() }: { taken?: ReadonlySet<string> } = {},
): void {
  // A site with its own search/index.html keeps it (the index is still built).
  addTemplatesFrom(eleventyConfig, TEMPLATES, {}, taken);
  // BLOG_SEARCH=0 skips the index for a quicker preview build.
  const enabled = () => process.env.BLOG_SEARCH !== "0";
  let background: BackgroundIndexing | undefined;
  // Whether this build wrote a page with a body to search: with none, Pagefind would index every page whole.
  let searchable = false;

  eleventyConfig.on("eleventy.before", async () => {
    await background?.stop();
    background = undefined;
    searchable = false;
  });

  eleventyConfig.addTransform("search", function (content: string) {
    const outputPath = this.page.outputPath;
    if (!searchable && typeof outputPath === "string" && outputPath.endsWith(".html"))
      searchable = isIndexable(content);
    return content;
  });

  // After every build, from the folder just written (the staging folder in `npm run build`).
  eleventyConfig.on("eleventy.after", async ({ directories, incremental, runMode }: BuildEvent) => {
    if (!enabled()) return;
    // An incremental build renders only some pages: then the folder, not the transform, knows what is searchable.
    const known = incremental ? undefined : searchable;
    if (runMode !== "build") {
      // `npm start`: the saved page is served and the browser reloaded without waiting for Pagefind (which
      // would also slow the render, sharing the two cores); a newer save stops this index and starts its own.
      background = indexSiteInBackground(directories.output, known, (result) => {
        if (result instanceof Error) console.error(`${result.message}\nThe pages are up to date; /search/ is not.`);
      });
      return;
    }
    const { pageCount } = await indexSite(directories.output, known);
    countBuild("pagesIndexed", pageCount);
  });
}
