import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SiteConfig } from "../types.ts";
import type { CollectionApi, EleventyConfig } from "../site/eleventy-config.ts";
import { addTemplatesFrom } from "../site/templates.ts";
import { archivesBy, byCategory, byTag, byYear } from "./archives.ts";

const TEMPLATES = path.join(path.dirname(fileURLToPath(import.meta.url)), "templates");

/** Home (paginated as jekyll-paginate), category, tag and year archives, 404, robots and sitemap. */
export default function pagesPlugin(
  eleventyConfig: EleventyConfig,
  { site, taken = new Set() }: { site: SiteConfig; taken?: ReadonlySet<string> },
): void {
  eleventyConfig.addCollection("categoryArchives", (api: CollectionApi) => archivesBy(api, byCategory));
  eleventyConfig.addCollection("tagArchives", (api: CollectionApi) => archivesBy(api, byTag));
  eleventyConfig.addCollection("yearArchives", (api: CollectionApi) => archivesBy(api, byYear).reverse());
  // jekyll-paginate: page 1 is the home page, page N lives at `paginate_path` with :num = N.
  eleventyConfig.addFilter("paginate_permalink", (pageNumber: number) =>
    pageNumber === 0
      ? "/index.html"
      : `${site.paginate_path.replace(":num", String(pageNumber + 1)).replace(/\/?$/, "/")}index.html`,
  );
  const homePagination = {
    data: "collections.posts",
    size: site.paginate ?? Number.MAX_SAFE_INTEGER,
    reverse: true,
    alias: "posts",
  };
  // The site's own index.html is its home page, as in Jekyll.
  const skip = taken.has("index.html") ? new Set([...taken, "home.liquid"]) : taken;
  addTemplatesFrom(eleventyConfig, TEMPLATES, { "home.liquid": { pagination: homePagination } }, skip);
}
