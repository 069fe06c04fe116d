import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { EleventyConfig } from "./eleventy-config.ts";

/**
 * Every template in a folder becomes a virtual page (kept out of `posts/`, the authors' folder): how pages,
 * feed and search each add the pages they own. A template whose `permalink:` is a file the author's site
 * writes itself (`taken`, e.g. its own `404.html` or `sitemap.xml`) steps aside, as Jekyll's plugins do.
 */
export function addTemplatesFrom(
  eleventyConfig: EleventyConfig,
  folder: string,
  data: Record<string, Record<string, unknown>> = {},
  taken: ReadonlySet<string> = new Set(),
): void {
  for (const name of readdirSync(folder)) {
    const text = readFileSync(path.join(folder, name), "utf8");
    const permalink = /^permalink: *"?\/?([^"{\n]+)"?$/m.exec(text)?.[1];
    const output = permalink?.endsWith("/") ? `${permalink}index.html` : permalink;
    if (taken.has(name) || (output && taken.has(output))) continue;
    eleventyConfig.addTemplate(name, text, data[name] ?? {});
  }
}
