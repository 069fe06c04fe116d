// The site's own folder (`pages/`, Jekyll's site root without `_posts`): each file Jekyll would read is a page
// (it starts with a `---` front-matter line) or a static file, copied as it is.
import { existsSync, openSync, readFileSync, readSync, closeSync, statSync } from "node:fs";
import path from "node:path";
import type { SiteConfig } from "../types.ts";
import { inputError, lineOfKey } from "../site/errors.ts";
import { PAGES_FOLDER } from "../site/paths.ts";
import { parseFrontMatter, splitFrontMatter } from "../posts/front-matter.ts";
import { defaultsFor } from "../posts/defaults.ts";
import { entryRules, siteEntries } from "./entries.ts";
import { outputExtension, pageOutputPath, pageUrl } from "./page-url.ts";

export { PAGES_FOLDER };

export interface SitePage {
  /** Path inside `pages/`, Jekyll's `page.path` (`docs/index.md`). */
  path: string;
  frontMatter: Record<string, unknown>;
  body: string;
  url: string;
  /** The file written, relative to the output folder. */
  outputPath: string;
  /** `false` writes the page's own output without a layout. */
  layout: string | false;
}

export interface SiteStaticFile {
  /** Path inside `pages/`, also its path in the output. */
  path: string;
  modified: Date;
}

export interface SiteFolder {
  pages: SitePage[];
  staticFiles: SiteStaticFile[];
  /** Paths in pages/ left out for their names, as Jekyll leaves them out (`_notes.md`). */
  leftOut: string[];
}

// Utils.has_yaml_header?: the first line is `---`.
function hasFrontMatter(file: string): boolean {
  const handle = openSync(file, "r");
  try {
    const head = Buffer.alloc(8);
    const read = readSync(handle, head, 0, 8, 0);
    return /^---[ \t]*\r?\n/.test(head.subarray(0, read).toString("latin1"));
  } finally {
    closeSync(handle);
  }
}

function layoutOf(file: string, text: string, frontMatter: Record<string, unknown>, layouts: string[]): string | false {
  if (!("layout" in frontMatter)) return outputExtension(file) === ".html" ? "page" : false;
  const layout = frontMatter.layout;
  if (layout === null || layout === false || layout === "" || layout === "none") return false;
  const name = String(layout).replace(/\.[^.]+$/, "");
  if (layouts.includes(name)) return name;
  throw inputError(
    file,
    lineOfKey(text, "layout"),
    `there is no layout "${String(layout)}"`,
    `use one of ${layouts.join(", ")}, or add _includes/layouts/${name}.liquid.`,
  );
}

/** Reads the pages and static files of `root/pages/`, with `exclude:`, `include:` and `defaults` applied. */
export function readSiteFolder(root: string, site: SiteConfig, layouts: string[]): SiteFolder {
  const folder = path.join(root, PAGES_FOLDER);
  const result: SiteFolder = { pages: [], staticFiles: [], leftOut: [] };
  if (!existsSync(folder)) return result;
  for (const relative of siteEntries(folder, entryRules(site), result.leftOut)) {
    const full = path.join(folder, relative);
    if (!hasFrontMatter(full)) {
      result.staticFiles.push({ path: relative, modified: statSync(full).mtime });
      continue;
    }
    const shown = `${PAGES_FOLDER}/${relative}`;
    const text = readFileSync(full, "utf8");
    const split = splitFrontMatter(text);
    const frontMatter = {
      ...defaultsFor(relative, site.defaults, "pages"),
      ...parseFrontMatter(split.yaml, { filePath: shown }),
    };
    const url = pageUrl(relative, frontMatter.permalink, site.permalink);
    result.pages.push({
      path: relative,
      frontMatter,
      body: split.body,
      url,
      outputPath: pageOutputPath(url, outputExtension(relative)),
      layout: layoutOf(shown, text, frontMatter, layouts),
    });
  }
  return result;
}
