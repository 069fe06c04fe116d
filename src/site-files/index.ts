// The rest of a Jekyll site beside its posts: pages (Markdown, HTML, XML... with front matter) at Jekyll's
// URLs, static files copied to the same path, `_data/` as `site.data`, `site.pages`, `site.static_files`,
// `site.html_pages`, `site.posts`, and the pages the header links to.
import { refuseLinksOutside } from "../site/links.ts";
import path from "node:path";
import { readFileSync, readdirSync } from "node:fs";
import type { SiteConfig } from "../types.ts";
import type { Liquid } from "liquidjs";
import type { CollectionApi, EleventyConfig, LiquidTagImpl, TemplateData } from "../site/eleventy-config.ts";
import { postsOf } from "../posts/index.ts";
import { addJekyllPageFields } from "../liquid/page.ts";
import { registeredNames, withoutLiquid } from "../liquid/index.ts";
import { checkLiquid, createValidator } from "../liquid/validate.ts";
import { highlightTag } from "../liquid/highlight.ts";
import { inputError } from "../site/errors.ts";
import { frontMatterLineCount } from "../posts/front-matter.ts";
import { readSiteData } from "./data.ts";
import { PAGES_FOLDER, readSiteFolder, type SiteFolder, type SitePage } from "./site-folder.ts";
import { isMarkdown } from "./page-url.ts";
import { postDrops, postsByName, sharedObject } from "./post-drops.ts";
import { jekyllSort } from "./sort.ts";
import { includeRelativeTag } from "./include-relative.ts";
import { paginatedPage, paginationData } from "./paginate.ts";
import { skippedPostFiles } from "./skipped.ts";
import { REDIRECT_PAGE, addRedirects, redirectBetween, redirectTarget, usesRedirects } from "./redirects.ts";
import type { ExcerptHtml } from "../liquid/excerpt.ts";

export { PAGES_FOLDER } from "./site-folder.ts";

// Virtual pages are named below this folder of Eleventy's input, where no post is.
const VIRTUAL = "_site-pages";

// Eleventy gives these data keys a meaning of its own; a Jekyll page's front matter cannot set them.
const ELEVENTY_KEYS = new Set(["page", "pagination", "collections", "eleventy", "pkg", "permalink", "date", "tags"]);

export interface SiteFiles extends SiteFolder {
  /** Output files the site's own pages and static files write: built-in pages at these paths step aside. */
  outputs: Set<string>;
}

function layoutNames(layoutsDir: string): string[] {
  return readdirSync(layoutsDir)
    .map((name) => name.replace(/\.[^.]+$/, ""))
    .sort();
}

function pageDrop(page: SitePage): Record<string, unknown> {
  return {
    ...page.frontMatter,
    url: page.url,
    path: page.path,
    name: path.posix.basename(page.path),
    dir: page.url.endsWith("/") ? page.url : page.url.replace(/[^/]*$/, ""),
    content: page.body,
  };
}

/**
 * Reads `pages/` and `_data/` and puts what Jekyll's `site` has of them on `site` (before the site plugin
 * hands `site` to templates). `site.posts` is filled once Eleventy knows the posts.
 */
export function readSiteFiles(root: string, site: SiteConfig, layoutsDir: string): SiteFiles {
  // Before anything is read: a link to /etc/passwd in _data/ would otherwise show up in a YAML error.
  refuseLinksOutside(root, ["pages", "_data"]);
  const folder = readSiteFolder(root, site, layoutNames(layoutsDir));
  const drops = folder.pages.map(pageDrop);
  site.data = readSiteData(path.join(root, "_data"));
  site.pages = drops;
  site.html_pages = drops.filter((drop, i) => folder.pages[i].outputPath.endsWith(".html"));
  site.static_files = folder.staticFiles.map((file) => ({
    path: `/${file.path}`,
    name: path.posix.basename(file.path),
    basename: path.posix.basename(file.path, path.posix.extname(file.path)),
    extname: path.posix.extname(file.path),
    modified_time: file.modified,
    collection: null,
  }));
  // Shared by reference with every page's `site` (Eleventy's data merge keeps arrays it does not combine).
  site.posts = [];
  site.categories = sharedObject<unknown[]>();
  site.tags = sharedObject<unknown[]>();
  for (const problem of skippedPostFiles(root)) console.warn(`Warning: ${problem}`);
  for (const file of folder.leftOut) {
    console.warn(
      `Warning: ${PAGES_FOLDER}/${file} is not built: names starting with _ or # (or ending in ~) are left out, as in Jekyll. Rename it, or add it to include: in _config.yml.`,
    );
  }
  const outputs = new Set([...folder.pages.map((p) => p.outputPath), ...folder.staticFiles.map((f) => f.path)]);
  return { ...folder, outputs };
}

/** minima's header: the pages with a title, in `header_pages` order when `_config.yml` has it. */
function headerPages(pages: SitePage[], site: SiteConfig): { title: string; url: string }[] {
  const titled = pages.filter((p) => p.frontMatter.title && p.outputPath.endsWith(".html") && p.layout !== false);
  const order = Array.isArray(site.header_pages) ? site.header_pages.map(String) : undefined;
  const chosen = order
    ? order.flatMap((wanted) => titled.filter((p) => p.path === wanted))
    : titled.filter((p) => redirectTarget(p.frontMatter.redirect_to) === undefined);
  return chosen.map((p) => ({ title: String(p.frontMatter.title), url: p.url }));
}

function virtualPath(page: SitePage): string {
  return `${VIRTUAL}/${page.path}${isMarkdown(page.path) ? "" : ".liquid"}`;
}

export interface SiteFilesOptions {
  site: SiteConfig;
  root: string;
  files: SiteFiles;
  /** Renders `page.excerpt` and `post.excerpt` (src/liquid/excerpt.ts). */
  excerptHtml: ExcerptHtml;
}

export default function siteFilesPlugin(
  eleventyConfig: EleventyConfig,
  { site, root, files, excerptHtml }: SiteFilesOptions,
): void {
  const paginated = paginatedPage(files.pages, site);
  for (const page of files.pages) {
    const data: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(page.frontMatter)) if (!ELEVENTY_KEYS.has(key)) data[key] = value;
    const target = redirectTarget(page.frontMatter.redirect_to);
    const redirect = target === undefined ? undefined : redirectBetween(site, page.url, target);
    Object.assign(data, {
      layout: redirect ? false : page.layout,
      permalink: `/${page.outputPath}`,
      sitePage: { path: page.path, url: page.url, redirect },
    });
    if (redirect) {
      // jekyll-redirect-from replaces the page's whole output with its redirect page.
      Object.assign(data, { redirect, sitemap: false });
      eleventyConfig.addTemplate(`${VIRTUAL}/${page.path}.liquid`, REDIRECT_PAGE, data);
    } else {
      if (page === paginated) Object.assign(data, paginationData(page, site));
      eleventyConfig.addTemplate(virtualPath(page), page.body, data);
    }
  }
  addRedirects(eleventyConfig, site, files.outputs, usesRedirects(root, site, files.pages));
  for (const file of files.staticFiles) {
    eleventyConfig.addPassthroughCopy({ [`${PAGES_FOLDER}/${file.path}`]: file.path });
  }
  // Pages and data are read with the configuration (pages are virtual templates): a change reloads it.
  // https://www.11ty.dev/docs/watch-serve/#reset-configuration
  eleventyConfig.addWatchTarget(`./${PAGES_FOLDER}/`, { resetConfig: true });
  eleventyConfig.addWatchTarget("./_data/", { resetConfig: true });
  eleventyConfig.addGlobalData("headerPages", headerPages(files.pages, site));
  eleventyConfig.addFilter("sort", jekyllSort);
  eleventyConfig.addLiquidTag(
    "include_relative",
    (engine: unknown) => includeRelativeTag(engine as Liquid, root) as unknown as LiquidTagImpl,
  );

  const frontMatterOf = new Map(files.pages.map((page) => [page.path, page.frontMatter]));
  let validator: Liquid | undefined;
  // An unknown or unclosed tag stops the build naming the page's own file and line, as for posts.
  const checkPage = (file: string, content: string) => {
    validator ??= createValidator(registeredNames(eleventyConfig), { highlight: highlightTag });
    const problem = checkLiquid(validator, content);
    if (!problem) return;
    const shown = `${PAGES_FOLDER}/${file}`;
    const text = readFileSync(path.join(root, shown), "utf8").replace(/\r\n/g, "\n");
    // Lines in `content` start after the front matter (Eleventy may have dropped a blank line after it).
    const offset = text.endsWith(content)
      ? text.slice(0, text.length - content.length).split("\n").length - 1
      : frontMatterLineCount(text);
    throw inputError(
      shown,
      problem.line === undefined ? undefined : problem.line + offset,
      problem.problem,
      problem.fix,
    );
  };
  eleventyConfig.addPreprocessor("jekyll-site-pages", "md,markdown,liquid", (data: TemplateData, content: string) => {
    const sitePage = data.sitePage as { path: string; url: string } | undefined;
    if (!sitePage) return undefined;
    const page = data.page as unknown as Record<string, unknown>;
    Object.defineProperty(page, "path", { value: sitePage.path, enumerable: true, configurable: true });
    Object.defineProperty(page, "name", {
      value: path.posix.basename(sitePage.path),
      enumerable: true,
      configurable: true,
    });
    addJekyllPageFields(data, frontMatterOf.get(sitePage.path) ?? {}, site, excerptHtml);
    if (data.render_with_liquid === false) return withoutLiquid(content);
    if (/\{[{%]/.test(content)) checkPage(sitePage.path, content);
    return undefined;
  });

  // Jekyll's site.posts, newest first, filled in place before any page renders.
  eleventyConfig.addCollection("sitePosts", (api: CollectionApi) => {
    const posts = site.posts as unknown[];
    posts.splice(0, posts.length, ...postDrops(postsOf(api), site, excerptHtml));
    const drops = posts as Record<string, unknown>[];
    postsByName(site.categories as Record<string, unknown[]>, drops, "categories");
    postsByName(site.tags as Record<string, unknown[]>, drops, "tags");
    return posts;
  });
  // What the sitemap lists beside posts: the site's HTML pages, unless `sitemap: false`.
  eleventyConfig.addCollection("sitePages", (api: CollectionApi) =>
    api
      .getAll()
      .filter((item) => item.data.sitePage && item.data.sitemap !== false && /(\.html|\/)$/.test(item.url))
      .sort((a, b) => a.url.localeCompare(b.url)),
  );
}
