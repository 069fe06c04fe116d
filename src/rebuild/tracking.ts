// What a post's page does while it is written: the files it puts in the output and the other posts whose
// bodies it reads, noted through src/site/page-context.ts while its Template's render runs.
import path from "node:path";
import type { CollectionItem } from "../site/eleventy-config.ts";
import { noteBodyRead, whileWriting, type PageRecord } from "../site/page-context.ts";
import type { WrittenPost } from "./manifest.ts";
import { sha256 } from "../site/cache-files.ts";

/** The part of Eleventy's page entry (`mapEntry._pages[n]`) used here. */
interface PageEntry {
  outputPath?: string | false;
  data: { collections?: Record<string, unknown> };
}

/** The two methods of Eleventy's Template (src/Template.js) a post's page is written through. */
export interface EleventyTemplate {
  generateMapEntry(mapEntry: { _pages: PageEntry[] }, to: string): Promise<unknown[]>;
  renderPageEntryWithoutLayout(page: PageEntry): Promise<string>;
}

export type TemplateItem = CollectionItem & { template: EleventyTemplate };

export interface TrackedPost {
  /** After the build: what the manifest records of the page. */
  written(): Pick<WrittenPost, "pages" | "files" | "bodiesRead" | "filesRead">;
}

/** Keys of a collection item that hold its body. */
const BODY = new Set<PropertyKey>(["templateContent", "content", "rawInput"]);
const proxied = new WeakSet<object>();

/** Each item of every collection, in place, as a view that notes when a page reads its body. */
function watchBodies(collections: Record<string, unknown> | undefined): void {
  if (!collections || proxied.has(collections)) return;
  proxied.add(collections);
  for (const list of Object.values(collections)) {
    if (!Array.isArray(list)) continue;
    list.forEach((item: unknown, index) => {
      if (typeof item !== "object" || item === null || !("inputPath" in item)) return;
      const inputPath = String(item.inputPath);
      list[index] = new Proxy(item, {
        get(target, key, receiver) {
          if (BODY.has(key)) noteBodyRead(inputPath);
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    });
  }
}

/** Runs the post's render as its page's writing, so that what it reads and writes is noted. */
export function trackPost(item: TemplateItem, staged: string): TrackedPost {
  const inOutput = (file: string) => path.relative(staged, path.resolve(file)).split(path.sep).join("/");
  const { template } = item;
  const record: PageRecord = {
    inputPath: item.inputPath,
    files: new Set(),
    bodiesRead: new Set(),
    filesRead: new Map(),
  };
  const pages: string[] = [];
  const generate = template.generateMapEntry.bind(template);
  const renderBody = template.renderPageEntryWithoutLayout.bind(template);
  template.renderPageEntryWithoutLayout = (page) => {
    watchBodies(page.data.collections);
    return whileWriting(record, () => renderBody(page));
  };
  template.generateMapEntry = (mapEntry, to) => {
    for (const page of mapEntry._pages) if (typeof page.outputPath === "string") pages.push(inOutput(page.outputPath));
    watchBodies(mapEntry._pages[0]?.data.collections);
    return whileWriting(record, () => generate(mapEntry, to));
  };
  return {
    written: () => ({
      pages,
      files: [...record.files],
      bodiesRead: [...record.bodiesRead].sort(),
      filesRead: Object.fromEntries([...record.filesRead].map(([file, text]) => [file, sha256(text)])),
    }),
  };
}
