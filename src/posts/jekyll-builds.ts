import type { DateTime } from "luxon";
import type { SiteConfig } from "../types.ts";
import type { TemplateData } from "../site/eleventy-config.ts";
import { readPostFileName } from "./filename.ts";
import { projectPath } from "../site/paths.ts";

/**
 * Whether Jekyll would build this page as a post: a post's file name, not `published: false`, not dated after
 * `now` (unless `future`), not a draft (unless `show_drafts`).
 */
export function isBuiltByJekyll(data: TemplateData, site: SiteConfig, now: DateTime): boolean {
  const source = readPostFileName(projectPath(data.page.inputPath));
  if (!source) return false;
  if (data.published === false) return false;
  if (source.draft && !site.show_drafts) return false;
  return site.future || data.page.date.getTime() <= now.toMillis();
}
