import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import type { Post, PostSource, SiteConfig } from "../types.ts";
import type { TemplateData } from "../site/eleventy-config.ts";
import { parseFrontMatter, splitFrontMatter } from "./front-matter.ts";
import { jekyllPath, readPostFileName } from "./filename.ts";
import { projectPath } from "../site/paths.ts";
import { buildPost, type FrontMatter } from "./post.ts";
import { withDefaults } from "./defaults.ts";

/**
 * Each post file's last text and date, and the post built from them: `npm start` rebuilds every page on each
 * save, and each post is read again but built only when it changed.
 */
export type BuiltPosts = Map<string, { text: string; date: number; post: Post }>;

/** The post of a page under `posts/`, built from its file (or kept from `built` when the file is unchanged). */
export function readPost(data: TemplateData, site: SiteConfig, built: BuiltPosts): Post | undefined {
  const file = projectPath(data.page.inputPath);
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
  const frontMatter: FrontMatter = withDefaults(
    parseFrontMatter(splitFrontMatter(text).yaml, { filePath: file }),
    jekyllPath(file),
    site,
  );
  return buildPost(source, frontMatter, text, date, site);
}
