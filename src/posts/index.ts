// Jekyll-style posts: dates, URLs, categories, drafts, future and unpublished posts. The public entry of
// src/posts: the plugin that wires them into Eleventy, and what other parts read of a post.
import { DateTime } from "luxon";
import type { SiteConfig } from "../types.ts";
import type { CollectionApi, EleventyConfig, TemplateData } from "../site/eleventy-config.ts";
import { frontMatterEngine } from "./front-matter-engine.ts";
import { postDate } from "./post-date.ts";
import { isBuiltByJekyll } from "./jekyll-builds.ts";
import { projectPath } from "../site/paths.ts";
import { readPost, type BuiltPosts } from "./built-posts.ts";
import { neighbourFilters, postsOf } from "./collection.ts";
import { postUrlTag } from "./post-url.ts";

export { postsOf } from "./collection.ts";
export { postOf, postOfItem } from "./post-of.ts";
export { isBuiltByJekyll } from "./jekyll-builds.ts";
export { jekyllPath } from "./filename.ts";

export interface PostsOptions {
  site: SiteConfig;
  /** Folder of layouts, to name the choices when a post asks for one that does not exist. */
  layoutsDir: string;
  /** The build's clock: posts dated after it are future posts. */
  now?: DateTime;
}

export default function postsPlugin(
  eleventyConfig: EleventyConfig,
  { site, layoutsDir, now = DateTime.now() }: PostsOptions,
): void {
  eleventyConfig.setFrontMatterParsingOptions({ engines: { yaml: frontMatterEngine(layoutsDir) } });
  // Jekyll reads `.markdown` posts too.
  eleventyConfig.addExtension("markdown", { key: "md" });
  eleventyConfig.addDateParsing(function (value) {
    return postDate(projectPath(this.page.inputPath), value, site, now);
  });

  const built: BuiltPosts = new Map();
  // Posts Jekyll would not build are not built: unpublished, future, drafts (unless asked), other files.
  eleventyConfig.addPreprocessor("jekyll-posts", "md,markdown", (data: TemplateData) => {
    // A page of the site's own folder (src/site-files), not a post.
    if (data.sitePage) return undefined;
    if (!isBuiltByJekyll(data, site, now)) return false;
    // Set here rather than as computed data: Eleventy's computed data works out each key's dependencies
    // on every page, and these depend only on the file.
    const post = readPost(data, site, built);
    if (post) {
      data.post = post;
      data.title = post.title;
      data.permalink = post.outputPath;
    }
    return undefined;
  });

  // Jekyll's usual `defaults` for posts; pages name their own layout. (Computed data cannot set layouts.)
  eleventyConfig.addGlobalData("layout", "post");

  eleventyConfig.addCollection("posts", (api: CollectionApi) => postsOf(api));
  const { previous, next } = neighbourFilters();
  eleventyConfig.addFilter("previous_post", previous);
  eleventyConfig.addFilter("next_post", next);
  eleventyConfig.addLiquidTag("post_url", postUrlTag);
}
