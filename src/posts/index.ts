import { existsSync, readFileSync, statSync, readdirSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import type { Post, PostSource, SiteConfig } from "../types.ts";
import type { CollectionApi, CollectionItem, EleventyConfig, TemplateData } from "../site/eleventy-config.ts";
import { parseFrontMatter, splitFrontMatter } from "./front-matter.ts";
import { readPostFileName } from "./filename.ts";
import { parseFileNameDate, parseFrontMatterDate } from "./date.ts";
import { buildPost, type FrontMatter } from "./post.ts";
import { inputError, lineOfKey } from "../site/errors.ts";
import { postUrlTag } from "./post-url.ts";
import { withDefaults } from "./defaults.ts";

export interface PostsOptions {
  site: SiteConfig;
  /** Folder of layouts, to name the choices when a post asks for one that does not exist. */
  layoutsDir: string;
  /** The build's clock: posts dated after it are future posts. */
  now?: DateTime;
}

const relative = (inputPath: string) => path.posix.normalize(inputPath).replace(/^\.\//, "");

/** Jekyll-style posts: dates, URLs, categories, drafts, future and unpublished posts. */
export default function postsPlugin(
  eleventyConfig: EleventyConfig,
  { site, layoutsDir, now = DateTime.now() }: PostsOptions,
): void {
  // Ruby's YAML reading: unquoted times are UTC, quoted ones local; errors name the file and line.
  // The layout is checked here, as the front matter is read: Eleventy resolves layouts before any
  // preprocessor runs, and its own error for a missing one is a stack trace.
  eleventyConfig.setFrontMatterParsingOptions({
    engines: {
      yaml: (text: string, options?: { filePath?: string }) =>
        checkLayout(parseFrontMatter(text, options), options?.filePath, layoutsDir),
    },
  });
  // Jekyll reads `.markdown` posts too.
  eleventyConfig.addExtension("markdown", { key: "md" });

  eleventyConfig.addDateParsing(function (value) {
    const file = relative(this.page.inputPath);
    const source = readPostFileName(file);
    if (!source) return undefined;
    if (value !== undefined && value !== null) {
      const parsed = parseFrontMatterDate(value, site.timezone);
      if (parsed.ok) return parsed.date;
      const text = readFileSync(file, "utf8");
      throw inputError(
        file,
        lineOfKey(text, "date"),
        `the date "${describe(value)}" is not a date Jekyll reads`,
        'write it as "YYYY-MM-DD HH:MM:SS +/-TTTT", e.g. "2020-02-21 08:10:00 -0400" (time and offset optional).',
      );
    }
    if (source.fileDate) {
      const parsed = parseFileNameDate(source.fileDate, site.timezone);
      if (parsed.ok) return parsed.date;
      throw inputError(
        file,
        undefined,
        `the file name's date "${source.fileDate}" is not a real date`,
        "rename the file to YYYY-MM-DD-title.md with a valid date.",
      );
    }
    return DateTime.fromJSDate(statSync(file).mtime).setZone(site.timezone);
  });

  // `npm start` rebuilds every page on each save: each post is read again but built only when it changed.
  const built: BuiltPosts = new Map();
  // Posts Jekyll would not build are not built: unpublished, future, drafts (unless asked), other files.
  eleventyConfig.addPreprocessor("jekyll-posts", "md,markdown", (data: TemplateData) => {
    const file = relative(data.page.inputPath);
    const source = readPostFileName(file);
    if (!source) return false;
    if (data.published === false) return false;
    if (source.draft && !site.show_drafts) return false;
    if (!site.future && data.page.date.getTime() > now.toMillis()) return false;
    // Set here rather than as computed data: Eleventy's computed data works out each key's dependencies
    // on every page, a tenth of a build's render time, and these depend only on the file.
    const post = postOf(data, site, built);
    if (post) {
      data.post = post;
      data.title = post.title;
      data.permalink = post.outputPath;
    }
    return undefined;
  });

  // Jekyll's usual `defaults` for posts; pages name their own layout. (Computed data cannot set layouts.)
  eleventyConfig.addGlobalData("layout", "post");

  // Oldest first, as Jekyll's site.posts before it reverses them; ties broken by path.
  eleventyConfig.addCollection("posts", (api: CollectionApi) => postsOf(api));
  // A post's neighbours for its page: Eleventy's getPreviousCollectionItem searches the whole list on every
  // page (quadratic in posts); this finds positions in a map made once per collection.
  const positions = new WeakMap<CollectionItem[], Map<string, number>>();
  const neighbour = (step: number) => (items: CollectionItem[], page: { inputPath?: string }) => {
    if (!Array.isArray(items)) return undefined;
    let index = positions.get(items);
    if (!index) {
      index = new Map(items.map((item, position) => [item.inputPath, position]));
      positions.set(items, index);
    }
    const at = index.get(String(page?.inputPath));
    return at === undefined ? undefined : items[at + step];
  };
  eleventyConfig.addFilter("previous_post", neighbour(-1));
  eleventyConfig.addFilter("next_post", neighbour(1));
  eleventyConfig.addLiquidTag("post_url", postUrlTag);
}

export function postsOf(api: CollectionApi): CollectionItem[] {
  return api
    .getAll()
    .filter((item) => item.data.post)
    .sort((a, b) => a.date.getTime() - b.date.getTime() || a.inputPath.localeCompare(b.inputPath));
}

/** Each post file's last text and date, and the post built from them. */
type BuiltPosts = Map<string, { text: string; date: number; post: Post }>;

function postOf(data: TemplateData, site: SiteConfig, built: BuiltPosts): Post | undefined {
  const file = relative(data.page.inputPath);
  const source = readPostFileName(file);
  if (!source || !file.startsWith("posts/")) return undefined;
  // Front matter read from the file, not through the data cascade, which would make `permalink` depend on itself.
  const text = readFileSync(file, "utf8");
  const known = built.get(file);
  if (known && known.text === text && known.date === data.page.date.getTime()) return known.post;
  const post = buildPostFrom(file, source, text, data.page.date, site);
  built.set(file, { text, date: data.page.date.getTime(), post });
  return post;
}

function buildPostFrom(file: string, source: PostSource, text: string, pageDate: Date, site: SiteConfig): Post {
  const date = DateTime.fromJSDate(pageDate).setZone(site.timezone);
  // `defaults` of _config.yml apply under the post's own front matter, matched on Jekyll's path (`_posts/...`).
  const jekyllPath = file.replace(/^posts\/_drafts\//, "_drafts/").replace(/^posts\//, "_posts/");
  const frontMatter: FrontMatter = withDefaults(
    parseFrontMatter(splitFrontMatter(text).yaml, { filePath: file }),
    jekyllPath,
    site,
  );
  return buildPost(source, frontMatter, text, date, site);
}

/** Front matter whose `layout` names no file in `_includes/layouts/` stops the build, naming the choices. */
function checkLayout(
  data: Record<string, unknown>,
  filePath: string | undefined,
  layoutsDir: string,
): Record<string, unknown> {
  if (typeof data.layout !== "string" || !filePath) return data;
  const layouts = new Set(readdirSync(layoutsDir).map((name) => name.replace(/\.[^.]+$/, "")));
  if (layouts.has(data.layout) || layouts.has(data.layout.replace(/\.[^.]+$/, ""))) return data;
  const file = relative(filePath);
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  throw inputError(
    file,
    lineOfKey(text, "layout"),
    `there is no layout "${data.layout}"`,
    `use one of ${[...layouts].sort().join(", ")}, or add _includes/layouts/${data.layout}.liquid.`,
  );
}

function describe(value: unknown): string {
  if (typeof value === "object" && value !== null && "yamlTimestamp" in value) return String(value.yamlTimestamp);
  return String(value);
}
