import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The attribute post.liquid puts on a published post's article (drafts lack it); pages without it are not searched. */
const INDEXED_BODY = /<[a-z][^>]*\sdata-pagefind-body[\s>=]/i;

/** Whether a page's layout marked a body to search (published posts only). */
export function isIndexable(html: string): boolean {
  return INDEXED_BODY.test(html);
}

/** Whether any HTML page of a built site marks a body to search; stops at the first that does. */
export async function hasSearchablePage(outputDir: string): Promise<boolean> {
  const entries = await readdir(outputDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    if (isIndexable(await readFile(path.join(entry.parentPath, entry.name), "utf8"))) return true;
  }
  return false;
}
