import path from "node:path";
import type { DateTime } from "luxon";
import type { SiteConfig } from "../types.ts";
import type { TemplateData } from "../site/eleventy-config.ts";
import { readPostFileName } from "./filename.ts";

/** A page's input file relative to the project (`posts/x.md`), as a post's `file` and errors name it. */
export function inputFile(inputPath: string): string {
  return path.posix.normalize(inputPath).replace(/^\.\//, "");
}

/**
 * Whether Jekyll would build this page as a post: a post's file name, not `published: false`, not dated after
 * `now` (unless `future`), not a draft (unless `show_drafts`).
 */
export function isBuiltByJekyll(data: TemplateData, site: SiteConfig, now: DateTime): boolean {
  const source = readPostFileName(inputFile(data.page.inputPath));
  if (!source) return false;
  if (data.published === false) return false;
  if (source.draft && !site.show_drafts) return false;
  return site.future || data.page.date.getTime() <= now.toMillis();
}
