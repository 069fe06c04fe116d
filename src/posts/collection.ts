import type { CollectionApi, CollectionItem } from "../site/eleventy-config.ts";

/** `collections.posts`: oldest first, as Jekyll's site.posts before it reverses them; ties broken by path. */
export function postsOf(api: CollectionApi): CollectionItem[] {
  return api
    .getAll()
    .filter((item) => item.data.post)
    .sort((a, b) => a.date.getTime() - b.date.getTime() || a.inputPath.localeCompare(b.inputPath));
}

type Neighbour = (items: CollectionItem[], page: { inputPath?: string }) => CollectionItem | undefined;

/**
 * The `previous_post` and `next_post` filters: a post's neighbours in a collection. Eleventy's
 * getPreviousCollectionItem searches the whole list on every page (quadratic in posts); these find positions
 * in a map made once per collection.
 */
export function neighbourFilters(): { previous: Neighbour; next: Neighbour } {
  const positions = new WeakMap<CollectionItem[], Map<string, number>>();
  const neighbour =
    (step: number): Neighbour =>
    (items, page) => {
      if (!Array.isArray(items)) return undefined;
      let index = positions.get(items);
      if (!index) {
        index = new Map(items.map((item, position) => [item.inputPath, position]));
        positions.set(items, index);
      }
      const at = index.get(String(page?.inputPath));
      return at === undefined ? undefined : items[at + step];
    };
  return { previous: neighbour(-1), next: neighbour(1) };
}
