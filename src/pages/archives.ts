import type { CollectionApi, CollectionItem } from "../site/eleventy-config.ts";
import type { Post } from "../types.ts";
import { postOfItem, postsOf } from "../posts/index.ts";
import { slugify } from "../site/slugify.ts";

/** One archive page: a category, a tag or a year, with its posts newest first. */
export interface Archive {
  name: string;
  slug: string;
  posts: CollectionItem[];
}

type Key = (post: Post) => string[];

/** Groups posts into archives by a key, as jekyll-archives does (`/category/:name/`, `/tag/:name/`, `/:year/`). */
export function archivesBy(api: CollectionApi, key: Key): Archive[] {
  const groups = new Map<string, Archive>();
  for (const item of postsOf(api).reverse()) {
    for (const name of key(postOfItem(item))) {
      const slug = slugify(name);
      const archive = groups.get(slug) ?? { name, slug, posts: [] };
      archive.posts.push(item);
      groups.set(slug, archive);
    }
  }
  return [...groups.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export const byCategory: Key = (post) => post.categories;
export const byTag: Key = (post) => post.tags;
export const byYear: Key = (post) => [post.date.toFormat("yyyy")];
