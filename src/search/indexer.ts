import path from "node:path";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import * as pagefind from "pagefind";
import { keptParts, pageHash, type IndexedPage, type KeptParts, type KnownPage } from "./kept-parts.ts";
import { sameStamp, stampOf } from "../site/file-stamps.ts";
import { hasSearchablePage, isIndexable } from "./pages.ts";

/** Where the bundle goes inside the site; the search page loads its UI and index from here. */
export const BUNDLE_FOLDER = "pagefind";

export interface IndexReport {
  /** Pages in the index, as Pagefind counted them. */
  pageCount: number;
  /** Of those, pages in parts copied from an earlier build's index. */
  keptCount: number;
}

/**
 * Pages per Pagefind bundle. Pagefind's service holds every page it has indexed until it writes the bundle,
 * about 0.4 MB a post of the seed article's length: a blog of any size is indexed in parts of at most this many,
 * one service after the other, and the search page merges the parts (figures in BENCHMARKS.md, "Build memory").
 * `npm run build` keeps the parts between builds and indexes again only those whose pages changed, so this is
 * also what a one-post edit re-indexes; each part more costs a reader's first search a few small requests
 * (BENCHMARKS.md, "Build speed", warm rebuild).
 */
const PAGES_PER_BUNDLE = 250;
/** Pages per part: PAGES_PER_BUNDLE, unless BLOG_SEARCH_PART_PAGES says otherwise (tests split a small blog). */
const pagesPerPart = () => Number(process.env.BLOG_SEARCH_PART_PAGES) || PAGES_PER_BUNDLE;
/** The part `n` (from 2) of a bundle split in parts, inside the first part's folder. */
const partFolder = (n: number) => `part-${n}`;
/** The search page's element (templates/search.liquid) that tells search.js how many parts the index has. */
const SEARCH_PAGE_ELEMENT = /\bdata-search-page(?=[\s>])/;
/** Pages read and handed to Pagefind at once: enough to keep its service busy on both cores. */
const IN_FLIGHT = 8;

/**
 * Writes `<site>/pagefind/` for the site built in `outputDir`: each page whose layout marked a body to search,
 * read from disk and handed to Pagefind's service (https://pagefind.app/docs/node-api/), in parts of at most
 * PAGES_PER_BUNDLE pages. `searchable` says whether any page marked a body to search: with none, Pagefind
 * would index every page whole. `stopped` ends the work between two pages. With `kept`, a part made from the
 * same pages as in an earlier build is copied from there instead of indexed again, and each part indexed is
 * kept for the next build. Pagefind's errors are thrown, so a build fails.
 */
async function writeIndex(
  outputDir: string,
  searchable: boolean,
  stopped: () => boolean,
  kept?: KeptParts,
): Promise<IndexReport> {
  const bundle = path.join(outputDir, BUNDLE_FOLDER);
  // `npm start` rebuilds into the same folder: no result may outlive the post it came from.
  await rm(bundle, { recursive: true, force: true });
  try {
    const pages = searchable ? await indexablePages(outputDir, stopped, await kept?.knownPages()) : [];
    // The same pages go to the same part on every build, so one changed post changes one part.
    const parts = pages.length ? batches(pages, pagesPerPart()) : [[]];
    let pageCount = 0;
    let keptCount = 0;
    for (const [i, part] of parts.entries()) {
      if (stopped()) throw new Error("stopped by a newer build");
      // Parts from the second on go inside the first's folder, after it is written (kept.keep copies that folder).
      const folder = i ? path.join(bundle, partFolder(i + 1)) : bundle;
      const reused = (await kept?.reuse(i + 1, part, folder)) ?? false;
      if (!reused) {
        await indexPart(outputDir, part, folder, stopped);
        await kept?.keep(i + 1, part, folder).catch(notKept);
      }
      const count = await indexedPages(folder);
      pageCount += count;
      if (reused) keptCount += count;
    }
    await kept?.forgetAfter(parts.length).catch(notKept);
    await tellSearchPage(outputDir, parts.length);
    return { pageCount, keptCount };
  } catch (error) {
    throw asSearchError(error);
  } finally {
    // The service is a child process; closing it lets `npm run build` exit at once.
    await pagefind.close();
  }
}

/**
 * The pages of the site that mark a body to search, in a stable order. With `known` (parts are kept), each is
 * hashed, and a page a kept part holds with the same stamp is known without reading it.
 */
async function indexablePages(
  outputDir: string,
  stopped: () => boolean,
  known?: Map<string, KnownPage>,
): Promise<IndexedPage[]> {
  const pages: IndexedPage[] = [];
  for (const batch of batches(await htmlFiles(outputDir), IN_FLIGHT)) {
    if (stopped()) throw new Error("stopped by a newer build");
    const found = await Promise.all(batch.map((file) => indexablePage(outputDir, file, known)));
    for (const page of found) if (page) pages.push(page);
  }
  return pages;
}

async function indexablePage(
  outputDir: string,
  absolute: string,
  known?: Map<string, KnownPage>,
): Promise<IndexedPage | undefined> {
  const file = path.relative(outputDir, absolute).split(path.sep).join("/");
  const stamp = known && stampOf(outputDir, file);
  const seen = known?.get(file);
  if (seen && sameStamp(seen.stamp, stamp)) return { file, hash: seen.hash, stamp };
  const html = await readFile(absolute, "utf8");
  if (!isIndexable(html)) return undefined;
  return { file, hash: known ? pageHash(html) : "", stamp };
}

/** Indexes `pages` in a Pagefind service of their own and writes them as one bundle into `folder`. */
async function indexPart(outputDir: string, pages: IndexedPage[], folder: string, stopped: () => boolean) {
  const index = await startIndex();
  for (const batch of batches(pages, IN_FLIGHT)) {
    if (stopped()) throw new Error("stopped by a newer build");
    const read = await Promise.all(batch.map(({ file }) => readFile(path.join(outputDir, file), "utf8")));
    // Handed over in the pages' order, whichever read ends first: the order decides the bytes of the index.
    await Promise.all(batch.map(({ file }, i) => addPage(index, file, read[i])));
  }
  const written = await index.writeFiles({ outputPath: folder });
  if (written.errors.length) throw pagefindError(`could not write ${folder}`, written.errors);
  // Closing the service ends its process, and with it the memory of the pages of this part.
  await pagefind.close();
}

async function startIndex(): Promise<pagefind.PagefindIndex> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw pagefindError("could not start", errors);
  return index;
}

/** `file` is the page's path inside the site, from which Pagefind makes the result's URL as for a folder it reads. */
async function addPage(index: pagefind.PagefindIndex, file: string, html: string): Promise<void> {
  const added = await index.addHTMLFile({ sourcePath: file, content: html });
  if (added.errors.length) throw pagefindError(`could not index ${file}`, added.errors);
}

/** Every HTML file of the site, in a stable order (the same pages go to the same part on every build). */
async function htmlFiles(outputDir: string): Promise<string[]> {
  const entries = await readdir(outputDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function batches<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** Writes the number of parts into the search page, whose search.js merges parts 2 and on into the first. */
async function tellSearchPage(outputDir: string, parts: number): Promise<void> {
  if (parts < 2) return;
  const page = path.join(outputDir, "search", "index.html");
  const html = await readFile(page, "utf8").catch(() => undefined);
  if (html === undefined || !SEARCH_PAGE_ELEMENT.test(html))
    throw new Error(`the index has ${parts} parts, and no search page (search/index.html) to merge them`);
  await writeFile(page, html.replace(SEARCH_PAGE_ELEMENT, `data-search-page data-search-parts="${parts}"`));
}

/** Indexes a built site; unless the build said whether any page is searchable, its files are looked at. */
export async function indexSite(
  outputDir: string,
  searchable?: boolean,
  stopped: () => boolean = () => false,
): Promise<IndexReport> {
  return writeIndex(outputDir, searchable ?? (await hasSearchablePage(outputDir)), stopped);
}

/**
 * `npm run build`'s index: as indexSite, with the parts kept in `cacheDir` between builds, so a build indexes
 * again only the parts whose pages changed.
 */
export async function indexSiteKeepingParts(outputDir: string, cacheDir: string): Promise<IndexReport> {
  return writeIndex(outputDir, await hasSearchablePage(outputDir), () => false, keptParts(cacheDir));
}

/** The page count Pagefind wrote into its entry file, over all languages. */
async function indexedPages(bundle: string): Promise<number> {
  const entry = JSON.parse(await readFile(path.join(bundle, "pagefind-entry.json"), "utf8")) as {
    languages?: Record<string, { page_count?: number }>;
  };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

/** An index being made from a built site while the dev server already serves its pages. */
export interface BackgroundIndexing {
  /** Stops it (a newer build is starting) and resolves once Pagefind has stopped, so a new index can start. */
  stop(): Promise<void>;
}

/** Indexes a built site without holding up the build; `done` gets the report or the error, unless stopped first. */
export function indexSiteInBackground(
  outputDir: string,
  searchable: boolean | undefined,
  done: (result: IndexReport | Error) => void,
): BackgroundIndexing {
  let stopped = false;
  const settled = indexSite(outputDir, searchable, () => stopped).then(
    (report) => stopped || done(report),
    (error: unknown) => stopped || done(asSearchError(error)),
  );
  return {
    async stop() {
      stopped = true;
      // Closing the service fails whatever it was doing; `writeIndex` then ends, and a new index can start.
      await pagefind.close();
      await settled;
    },
  };
}

/**
 * A part that could not be kept (a full disk, another build keeping the same part at once) is indexed again by
 * the next build: the site just built is complete either way, so the build goes on.
 */
function notKept(error: unknown): void {
  console.warn(`Search index: a part could not be kept for the next build (${(error as Error).message}).`);
}

function asSearchError(error: unknown): Error {
  if (error instanceof Error && error.message.startsWith("Search index (Pagefind)")) return error;
  return new Error(`Search index (Pagefind) failed: ${error instanceof Error ? error.message : String(error)}`);
}

function pagefindError(what: string, errors: string[]): Error {
  return new Error(`Search index (Pagefind) ${what}: ${errors.join("; ") || "no reason given"}`);
}
