// `page.*` as Jekyll names it inside a post: page.title, page.date, page.categories, page.tags, page.id,
// page.slug, page.path, page.excerpt and every front-matter key, next to what Eleventy keeps on `page`.
import { DateTime } from "luxon";
import type { SiteConfig } from "../types.ts";
import type { TemplateData } from "../site/eleventy-config.ts";
import { strftime } from "../site/dates.ts";
import { jekyllPath, postOf } from "../posts/index.ts";
import type { ExcerptHtml } from "./excerpt.ts";

/** Ruby's `Time#to_s`, which `{{ page.date }}` prints in Jekyll. */
export function rubyTime(date: DateTime): string {
  return strftime(date, "%Y-%m-%d %H:%M:%S %z");
}

/** A Date that prints like Ruby's Time, for `{{ page.date }}`, and is the same instant for everything else. */
export function jekyllDate(date: Date, zone: string): Date {
  const copy = new Date(date.getTime());
  // Worked out only when printed: few layouts print it, and zoning and formatting cost every post.
  let text: string | undefined;
  Object.defineProperty(copy, "toString", {
    value: () => (text ??= rubyTime(DateTime.fromMillis(copy.getTime()).setZone(zone))),
  });
  return copy;
}

/** Adds Jekyll's names to Eleventy's `page`, read lazily: the post is computed after preprocessing. */
export function addJekyllPageFields(
  data: TemplateData,
  frontMatter: Record<string, unknown>,
  site: SiteConfig,
  excerptHtml: ExcerptHtml,
): void {
  const page = data.page as unknown as Record<string, unknown>;
  const post = () => postOf(data);
  const fields: Record<string, () => unknown> = {
    title: () => post()?.title ?? data.title,
    categories: () => post()?.categories ?? [],
    tags: () => post()?.tags ?? [],
    id: () => post()?.id,
    slug: () => post()?.slug,
    path: () => {
      const file = post()?.file;
      return file === undefined ? undefined : jekyllPath(file);
    },
    excerpt: () => {
      const source = post()?.excerptSource;
      return source === undefined ? undefined : excerptHtml(source, data);
    },
    collection: () => (post() ? "posts" : undefined),
  };
  for (const key of Object.keys(frontMatter)) {
    if (!(key in fields) && !(key in page)) fields[key] = () => data[key];
  }
  for (const [key, get] of Object.entries(fields)) {
    if (key in page) continue;
    Object.defineProperty(page, key, { get, enumerable: true, configurable: true });
  }
  if (data.page.date instanceof Date) data.page.date = jekyllDate(data.page.date, site.timezone);
}
