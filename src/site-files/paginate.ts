// jekyll-paginate on the site's own index.html: with `paginate` set, the index.html in paginate_path's folder
// (or the nearest one above it) gets `paginator` (posts of the page, page numbers and paths), and pages 2...N
// are written at paginate_path.
import path from "node:path";
import type { SiteConfig } from "../types.ts";
import type { SitePage } from "./site-folder.ts";

interface Pagination {
  pageNumber: number;
  items: unknown[];
  pages: unknown[];
}

/** Pagination.template_page: the deepest `index.html` in paginate_path's folder or one of its parents. */
export function paginatedPage(pages: SitePage[], site: SiteConfig): SitePage | undefined {
  if (site.paginate === undefined) return undefined;
  const folder = path.posix.dirname(site.paginate_path.replace(/^\/+/, "").replace(/\/+$/, ""));
  const parents = new Set<string>();
  for (let dir = folder; ; dir = path.posix.dirname(dir)) {
    parents.add(dir === "." ? "" : dir);
    if (dir === "." || dir === "/") break;
  }
  return pages
    .filter((page) => path.posix.basename(page.path) === "index.html")
    .filter((page) => parents.has(path.posix.dirname(page.path) === "." ? "" : path.posix.dirname(page.path)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** Pager.paginate_path: page 1 is the template page's URL, page N is paginate_path with :num. */
function pagePath(site: SiteConfig, firstUrl: string, number: number | null): string | null {
  if (number === null) return null;
  if (number <= 1) return firstUrl;
  const format = site.paginate_path.replace(":num", String(number));
  return format.startsWith("/") ? format : `/${format}`;
}

/** Eleventy data for the template page: its pagination over site.posts and Jekyll's `paginator`. */
export function paginationData(page: SitePage, site: SiteConfig): Record<string, unknown> {
  const perPage = Number(site.paginate);
  return {
    pagination: {
      data: "collections.sitePosts",
      size: perPage,
      alias: "paginatorPosts",
      generatePageOnEmptyData: true,
      before: (posts: Record<string, unknown>[]) => posts.filter((post) => !post.hidden),
    },
    permalink: (data: { pagination: Pagination }) => {
      const url = pagePath(site, page.url, data.pagination.pageNumber + 1) ?? page.url;
      return data.pagination.pageNumber === 0 ? `/${page.outputPath}` : url.endsWith("/") ? `${url}index.html` : url;
    },
    eleventyComputed: {
      paginator: (data: { pagination: Pagination; paginatorPosts: unknown[] }) => {
        const number = data.pagination.pageNumber + 1;
        const total = Math.max(data.pagination.pages.length, 1);
        const previous = number !== 1 ? number - 1 : null;
        const next = number !== total ? number + 1 : null;
        const all = (data.pagination.pages as unknown[]).reduce<number>(
          (sum, chunk) => sum + (Array.isArray(chunk) ? chunk.length : 1),
          0,
        );
        return {
          page: number,
          per_page: perPage,
          posts: data.pagination.items,
          total_posts: all,
          total_pages: total,
          previous_page: previous,
          previous_page_path: pagePath(site, page.url, previous),
          next_page: next,
          next_page_path: pagePath(site, page.url, next),
        };
      },
    },
  };
}
