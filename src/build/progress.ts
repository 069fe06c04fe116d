// What an author sees during `npm run build`: on a terminal, one status line kept up to date (posts
// rendered or reused, images encoded or reused, pages indexed); off a terminal (CI, logs), nothing until
// the end. Either way the build ends with one summary line with the time of each phase.
import type { EleventyConfig } from "../site/eleventy-config.ts";
import { buildStats, markPhase, resetBuildStats, type BuildCounts, type Phase } from "../site/stats.ts";

const PHASE_NAMES: Record<Phase, string> = { setup: "setup", render: "render", after: "images+search", swap: "swap" };
const REFRESH_MS = 200;

const number = (n: number) => n.toLocaleString("en-US");
const plural = (n: number, one: string, many = `${one}s`) => `${number(n)} ${n === 1 ? one : many}`;

/** The counts in words, leaving out what did not happen. */
export function describeCounts(counts: BuildCounts): string {
  const posts = counts.postsRendered + counts.postsReused;
  const parts = [
    posts ? `${plural(posts, "post")} (${number(counts.postsReused)} from the render cache)` : "",
    counts.imagesEncoded + counts.imagesReused
      ? `images ${number(counts.imagesEncoded)} encoded, ${number(counts.imagesReused)} reused`
      : "",
    counts.pagesIndexed
      ? `${plural(counts.pagesIndexed, "page")} indexed${counts.pagesIndexKept ? ` (${number(counts.pagesIndexKept)} from kept parts)` : ""}`
      : "",
    counts.pagesWritten ? `${plural(counts.pagesWritten, "file")} written` : "",
    counts.pagesKept ? `${plural(counts.pagesKept, "post page")} kept from the last build` : "",
  ];
  return parts.filter(Boolean).join(", ");
}

/** Seconds spent in each phase, from the marks: a phase lasts until the next one begins (or `end`). */
export function phaseTimes(phases: { phase: Phase; at: number }[], end: number): { phase: Phase; seconds: number }[] {
  return phases.map((mark, index) => ({
    phase: mark.phase,
    seconds: ((phases[index + 1]?.at ?? end) - mark.at) / 1000,
  }));
}

/** The closing line: `Built _site/ in 5.43 s (setup 1.10 s, render 3.20 s, ...): 1,000 posts (...), ...`. */
export function summaryLine(target: string, started: number, end: number): string {
  const { counts, phases } = buildStats();
  const times = phaseTimes(phases, end)
    .filter((t) => t.seconds >= 0.005)
    .map((t) => `${PHASE_NAMES[t.phase]} ${t.seconds.toFixed(2)} s`)
    .join(", ");
  const what = describeCounts(counts);
  return `Built ${target} in ${((end - started) / 1000).toFixed(2)} s${times ? ` (${times})` : ""}${what ? `: ${what}` : ""}`;
}

/** An Eleventy plugin that marks the render and after-build phases and counts the files written. */
export function progressPlugin(eleventyConfig: EleventyConfig): void {
  eleventyConfig.on("eleventy.before", () => markPhase("render"));
  eleventyConfig.on("eleventy.after", ({ results }: { results?: unknown[] }) => {
    markPhase("after");
    buildStats().counts.pagesWritten = results?.length ?? 0;
  });
}

export interface Progress {
  /** Pass to Eleventy's `config` option. */
  plugin: (eleventyConfig: EleventyConfig) => void;
  phase(phase: Phase): void;
  /** Clears the status line; returns the summary line for a finished build. */
  finish(target: string): string;
}

/**
 * Starts counting (and, on a terminal, showing) a build. Times run from the start of the process
 * (performance.now() is 0 there), so "setup" includes loading Node, tsx and Eleventy: what the author waits for.
 */
export function startProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = 0;
  resetBuildStats();
  buildStats().phases.push({ phase: "setup", at: started });
  const live = Boolean(stream.isTTY) && process.env.CI !== "true";
  let shown = false;
  const timer = live
    ? setInterval(() => {
        const { counts, phases } = buildStats();
        const phase = phases.at(-1)?.phase ?? "setup";
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const line = `${PHASE_NAMES[phase]}… ${seconds} s${describeCounts(counts) ? `: ${describeCounts(counts)}` : ""}`;
        stream.write(`\r\x1b[K${line.slice(0, (stream.columns || 80) - 1)}`);
        shown = true;
      }, REFRESH_MS)
    : undefined;
  timer?.unref();
  return {
    plugin: progressPlugin,
    phase: markPhase,
    finish(target) {
      if (timer) clearInterval(timer);
      if (shown) stream.write("\r\x1b[K");
      return summaryLine(target, started, performance.now());
    },
  };
}
