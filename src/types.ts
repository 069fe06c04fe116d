// Data types shared across capabilities, declared once.
import type { DateTime } from "luxon";

/** Site settings read from `_config.yml`, with Jekyll's key names. Unknown keys are kept. */
export interface SiteConfig {
  title: string;
  description: string;
  url: string;
  baseurl: string;
  timezone: string;
  permalink: string;
  author?: string | { name?: string; email?: string; url?: string };
  excerpt_separator: string;
  future: boolean;
  show_drafts: boolean;
  paginate?: number;
  paginate_path: string;
  lang: string;
  [key: string]: unknown;
}

/** Where a post came from: what the file name says, before front matter. */
export interface PostSource {
  /** Path relative to the project root, e.g. `posts/2020-02-21-x.md`. */
  file: string;
  /** Date part of the file name (`2020-02-21`), absent for drafts. */
  fileDate?: string;
  /** Slug from the file name, trailing dots removed. */
  fileSlug: string;
  /** Extension with dot, e.g. `.md`. */
  ext: string;
  draft: boolean;
}

/** A post as Jekyll sees it, with every value computed from front matter, file name and config. */
export interface Post {
  file: string;
  title: string;
  slug: string;
  /** The publication instant, in the site timezone. */
  date: DateTime;
  categories: string[];
  tags: string[];
  /** The URL as Jekyll gives it, escaped (`/edge%20case/...`), without baseurl. */
  url: string;
  /** The file Eleventy writes, relative to the output folder, unescaped. */
  outputPath: string;
  /** jekyll-feed's entry id, without `url` + `baseurl`. */
  id: string;
  draft: boolean;
  published: boolean;
  /** Markdown source of the excerpt. */
  excerptSource: string;
  layout: string;
  /** Front-matter `last_modified_at`, for the feed's `updated` and the sitemap. */
  lastModified?: DateTime;
  /** Front-matter `description`, else undefined (the excerpt stands in). */
  description?: string;
  image?: string;
}
