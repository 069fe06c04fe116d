import type { Post } from "../types.ts";
import type { CollectionItem } from "../site/eleventy-config.ts";

/** The post the posts plugin put in a page's data (`data.post`), or undefined on a page that is not a post. */
export function postOf(data: Readonly<Record<string, unknown>> | undefined): Post | undefined {
  return data?.post as Post | undefined;
}

/** The post of an item of `collections.posts`, which holds only pages with one. */
export function postOfItem(item: CollectionItem): Post {
  const post = postOf(item.data);
  if (!post) throw new Error(`${item.inputPath} is in collections.posts but has no post in its data`);
  return post;
}
