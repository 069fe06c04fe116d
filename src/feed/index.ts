import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Markdown } from "../markdown/index.ts";
import type { SiteConfig } from "../types.ts";
import type { CollectionApi, EleventyConfig } from "../site/eleventy-config.ts";
import { postsOf } from "../posts/index.ts";
import { addTemplatesFrom } from "../site/templates.ts";
import { authorName } from "../seo/head.ts";
import { absoluteUrl } from "../site/urls.ts";
import { normalizeUri } from "./uri.ts";

const TEMPLATES = path.join(path.dirname(fileURLToPath(import.meta.url)), "templates");
const FEED_SIZE = 10;

/** Atom at `/feed.xml` with jekyll-feed's entries and ids, so readers see no post twice after the move. */
export default function feedPlugin(
  eleventyConfig: EleventyConfig,
  { site, md, taken = new Set() }: { site: SiteConfig; md: Markdown; taken?: ReadonlySet<string> },
): void {
  const limit = Number((site.feed as { posts_limit?: number } | undefined)?.posts_limit ?? FEED_SIZE);
  eleventyConfig.addCollection("feedPosts", (api: CollectionApi) => postsOf(api).reverse().slice(0, limit));
  eleventyConfig.addFilter("smartify", (text: unknown) => md.renderInline(String(text ?? "")));
  eleventyConfig.addFilter("author_name", (author: unknown) => authorName(author as SiteConfig["author"]));
  // Jekyll's absolute_url normalizes (Addressable): ids with spaces or accents come out escaped.
  eleventyConfig.addFilter("feed_url", (value: unknown) =>
    /^[a-z][a-z0-9+.-]*:/i.test(String(value)) ? String(value) : normalizeUri(absoluteUrl(site, value)),
  );
  // `]]>` would end the CDATA section early.
  eleventyConfig.addFilter("cdata_safe", (text: unknown) => String(text ?? "").replaceAll("]]>", "]]]]><![CDATA[>"));
  // A site with its own feed.xml (pages/feed.xml) keeps it.
  addTemplatesFrom(eleventyConfig, TEMPLATES, {}, taken);
}
