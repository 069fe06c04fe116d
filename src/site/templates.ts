import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "./eleventy-config.ts";

/**
 * Every template in a folder becomes a virtual page (kept out of `posts/`, the authors' folder): how pages,
 * feed and search each add the pages they own.
 */
export function addTemplatesFrom(
  eleventyConfig: EleventyConfig,
  folder: string,
  data: Record<string, Record<string, unknown>> = {},
): void {
  for (const name of readdirSync(folder)) {
    eleventyConfig.addTemplate(name, readFileSync(path.join(folder, name), "utf8"), data[name] ?? {});
  }
}
