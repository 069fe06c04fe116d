import type { Liquid } from "liquidjs";
import type { EleventyConfig } from "../site/eleventy-config.ts";

// Jekyll renders a post's excerpt as it renders the post, Liquid first (`{{ site.baseurl }}`, `{{ page.title }}`,
// `{% post_url %}`), in the post's context; the home page, the feed and the description all show that rendering.
// A cut that leaves a block open, or any other Liquid error, keeps the source as written.

const hasLiquid = (text: string) => text.includes("{%") || text.includes("{{");

/** The excerpt's Markdown source with its Liquid rendered in `scope`. */
export async function renderExcerptLiquid(liquid: Liquid, source: string, scope: object): Promise<string> {
  if (!hasLiquid(source)) return source;
  try {
    return String(await liquid.parseAndRender(source, scope));
  } catch {
    return source;
  }
}

/** The same, where no promise can be awaited (a shortcode): a tag that needs one keeps the source as written. */
function renderExcerptLiquidSync(liquid: Liquid | undefined, source: string, scope: object): string {
  if (!liquid || !hasLiquid(source)) return source;
  try {
    return String(liquid.parseAndRenderSync(source, scope));
  } catch {
    return source;
  }
}

/** A post's excerpt as `page.excerpt` and `post.excerpt` give it: its Liquid rendered in `scope`, then Markdown. */
export type ExcerptHtml = (source: string, scope: object) => string;

/** The renderer of `page.excerpt`/`post.excerpt`, on the Liquid engine Eleventy hands its templates. */
export function excerptRenderer(eleventyConfig: EleventyConfig, markdownify: (text: string) => string): ExcerptHtml {
  let liquid: Liquid | undefined;
  eleventyConfig.amendLibrary("liquid", (library: Liquid) => {
    liquid = library;
  });
  return (source, scope) => markdownify(renderExcerptLiquidSync(liquid, source, scope));
}
