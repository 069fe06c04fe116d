import path from "node:path";
import { readFile, rm } from "node:fs/promises";
import * as pagefind from "pagefind";
import { hasSearchablePage } from "./pages.ts";

/** Where the bundle goes inside the site; the search page loads its UI and index from here. */
export const BUNDLE_FOLDER = "pagefind";

export interface IndexReport {
  /** Pages in the index, as Pagefind counted them. */
  pageCount: number;
}

/**
 * Writes `<site>/pagefind/` for the site built in `outputDir`, Pagefind's service reading the pages from disk
 * itself with `addDirectory` (https://pagefind.app/docs/node-api/), on both cores. Handing it each page from the
 * build was slower (figures in BENCHMARKS.md): Eleventy runs every transform at the end of the render, so nothing
 * overlapped, and each page was piped through Node.
 * `searchable` says whether any page marked a body to search: with none, Pagefind would index every page whole.
 * Pagefind's errors are thrown, so a build fails.
 */
async function writeIndex(outputDir: string, searchable: boolean): Promise<IndexReport> {
  const bundle = path.join(outputDir, BUNDLE_FOLDER);
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw pagefindError("could not start", errors);
    // `npm start` rebuilds into the same folder: no result may outlive the post it came from.
    await rm(bundle, { recursive: true, force: true });
    if (searchable) {
      const added = await index.addDirectory({ path: outputDir });
      if (added.errors.length) throw pagefindError("could not index every post", added.errors);
    }
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw pagefindError(`could not write ${bundle}`, written.errors);
    return { pageCount: await indexedPages(bundle) };
  } catch (error) {
    throw asSearchError(error);
  } finally {
    // The service is a child process; closing it lets `npm run build` exit at once.
    await pagefind.close();
  }
}

/** Indexes a built site; unless the build said whether any page is searchable, its files are looked at. */
export async function indexSite(outputDir: string, searchable?: boolean): Promise<IndexReport> {
  return writeIndex(outputDir, searchable ?? (await hasSearchablePage(outputDir)));
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
  const settled = indexSite(outputDir, searchable).then(
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

function asSearchError(error: unknown): Error {
  if (error instanceof Error && error.message.startsWith("Search index (Pagefind)")) return error;
  return new Error(`Search index (Pagefind) failed: ${error instanceof Error ? error.message : String(error)}`);
}

function pagefindError(what: string, errors: string[]): Error {
  return new Error(`Search index (Pagefind) ${what}: ${errors.join("; ") || "no reason given"}`);
}
