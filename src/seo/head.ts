import type { DateTime } from "luxon";
import type { SiteConfig } from "../types.ts";
import { escapeXml, plainText } from "../site/text.ts";
import { absoluteUrl } from "../site/urls.ts";
import { xmlSchema } from "../site/dates.ts";

/** What one page tells jekyll-seo-tag about itself. */
export interface SeoPage {
  /** The page's URL without baseurl (`/docker/2020/...html`, `/`). */
  url: string;
  title?: string;
  /** Plain-text description: front-matter `description`, else the excerpt. */
  description?: string;
  /** Set for posts: they are articles. */
  published?: DateTime;
  modified?: DateTime;
  author?: string;
  image?: { url: string; width?: number; height?: number; alt?: string };
  prev?: string;
  next?: string;
  /** Page N of a paginated list (jekyll-paginate's paginator), for the title's "Page 2 of 3 for " prefix. */
  paginator?: { current: number; total: number };
}

/** The head tags jekyll-seo-tag writes, every value escaped for its context. */
export function seoTags(site: SiteConfig, page: SeoPage): string {
  const siteTitle = site.title;
  const pageTitle = page.title && page.title !== siteTitle ? page.title : undefined;
  // jekyll-seo-tag: a page without its own title is "Site | description", whatever its URL.
  const title =
    pageNumberPrefix(site, page) +
    (pageTitle ? `${pageTitle} | ${siteTitle}` : site.description ? `${siteTitle} | ${site.description}` : siteTitle);
  const description = truncateWords(plainText(page.description || site.description || ""), 200);
  const canonical = absoluteUrl(site, page.url.replace(/\/index\.html$/, "/"));
  const author = page.author ?? authorName(site.author);
  const image = page.image ? { ...page.image, url: absoluteUrl(site, page.image.url) } : undefined;
  const tags: string[] = [
    `<title>${escapeXml(title)}</title>`,
    meta("property", "og:title", pageTitle ?? siteTitle),
    author ? meta("name", "author", author) : "",
    meta("property", "og:locale", site.lang),
    description ? meta("name", "description", description) : "",
    description ? meta("property", "og:description", description) : "",
    site.url ? `<link rel="canonical" href="${escapeXml(canonical)}">` : "",
    site.url ? meta("property", "og:url", canonical) : "",
    meta("property", "og:site_name", siteTitle),
    image ? meta("property", "og:image", image.url) : "",
    image?.height ? meta("property", "og:image:height", String(image.height)) : "",
    image?.width ? meta("property", "og:image:width", String(image.width)) : "",
    image?.alt ? meta("property", "og:image:alt", image.alt) : "",
    page.published ? meta("property", "og:type", "article") : meta("property", "og:type", "website"),
    page.published ? meta("property", "article:published_time", xmlSchema(page.published)) : "",
    page.prev ? `<link rel="prev" href="${escapeXml(absoluteUrl(site, page.prev))}">` : "",
    page.next ? `<link rel="next" href="${escapeXml(absoluteUrl(site, page.next))}">` : "",
    meta("name", "twitter:card", image ? "summary_large_image" : "summary"),
    image ? meta("property", "twitter:image", image.url) : "",
    meta("property", "twitter:title", pageTitle ?? siteTitle),
    `<script type="application/ld+json">${scriptSafeJson(jsonLd(site, page, { title: pageTitle ?? siteTitle, description, canonical, author, image: image?.url }))}</script>`,
  ];
  return tags.filter(Boolean).join("\n");
}

function jsonLd(
  site: SiteConfig,
  page: SeoPage,
  facts: { title: string; description: string; canonical: string; author?: string; image?: string },
): Record<string, unknown> {
  const base: Record<string, unknown> = { "@context": "https://schema.org" };
  if (!page.published) {
    return {
      ...base,
      "@type": "WebSite",
      headline: facts.title,
      name: site.title,
      description: facts.description || undefined,
      url: facts.canonical,
    };
  }
  return {
    ...base,
    "@type": "BlogPosting",
    headline: facts.title,
    datePublished: xmlSchema(page.published),
    dateModified: xmlSchema(page.modified ?? page.published),
    author: facts.author ? { "@type": "Person", name: facts.author } : undefined,
    description: facts.description || undefined,
    image: facts.image,
    url: facts.canonical,
    mainEntityOfPage: { "@type": "WebPage", "@id": facts.canonical },
  };
}

/** jekyll-seo-tag's `seo_paginator_message` (default "Page %<current>s of %<total>s for "), from page 2 on. */
function pageNumberPrefix(site: SiteConfig, page: SeoPage): string {
  if (!page.paginator || page.paginator.current <= 1) return "";
  const message =
    typeof site.seo_paginator_message === "string" ? site.seo_paginator_message : "Page %<current>s of %<total>s for ";
  return message
    .replace("%<current>s", String(page.paginator.current))
    .replace("%<total>s", String(page.paginator.total));
}

export function authorName(author: SiteConfig["author"]): string | undefined {
  if (!author) return undefined;
  return typeof author === "string" ? author : author.name;
}

function meta(attribute: "name" | "property", key: string, content: string): string {
  return `<meta ${attribute}="${key}" content="${escapeXml(content)}">`;
}

/** JSON that cannot close its `<script>` element: `<`, `>` and `&` become Unicode escapes. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max).replace(/\s+\S*$/, "")}…`;
}
