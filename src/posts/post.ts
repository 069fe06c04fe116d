import path from "node:path";
import type { DateTime } from "luxon";
import type { Post, PostSource, SiteConfig } from "../types.ts";
import { buildUrl, outputPathFor, postId, templateForStyle } from "./permalink.ts";
import { excerptSource } from "./excerpt.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { inputError, lineOfKey } from "../site/errors.ts";
import { parseFrontMatterDate } from "./date.ts";
import { folderCategories } from "./filename.ts";

export type FrontMatter = Record<string, unknown>;

/** A post as Jekyll sees it, from its file name, front matter, text, date and the site config. */
export function buildPost(
  source: PostSource,
  data: FrontMatter,
  fileText: string,
  date: DateTime,
  site: SiteConfig,
): Post {
  const slug = data.slug !== undefined && data.slug !== null ? String(data.slug) : source.fileSlug;
  const fromFolders = folderCategories(source.file);
  // Jekyll merges the folders' categories under the front matter's with Ruby's `|` (no repeats).
  const categories = fromFolders.length
    ? [...new Set([...fromFolders, ...readCategories(data)])]
    : readCategories(data);
  const permalinkTemplate =
    typeof data.permalink === "string" && data.permalink ? data.permalink : templateForStyle(site.permalink);
  let url: string;
  try {
    url = buildUrl({
      template: permalinkTemplate,
      date,
      slug,
      basename: path.posix.basename(source.file, source.ext),
      path: `/${source.file.replace(/^posts\/(_drafts\/)?/, "").slice(0, -source.ext.length)}`,
      categories,
    });
  } catch (error) {
    const fromPost = typeof data.permalink === "string";
    const where = fromPost ? source.file : "_config.yml";
    throw inputError(
      where,
      fromPost ? lineOfKey(fileText, "permalink") : undefined,
      (error as Error).message,
      "remove or rename that placeholder.",
    );
  }
  const outputPath = outputPathFor(url);
  if (outputPath.includes("\0")) {
    throw inputError(
      source.file,
      undefined,
      `its URL "${url}" holds a NUL character, which no file name can`,
      "take it out of the permalink, title, slug or categories.",
    );
  }
  const separator = data.excerpt_separator !== undefined ? String(data.excerpt_separator) : site.excerpt_separator;
  return {
    file: source.file,
    title: data.title !== undefined && data.title !== null ? String(data.title) : titleFromSlug(source.fileSlug),
    slug,
    date,
    categories,
    tags: readTags(data),
    url,
    outputPath,
    id: postId(url, slug),
    draft: source.draft,
    published: data.published !== false,
    excerptSource:
      typeof data.excerpt === "string" ? data.excerpt : excerptSource(splitFrontMatter(fileText).body, separator),
    layout: typeof data.layout === "string" ? data.layout : "post",
    lastModified: lastModifiedOf(data, site),
    description: typeof data.description === "string" ? data.description : undefined,
    image: imageOf(data.image),
  };
}

function lastModifiedOf(data: FrontMatter, site: SiteConfig): DateTime | undefined {
  if (data.last_modified_at === undefined || data.last_modified_at === null) return undefined;
  const parsed = parseFrontMatterDate(data.last_modified_at, site.timezone);
  return parsed.ok ? parsed.date : undefined;
}

// jekyll-seo-tag and jekyll-feed accept `image: path` or `image: { path: ... }`.
function imageOf(image: unknown): string | undefined {
  if (typeof image === "string") return image;
  if (typeof image === "object" && image !== null && "path" in image) return String(image.path);
  return undefined;
}

/** Utils.titleize_slug: `docker-vs-vm` gives `Docker Vs Vm`. */
export function titleFromSlug(slug: string): string {
  return slug
    .split("-")
    .map((word) => (word ? word[0].toUpperCase() + word.slice(1).toLowerCase() : word))
    .join(" ");
}

// Document#populate_categories: `categories` (a string is split on whitespace), then singular `category`
// as one value (never split), as text without repeats; merged into the raw list, where a number and its
// text are two values (`[2018, c++]` gives `2018, c++, 2018`, as Ruby's `Array#|` does).
function readCategories(data: FrontMatter): string[] {
  const raw = rawList(data.categories, true);
  const singular = "category" in data ? rawList(data.category, false) : raw;
  const texts = [...new Set([...raw, ...singular].map(String))];
  const merged: unknown[] = [];
  for (const value of [...raw, ...texts]) if (!merged.includes(value)) merged.push(value);
  return merged.map(String);
}

// Utils.pluralized_array_from_hash: singular `tag` wins whole; else `tags`, split when a string.
function readTags(data: FrontMatter): string[] {
  if ("tag" in data) return listOf(data.tag, false);
  // value_from_plural_key reads only a string or a list: `tags: 5` gives no tags.
  return typeof data.tags === "string" || Array.isArray(data.tags) ? listOf(data.tags, true) : [];
}

function listOf(value: unknown, splitStrings: boolean): string[] {
  return rawList(value, splitStrings).map(String);
}

// A front-matter list as Jekyll holds it: YAML values kept as they are, a string split when plural.
function rawList(value: unknown, splitStrings: boolean): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flat(Infinity).filter((v) => v !== null && v !== undefined);
  if (typeof value === "string" && splitStrings) return value.split(/\s+/).filter(Boolean);
  return [value];
}
