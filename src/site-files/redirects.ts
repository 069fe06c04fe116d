// jekyll-redirect-from: `redirect_from:` writes a small page at each old URL that sends readers to the post or
// page (meta refresh, canonical link, a link, `noindex`); `redirect_to:` turns a page into one; and
// `redirects.json` maps every old URL to its new one.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { SiteConfig } from "../types.ts";
import { splitFrontMatter } from "../posts/front-matter.ts";
import type { CollectionApi, EleventyConfig } from "../site/eleventy-config.ts";
import { absoluteUrl } from "../site/urls.ts";
import { postOf } from "../posts/index.ts";
import { pageOutputPath } from "./page-url.ts";

export interface Redirect {
  from: string;
  to: string;
  /** The file written at `from`, relative to the output folder. */
  outputPath: string;
}

// The plugin's own redirect layout, byte for byte, with `redirect` for `page.redirect`.
export const REDIRECT_PAGE = `<!DOCTYPE html>
<html lang="en-US">
  <meta charset="utf-8">
  <title>Redirecting&hellip;</title>
  <link rel="canonical" href="{{ redirect.to }}">
  <script>location="{{ redirect.to }}"</script>
  <meta http-equiv="refresh" content="0; url={{ redirect.to }}">
  <meta name="robots" content="noindex">
  <h1>Redirecting&hellip;</h1>
  <a href="{{ redirect.to }}">Click here if you are not redirected.</a>
</html>
`;

/** RedirectPage#set_paths: `from` gets a leading slash, `to` is made absolute unless it is an http(s) URL. */
export function redirectBetween(site: SiteConfig, from: string, to: string): Redirect {
  const source = from.startsWith("/") ? from : `/${from}`;
  return {
    from: source,
    to: /^https?:\/\//.test(to) ? to : absoluteUrl(site, to),
    outputPath: pageOutputPath(source, ".html"),
  };
}

// Redirectable#redirect_from and #redirect_to: a list or one value, nils dropped; the first of a `redirect_to` list.
export function redirectFromList(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item) => item !== null && item !== undefined).map(String);
}

export function redirectTarget(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value.find((item) => item !== null && item !== undefined) : value;
  return first === null || first === undefined ? undefined : String(first);
}

/** Every redirect of the site: posts' then pages' `redirect_from`, and pages that are a `redirect_to` (a post's
 * `redirect_to` is not followed). */
function redirectsOf(api: CollectionApi, site: SiteConfig): { pages: Redirect[]; json: Record<string, string> } {
  const pages: Redirect[] = [];
  const json: Record<string, string> = {};
  const items = api.getAll();
  const posts = items
    .filter((item) => postOf(item.data))
    .sort((a, b) => a.date.getTime() - b.date.getTime() || a.inputPath.localeCompare(b.inputPath));
  const sitePages = items.filter((item) => item.data.sitePage);
  for (const item of [...posts, ...sitePages]) {
    const url = postOf(item.data)?.url ?? (item.data.sitePage as { url: string }).url;
    for (const from of redirectFromList(item.data.redirect_from)) {
      const redirect = redirectBetween(site, from, url);
      pages.push(redirect);
      json[redirect.from] = redirect.to;
    }
  }
  for (const item of sitePages) {
    const target = (item.data.sitePage as { redirect?: Redirect }).redirect;
    if (target) json[target.from] = target.to;
  }
  return { pages, json };
}

// The plugin adds its pages to site.pages (and the HTML ones to site.html_pages) before anything renders.
function listRedirectPages(site: SiteConfig, redirects: Redirect[], withJson: boolean): void {
  const drops = redirects.map((redirect) => ({
    url: redirect.from,
    name: "redirect.html",
    path: "redirect.html",
    layout: "redirect",
    sitemap: false,
    permalink: redirect.from,
    redirect: { from: redirect.from, to: redirect.to },
  }));
  for (const [key, extra] of [
    [
      "pages",
      withJson ? [...drops, { url: "/redirects.json", name: "redirects.json", path: "redirects.json" }] : drops,
    ],
    ["html_pages", drops],
  ] as const) {
    const list = site[key] as unknown[] & { siteLength?: number };
    list.siteLength ??= list.length;
    list.splice(list.siteLength, list.length, ...extra);
  }
}

/**
 * Whether the site uses redirects: its `_config.yml` names jekyll-redirect-from (as a migrated site does), or a
 * page or post has `redirect_from` or `redirect_to`. Known before Eleventy reads the posts, so their files are
 * searched for the key.
 */
export function usesRedirects(
  root: string,
  site: SiteConfig,
  pages: { frontMatter: Record<string, unknown> }[],
): boolean {
  const plugins = [site.plugins, site.gems].flatMap((list) => (Array.isArray(list) ? list.map(String) : []));
  if (plugins.includes("jekyll-redirect-from")) return true;
  if (pages.some((page) => "redirect_from" in page.frontMatter || "redirect_to" in page.frontMatter)) return true;
  const folder = path.join(root, "posts");
  if (!existsSync(folder)) return false;
  return readdirSync(folder, { recursive: true, withFileTypes: true }).some(
    (entry) =>
      entry.isFile() &&
      /\.(md|markdown)$/i.test(entry.name) &&
      /^redirect_(from|to):/m.test(
        splitFrontMatter(readFileSync(path.join(entry.parentPath, entry.name), "utf8")).yaml,
      ),
  );
}

export function addRedirects(
  eleventyConfig: EleventyConfig,
  site: SiteConfig,
  taken: ReadonlySet<string>,
  used: boolean,
): void {
  let json: Record<string, string> = {};
  const settings = site.redirect_from as { json?: unknown } | undefined;
  const withJson = used && !taken.has("redirects.json") && settings?.json !== false;
  eleventyConfig.addCollection("redirects", (api: CollectionApi) => {
    const found = redirectsOf(api, site);
    json = found.json;
    listRedirectPages(site, found.pages, withJson);
    return found.pages;
  });
  eleventyConfig.addTemplate("_site-pages/redirect-from.liquid", REDIRECT_PAGE, {
    pagination: { data: "collections.redirects", size: 1, alias: "redirect" },
    permalink: (data: { redirect: Redirect }) => `/${data.redirect.outputPath}`,
    layout: false,
    eleventyExcludeFromCollections: true,
  });
  // As the plugin (when the site uses it): unless the site has its own, or `redirect_from: {json: false}`.
  if (!withJson) return;
  eleventyConfig.addTemplate("_site-pages/redirects.json.liquid", "{{ collections.redirects | redirects_json }}", {
    permalink: "/redirects.json",
    layout: false,
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addFilter("redirects_json", () => JSON.stringify(json));
}
