// The Eleventy configuration: each capability is a local plugin, wired in the order the build needs.
// https://www.11ty.dev/docs/config/
import path from "node:path";
import { DateTime } from "luxon";
import rssPlugin from "@11ty/eleventy-plugin-rss";
import type { EleventyConfig } from "./site/eleventy-config.ts";
import { loadSiteConfig } from "./site/config.ts";
import sitePlugin from "./site/index.ts";
import postsPlugin from "./posts/index.ts";
import markdownPlugin, { createMarkdown } from "./markdown/index.ts";
import liquidPlugin from "./liquid/index.ts";
import { excerptRenderer } from "./liquid/excerpt.ts";
import seoPlugin from "./seo/index.ts";
import pagesPlugin from "./pages/index.ts";
import feedPlugin from "./feed/index.ts";
import renderCachePlugin from "./render-cache/index.ts";
import imagesPlugin from "./images/index.ts";
import searchPlugin from "./search/index.ts";
import devPlugin from "./dev/index.ts";
import { devSiteConfig } from "./dev/site-config.ts";
import siteFilesPlugin, { readSiteFiles } from "./site-files/index.ts";
import rebuildPlugin from "./rebuild/index.ts";

const ROOT = process.cwd();

export default function config(eleventyConfig: EleventyConfig) {
  // `npm start` (src/build/serve.ts) keeps serving through mistakes in content, _config.yml's included.
  const serving = process.env.ELEVENTY_RUN_MODE === "serve";
  // `npm start` shows drafts, as `jekyll serve --drafts` would.
  const overrides = process.env.BLOG_DRAFTS === "1" ? { show_drafts: true } : {};
  const site = serving ? devSiteConfig(ROOT, overrides) : loadSiteConfig(ROOT, overrides);
  const now = process.env.BLOG_NOW ? DateTime.fromISO(process.env.BLOG_NOW) : DateTime.now();

  const md = createMarkdown();
  const output = process.env.BLOG_OUTPUT ?? "_site";
  const layoutsDir = path.join(ROOT, "_includes/layouts");
  // pages/ and _data/, read before the site plugin hands `site` (with site.data, site.pages...) to templates.
  const files = readSiteFiles(ROOT, site, layoutsDir);

  eleventyConfig.addPlugin(sitePlugin, { site, now, output });
  eleventyConfig.addPlugin(postsPlugin, { site, now, layoutsDir });
  // Right after the posts: it wraps their front-matter engine so one broken post leaves the rest served.
  if (serving) eleventyConfig.addPlugin(devPlugin);
  eleventyConfig.addPlugin(markdownPlugin, { md });
  // Rendered Markdown kept in .cache/render/ by a hash of all it depends on, as Jekyll 4 does: warm builds skip markdown-it.
  eleventyConfig.addPlugin(renderCachePlugin, { root: ROOT });
  // Jekyll's Liquid in posts: highlight, link, include key="v", jsonify, page.*, render_with_liquid: false.
  // `page.excerpt` and `post.excerpt`: Liquid in the post's context, then Markdown, as Jekyll renders them.
  const excerptHtml = excerptRenderer(eleventyConfig, (text) => md.render(text, {}));
  eleventyConfig.addPlugin(liquidPlugin, { site, now, excerptHtml });
  // Date and URL filters for the feed (dateToRfc3339, absoluteUrl): https://www.11ty.dev/docs/plugins/rss/
  eleventyConfig.addPlugin(rssPlugin);
  eleventyConfig.addPlugin(seoPlugin, { site, excerptHtml });
  eleventyConfig.addPlugin(pagesPlugin, { site, taken: files.outputs });
  eleventyConfig.addPlugin(feedPlugin, { site, md, taken: files.outputs });
  // The site's own pages, static files and data (pages/, _data/), as Jekyll builds them.
  eleventyConfig.addPlugin(siteFilesPlugin, {
    site,
    root: ROOT,
    files,
    excerptHtml,
  });
  // Local <img> -> <picture> (AVIF, WebP, original) with hashed names, cached in .cache/images/ between builds.
  eleventyConfig.addPlugin(imagesPlugin, { site, root: ROOT });
  // `npm run build`: a post's page whose inputs did not change is taken from the last build, not rendered again.
  eleventyConfig.addPlugin(rebuildPlugin, { root: ROOT, staged: path.resolve(ROOT, output) });
  // Last: Pagefind indexes the finished HTML after each build (https://pagefind.app/docs/node-api/).
  eleventyConfig.addPlugin(searchPlugin, { taken: files.outputs });

  return {
    // Posts are Eleventy's input; the site's own pages (pages/) are added as virtual templates by src/site-files.
    dir: {
      input: "posts",
      includes: "../_includes",
      layouts: "../_includes/layouts",
      output,
    },
    templateFormats: ["md", "markdown", "liquid"],
    markdownTemplateEngine: "liquid",
  };
}
