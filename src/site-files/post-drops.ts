// `site.posts` as Jekyll's pages see it: newest first, each post with its front matter, URL, date,
// categories, tags and rendered excerpt.
import type { SiteConfig } from "../types.ts";
import type { CollectionItem } from "../site/eleventy-config.ts";
import { jekyllPath, postOf } from "../posts/index.ts";
import { jekyllDate } from "../liquid/page.ts";
import type { ExcerptHtml } from "../liquid/excerpt.ts";
import { noteBodyRead } from "../site/page-context.ts";

// Data every page has from Eleventy or the site, not from the post's front matter.
const NOT_FRONT_MATTER = new Set(["site", "page", "eleventy", "pkg", "collections", "post", "permalink", "layout"]);

export function postDrops(
  items: CollectionItem[],
  site: SiteConfig,
  excerptHtml: ExcerptHtml,
): Record<string, unknown>[] {
  const drops: Record<string, unknown>[] = [];
  for (const item of items) {
    const post = postOf(item.data);
    if (!post) continue;
    const drop: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(item.data)) if (!NOT_FRONT_MATTER.has(key)) drop[key] = value;
    let excerpt: string | undefined;
    Object.assign(drop, {
      url: post.url,
      id: post.id,
      title: post.title,
      slug: post.slug,
      date: jekyllDate(post.date.toJSDate(), site.timezone),
      categories: post.categories,
      tags: post.tags,
      path: jekyllPath(post.file),
      draft: post.draft,
      collection: "posts",
    });
    // A front-matter `excerpt` is shown as written; otherwise the post's first paragraph, rendered as Jekyll
    // renders the post (Liquid, then Markdown).
    if (typeof item.data.excerpt !== "string") {
      Object.defineProperty(drop, "excerpt", {
        get: () => (excerpt ??= excerptHtml(post.excerptSource, item.data)),
        enumerable: true,
      });
    }
    Object.defineProperty(drop, "content", {
      get: () => {
        noteBodyRead(item.inputPath);
        return item.templateContent ?? "";
      },
      enumerable: false,
    });
    drops.push(drop);
  }
  return drops.reverse();
}

// Not a plain object, so Eleventy's data merge shares it with every page instead of copying it empty.
const SHARED = Object.freeze({});

/** `site.categories` or `site.tags`: each name and its posts, newest first, filled in place. */
export function postsByName(target: Record<string, unknown[]>, drops: Record<string, unknown>[], key: string): void {
  for (const name of Object.keys(target)) delete target[name];
  for (const drop of drops) {
    for (const name of (drop[key] as string[] | undefined) ?? []) (target[name] ??= []).push(drop);
  }
}

export function sharedObject<T>(): Record<string, T> {
  return Object.create(SHARED) as Record<string, T>;
}
