// Build counters and phase marks, shared by the capabilities that do the work (render cache, images, search)
// and the progress display that shows them. One tiny global: a capability calls `countBuild(...)` and
// knows nothing about terminals. It lives in site, the floor, so that capabilities count without importing
// the command line (src/build/) above them.
//
//   countBuild("imagesEncoded")      // an image written by sharp
//   countBuild("imagesReused")       // an image found in the cache
//   countBuild("pagesIndexed", n)    // pages in the search index, as Pagefind counted them

export interface BuildCounts {
  /** Posts whose Markdown was rendered in this build. */
  postsRendered: number;
  /** Posts whose rendered Markdown came from the render cache. */
  postsReused: number;
  imagesEncoded: number;
  imagesReused: number;
  pagesIndexed: number;
  /** Of those, pages in parts of the index copied from an earlier build's (src/search/kept-parts.ts). */
  pagesIndexKept: number;
  /** Files Eleventy wrote. */
  pagesWritten: number;
  /** Posts whose pages a warm build took from the last build instead of rendering (src/rebuild/). */
  pagesKept: number;
}

export type Phase = "setup" | "render" | "after" | "swap";

export interface BuildStats {
  counts: BuildCounts;
  /** When each phase began (performance.now()), in the order they began. */
  phases: { phase: Phase; at: number }[];
}

const EMPTY: BuildCounts = {
  postsRendered: 0,
  postsReused: 0,
  imagesEncoded: 0,
  imagesReused: 0,
  pagesIndexed: 0,
  pagesIndexKept: 0,
  pagesWritten: 0,
  pagesKept: 0,
};

// On globalThis, not in module scope: the CLI and the Eleventy config can load this file through two
// different module loaders (tsx registers its own in .eleventy.js), and both must see one set of counts.
const KEY = Symbol.for("jekyll-faithful-blog.build-stats");
type WithStats = typeof globalThis & { [KEY]?: BuildStats };

export function buildStats(): BuildStats {
  const holder = globalThis as WithStats;
  holder[KEY] ??= { counts: { ...EMPTY }, phases: [] };
  return holder[KEY];
}

export function countBuild(what: keyof BuildCounts, amount = 1): void {
  buildStats().counts[what] += amount;
}

/** Marks the start of a phase; `npm start` rebuilds mark them again, so only the latest of each counts. */
export function markPhase(phase: Phase): void {
  buildStats().phases.push({ phase, at: performance.now() });
}

/** Zeroes the counts and phases, for the next build in the same process (`npm start`). */
export function resetBuildStats(): void {
  const stats = buildStats();
  stats.counts = { ...EMPTY };
  stats.phases = [];
}
