// Jekyll's Liquid in posts: tags (`highlight`, `link`, `include`; `raw` and `post_url` exist already),
// filters (`jsonify`; `where` and `sort` are liquidjs's own), Jekyll's `page.*` names,
// `render_with_liquid: false`, and a check that stops the build on an unknown or unclosed tag.
import { readFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import type { Context, Liquid } from "liquidjs";
import type { SiteConfig } from "../types.ts";
import type { EleventyConfig, LiquidTagImpl, TemplateData } from "../site/eleventy-config.ts";
import { inputError } from "../site/errors.ts";
import { parseFrontMatter, splitFrontMatter } from "../posts/front-matter.ts";
import { isBuiltByJekyll } from "../posts/index.ts";
import { highlightTag } from "./highlight.ts";
import { linkTag } from "./link.ts";
import { includeTag } from "./include.ts";
import { addJekyllPageFields, rubyTime } from "./page.ts";
import { checkLiquid, createValidator, type LiquidNames } from "./validate.ts";
import { renderSyncFirst } from "./sync-first.ts";
import { projectPath } from "../site/paths.ts";
import { renderExcerptLiquid, type ExcerptHtml } from "./excerpt.ts";

export interface LiquidOptions {
  site: SiteConfig;
  /** Renders `page.excerpt` (excerpt.ts). */
  excerptHtml: ExcerptHtml;
  /** The build's clock: future posts are not built, so not checked either. */
  now?: DateTime;
  root?: string;
}

// What Eleventy's config keeps of registered names (not in its public API, read only to check posts).
interface RegisteredNames {
  liquid?: { tags?: object; filters?: object; shortcodes?: object; pairedShortcodes?: object };
  universal?: { filters?: object; shortcodes?: object; pairedShortcodes?: object };
}

export function registeredNames(config: EleventyConfig): LiquidNames {
  const { liquid = {}, universal = {} } = config as unknown as RegisteredNames;
  const keys = (...objects: (object | undefined)[]) => objects.flatMap((o) => Object.keys(o ?? {}));
  return {
    tags: keys(liquid.tags, liquid.shortcodes, universal.shortcodes),
    pairedTags: keys(liquid.pairedShortcodes, universal.pairedShortcodes),
    filters: keys(liquid.filters, universal.filters),
  };
}

/** Jekyll's `jsonify`: JSON, with dates as Ruby prints them. */
export function jsonify(value: unknown, zone: string): string {
  return JSON.stringify(value ?? null, function (key, item: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Date) return rubyTime(DateTime.fromJSDate(raw).setZone(zone));
    if (DateTime.isDateTime(raw)) return rubyTime(raw.setZone(zone));
    return item;
  });
}

/** `render_with_liquid: false`: the whole body as literal text (an `{% endraw %}` inside is kept too). */
export function withoutLiquid(content: string): string {
  return content
    .split("{% endraw %}")
    .map((part) => `{% raw %}${part}{% endraw %}`)
    .join("{{ '{% endraw %}' }}");
}

/** What liquidjs gives a filter as `this`: the engine and the rendering context. */
interface LiquidFilterThis {
  liquid: Liquid;
  context: Context;
}

/** `{{ text | excerpt_liquid: item }}`: a post's excerpt source, Liquid rendered in the post's context (item.data). */
function excerptLiquid(
  this: LiquidFilterThis,
  source: unknown,
  item: { data?: Record<string, unknown> } | undefined,
): Promise<string> {
  return renderExcerptLiquid(this.liquid, String(source ?? ""), { ...this.context.getAll(), ...(item?.data ?? {}) });
}

const tag = (factory: (liquid: Liquid) => object) => (engine: unknown) => factory(engine as Liquid) as LiquidTagImpl;

export default function liquidPlugin(
  eleventyConfig: EleventyConfig,
  { site, excerptHtml, now = DateTime.now(), root = process.cwd() }: LiquidOptions,
): void {
  eleventyConfig.addLiquidTag("highlight", tag(highlightTag));
  eleventyConfig.addLiquidTag(
    "link",
    tag(() => linkTag(site, root)),
  );
  eleventyConfig.addLiquidTag("include", tag(includeTag));
  eleventyConfig.addFilter("jsonify", (value: unknown) => jsonify(value, site.timezone));
  eleventyConfig.addFilter("excerpt_liquid", excerptLiquid);
  // Layouts and pages rendered without a promise per tag unless one is needed (sync-first.ts).
  eleventyConfig.amendLibrary("liquid", renderSyncFirst);

  let validator: Liquid | undefined;
  eleventyConfig.addPreprocessor("jekyll-liquid", "md,markdown", (data: TemplateData, content: string) => {
    // Only posts Jekyll would build. The posts plugin's preprocessor ran first and skipped the others, but
    // Eleventy still runs every later preprocessor on a skipped page.
    if (!isBuiltByJekyll(data, site, now)) return undefined;
    const file = projectPath(data.page.inputPath);
    const text = readFileSync(path.join(root, file), "utf8");
    addJekyllPageFields(data, parseFrontMatter(splitFrontMatter(text).yaml, { filePath: file }), site, excerptHtml);
    if (data.render_with_liquid === false) return withoutLiquid(content);
    // Without `{{` or `{%` Liquid would give the text back unchanged (and no unknown tag or unclosed block
    // is possible): render it as plain Markdown, skipping Liquid's parse and async render of every such post.
    // https://www.11ty.dev/docs/languages/#overriding-the-template-language
    if (!/\{[{%]/.test(content)) {
      data.templateEngineOverride = "md";
      return undefined;
    }
    validator ??= createValidator(registeredNames(eleventyConfig), { highlight: highlightTag });
    const problem = checkLiquid(validator, content);
    if (!problem) return undefined;
    // Lines in `content` start after the front matter.
    const offset = text.endsWith(content) ? text.slice(0, text.length - content.length).split("\n").length - 1 : 0;
    throw inputError(
      file,
      problem.line === undefined ? undefined : problem.line + offset,
      problem.problem,
      problem.fix,
    );
  });
}
