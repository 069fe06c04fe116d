import type { Liquid } from "liquidjs";

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
export function renderExcerptLiquidSync(liquid: Liquid | undefined, source: string, scope: object): string {
  if (!liquid || !hasLiquid(source)) return source;
  try {
    return String(liquid.parseAndRenderSync(source, scope));
  } catch {
    return source;
  }
}
