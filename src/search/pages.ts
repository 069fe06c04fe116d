import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The attribute post.liquid puts on a published post's article (drafts lack it); pages without it are not searched. */
const INDEXED_BODY = /<[a-z][^>]*\sdata-pagefind-body[\s>=]/i;

export interface BuiltPage {
  /** The page's URL path from the site root, as Pagefind should link it (`/docker/2020/.../x.html`). */
  url: string;
  html: string;
}

/** Whether a page's layout marked a body to search (published posts only). */
export function isIndexable(html: string): boolean {
  return INDEXED_BODY.test(html);
}

/** Every HTML page of a built site, by URL; which of them are searched is the indexer's `isIndexable`. */
export async function readBuiltPages(outputDir: string): Promise<BuiltPage[]> {
  const pages: BuiltPage[] = [];
  for (const file of await htmlFiles(outputDir)) {
    pages.push({ url: urlOf(file), html: await readFile(path.join(outputDir, file), "utf8") });
  }
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((file) => !file.startsWith("pagefind/"));
}

/** `a b/index.html` → `/a%20b/`: the file's URL (relative to the site folder), `index.html` dropped as servers do. */
export function urlOf(file: string): string {
  const encoded = file.split(path.sep).join("/").split("/").map(encodeURIComponent).join("/");
  return `/${encoded.replace(/(^|\/)index\.html$/, "$1")}`;
}
