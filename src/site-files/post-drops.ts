// `site.posts` as Jekyll's pages see it: newest first, each post with its front matter, URL, date,
// categories, tags and rendered excerpt.
import type { SiteConfig } from "../types.ts";
import type { CollectionItem } from "../site/eleventy-config.ts";
import { jekyllPath, postOf } from "../posts/index.ts";
import { jekyllDate } from "../liquid/page.ts";

// Data every page has from Eleventy or the site, not from the post's front matter.
const NOT_FRONT_MATTER = new Set(["site", "page", "eleventy", "pkg", "collections", "post", "permalink", "layout"]);

export function postDrops(
  items: CollectionItem[],
  site: SiteConfig,
  markdownify: (text: string) => string,
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
    Object.defineProperty(drop, "excerpt", {
      get: () => (excerpt ??= markdownify(post.excerptSource)),
      enumerable: true,
    });
    Object.defineProperty(drop, "content", { get: () => item.templateContent ?? "", enumerable: false });
    drops.push(drop);
  }
  return drops.reverse();
}
