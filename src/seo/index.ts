import type { SiteConfig } from "../types.ts";
import type { EleventyConfig } from "../site/eleventy-config.ts";
import { seoTags, type SeoPage } from "./head.ts";
import { plainText } from "../site/text.ts";
import { postOf } from "../posts/index.ts";
import type { ExcerptHtml } from "../liquid/excerpt.ts";

interface LiquidContext {
  get(path: string[]): unknown;
  getAll(): object;
}

/** `{% seo %}` in a layout writes what jekyll-seo-tag writes, from the page's own data. */
export default function seoPlugin(
  eleventyConfig: EleventyConfig,
  { site, excerptHtml }: { site: SiteConfig; excerptHtml: ExcerptHtml },
): void {
  eleventyConfig.addShortcode("seo", function (this: { ctx: LiquidContext }) {
    const get = (key: string) => this.ctx.get([key]);
    const post = postOf({ post: get("post") });
    const page = get("page") as { url: string };
    const url = post?.url ?? String(page.url);
    const seo: SeoPage = post
      ? {
          url,
          title: post.title,
          description: post.description ?? plainText(excerptHtml(post.excerptSource, this.ctx.getAll())),
          published: post.date,
          modified: post.lastModified,
          author: typeof get("author") === "string" ? String(get("author")) : undefined,
          image: (get("seoImage") as SeoPage["image"]) ?? (post.image ? { url: post.image } : undefined),
          prev: undefined,
          next: undefined,
        }
      : {
          url,
          title: get("title") as string | undefined,
          description: get("description") as string | undefined,
          ...paginatorOf(get),
        };
    return seoTags(site, seo);
  });
}

interface Pagination {
  pageNumber: number;
  pages: unknown[];
  href: { previous?: string; next?: string };
}

/** The home page's pages (jekyll-paginate): prev/next links and the page number. Archive pages paginate too, one archive a page, but are not a paginator. */
function paginatorOf(get: (key: string) => unknown): Pick<SeoPage, "prev" | "next" | "paginator"> {
  const pagination = get("pagination") as Pagination | undefined;
  if (get("paginator") !== true || !pagination || pagination.pages.length < 2) return {};
  return {
    prev: pagination.href.previous,
    next: pagination.href.next,
    paginator: { current: pagination.pageNumber + 1, total: pagination.pages.length },
  };
}
