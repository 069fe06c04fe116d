import path from "node:path";
import { rm } from "node:fs/promises";
import * as pagefind from "pagefind";
import { isIndexable, readBuiltPages, type BuiltPage } from "./pages.ts";

/** Where the bundle goes inside the site; the search page loads its UI and index from here. */
export const BUNDLE_FOLDER = "pagefind";

export interface IndexReport {
  pageCount: number;
  urls: string[];
}

/** One build's index: pages go in while the rest of the site is still rendering, the bundle is written at the end. */
export interface SearchIndexing {
  /** Hands a finished page to Pagefind if its layout marked a body to search; does not wait. */
  add(page: BuiltPage): void;
  /** Waits for every page, writes `<site>/pagefind/` and stops Pagefind. */
  finish(outputDir: string): Promise<IndexReport>;
  /** Stops Pagefind without writing anything (a failed build). */
  abandon(): Promise<void>;
}

/**
 * Starts Pagefind's service (a child process, https://pagefind.app/docs/node-api/). Pages added while Eleventy
 * renders are parsed by Pagefind on the other core, so indexing mostly overlaps the render.
 * Any error Pagefind reports is thrown by `finish`, so the build fails and the previous site stays published.
 */
export function startIndexing(): SearchIndexing {
  const created = pagefind.createIndex({}).then(({ index, errors }) => {
    if (!index) throw pagefindError("could not start", errors);
    return index;
  });
  // Rejections are collected by `finish`; without this Node would report them as unhandled meanwhile.
  created.catch(() => undefined);
  const pending: Promise<string[]>[] = [];
  const urls: string[] = [];

  return {
    add(page) {
      if (!isIndexable(page.html)) return;
      urls.push(page.url);
      const added = created.then((index) => index.addHTMLFile({ url: page.url, content: page.html })).then(
        (response) => response.errors.map((error) => `${page.url}: ${error}`),
        (error: unknown) => [`${page.url}: ${error instanceof Error ? error.message : String(error)}`],
      );
      pending.push(added);
    },
    async finish(outputDir) {
      const bundle = path.join(outputDir, BUNDLE_FOLDER);
      try {
        const index = await created;
        const failures = (await Promise.all(pending)).flat();
        if (failures.length) throw pagefindError("could not index every post", failures);
        // `npm start` rebuilds into the same folder: no result may outlive the post it came from.
        await rm(bundle, { recursive: true, force: true });
        const written = await index.writeFiles({ outputPath: bundle });
        if (written.errors.length) throw pagefindError(`could not write ${bundle}`, written.errors);
        return { pageCount: urls.length, urls: [...urls].sort() };
      } catch (error) {
        throw asSearchError(error);
      } finally {
        // The service is a child process; closing it lets `npm run build` exit at once.
        await pagefind.close();
      }
    },
    async abandon() {
      await pagefind.close();
    },
  };
}

/** Indexes an already built site from its files (an incremental build, `npm run bench:search`). */
export function indexSite(outputDir: string): Promise<IndexReport> {
  return indexBuiltPages(startIndexing(), outputDir);
}

async function indexBuiltPages(indexing: SearchIndexing, outputDir: string): Promise<IndexReport> {
  for (const page of await readBuiltPages(outputDir)) indexing.add(page);
  return indexing.finish(outputDir);
}

/** An index being made from a built site while the dev server already serves its pages. */
export interface BackgroundIndexing {
  /** Stops it (a newer build is starting) and resolves once Pagefind has stopped, so a new index can start. */
  stop(): Promise<void>;
}

/** Indexes a built site without holding up the build; `done` gets the report or the error, unless stopped first. */
export function indexSiteInBackground(outputDir: string, done: (result: IndexReport | Error) => void): BackgroundIndexing {
  const indexing = startIndexing();
  let stopped = false;
  const settled = indexBuiltPages(indexing, outputDir).then(
    (report) => stopped || done(report),
    (error: unknown) => stopped || done(asSearchError(error)),
  );
  return {
    async stop() {
      stopped = true;
      await indexing.abandon();
      // `finish` closes Pagefind's service when it ends: it must end before a new one starts.
      await settled;
    },
  };
}

function asSearchError(error: unknown): Error {
  if (error instanceof Error && error.message.startsWith("Search index (Pagefind)")) return error;
  return new Error(`Search index (Pagefind) failed: ${error instanceof Error ? error.message : String(error)}`);
}

function pagefindError(what: string, errors: string[]): Error {
  return new Error(`Search index (Pagefind) ${what}: ${errors.join("; ") || "no reason given"}`);
}
