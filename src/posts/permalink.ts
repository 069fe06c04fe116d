import path from "node:path";
import type { DateTime } from "luxon";
import { decodeSegment } from "../site/urls.ts";
import { slugify } from "../site/slugify.ts";
import { PERMALINK_STYLES } from "../site/config.ts";

export const OUTPUT_EXT = ".html";

export interface PermalinkInput {
  /** The site's `permalink` setting or a post's front-matter `permalink`. */
  template: string;
  date: DateTime;
  /** Front-matter `slug`, else the file name's. */
  slug: string;
  /** File name without extension, date included. */
  basename: string;
  /** Path below `posts/`, without extension, with a leading `/`. */
  path: string;
  categories: string[];
}

export function templateForStyle(style: string): string {
  return PERMALINK_STYLES[style] ?? style;
}

/** A post's URL as Jekyll's URL class builds it: placeholders filled and escaped, then sanitized. */
export function buildUrl(input: PermalinkInput): string {
  const values = placeholders(input);
  const filled = input.template.replace(/:([a-z_]+)/g, (match, name: string) => {
    const key =
      name in values ? name : name.endsWith("_") && name.slice(0, -1) in values ? name.slice(0, -1) : undefined;
    if (key === undefined) {
      throw new Error(
        `The permalink "${input.template}" uses :${name}, which is not a Jekyll placeholder. Use one of :${Object.keys(values).join(" :")}.`,
      );
    }
    return match.replace(`:${key}`, escapePath(values[key]()));
  });
  return `/${filled}`
    .replaceAll("..", "/")
    .replaceAll("./", "")
    .replace(/\/{2,}/g, "/");
}

/** The file Jekyll writes for a URL, relative to the output folder. */
export function outputPathFor(url: string): string {
  // URL.unescape_path decodes every escape, `%23` and `%25` included (decodeURI would keep those).
  const decoded = url.split("/").map(decodeSegment).join("/");
  // Site#in_dest_dir expands the decoded path from `/` (File.expand_path): a `..` that decoding brought
  // back (`%2e%2e`) stops at the top of the output folder, as in Jekyll.
  const file = path.posix.resolve("/", decoded).slice(1);
  if (url.endsWith("/")) return file ? `${file}/index.html` : "index.html";
  return file.endsWith(OUTPUT_EXT) ? file : `${file}${OUTPUT_EXT}`;
}

/** jekyll-feed's entry id: Document#id, the URL's folder joined with the slug. */
export function postId(url: string, slug: string): string {
  const folder = url.endsWith("/") ? url.replace(/\/[^/]*\/$/, "") : url.replace(/\/[^/]*$/, "");
  return `${folder}/${slug}`.replace(/\/{2,}/g, "/");
}

/** Each placeholder's value, computed only if the template uses it: most of them format the date. */
function placeholders({ date, slug, basename, path, categories }: PermalinkInput): Record<string, () => string> {
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const english = (format: string) => () => date.toFormat(format, { locale: "en-US" });
  return {
    collection: () => "posts",
    name: () => slugify(basename),
    path: () => path,
    title: () => slugify(slug, "pretty", true),
    slug: () => slugify(slug),
    categories: () => [...new Set(categories.map((c) => c.toLowerCase()))].join("/"),
    slugified_categories: () => [...new Set(categories.map((c) => slugify(c)))].join("/"),
    year: () => pad(date.year, 4),
    month: () => pad(date.month),
    day: () => pad(date.day),
    hour: () => pad(date.hour),
    minute: () => pad(date.minute),
    second: () => pad(date.second),
    i_day: () => String(date.day),
    i_month: () => String(date.month),
    short_month: english("LLL"),
    long_month: english("LLLL"),
    short_year: () => pad(date.year % 100),
    w_year: () => date.toFormat("kkkk"),
    week: () => date.toFormat("WW"),
    w_day: () => date.toFormat("E"),
    short_day: english("ccc"),
    long_day: english("cccc"),
    y_day: () => date.toFormat("ooo"),
    output_ext: () => OUTPUT_EXT,
  };
}

// Jekyll's URL.escape_path: plain paths pass, others are URI-encoded, with `#` escaped too.
function escapePath(value: string): string {
  if (value === "" || /^[a-zA-Z0-9./-]+$/.test(value)) return value;
  return encodeURI(value).replaceAll("#", "%23");
}
