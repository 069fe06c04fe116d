// The render as a process of its own. With 4,000 posts Eleventy holds about a gigabyte of pages until its
// process ends, and Pagefind's service needs more than that again: run together, the build's peak was their
// sum. So `npm run build` renders in a child process that exits, and indexes after it, in a process that holds
// no pages (figures in BENCHMARKS.md, "Build memory").
import { fork } from "node:child_process";
import { buildStats, type BuildStats } from "../site/stats.ts";
import type { Progress } from "./progress.ts";
import { describeFailure } from "./report.ts";

/** Set in the render child's environment: the child renders and reports, the parent indexes and swaps. */
const CHILD = "BLOG_RENDER_CHILD";

/** What the render child tells its parent: its counters as they go, then how the render ended. */
type RenderMessage = { kind: "stats"; stats: BuildStats; timeOrigin: number } | { kind: "failed"; description: string };

export function isRenderChild(): boolean {
  return process.env[CHILD] === "1";
}

/** Renders the site into `staged` in this process. */
export async function renderHere(staged: string, progress: Pick<Progress, "plugin">): Promise<void> {
  process.env.BLOG_OUTPUT = staged;
  // src/build/launch.mjs hands over the compiled configuration; run through tsx, .eleventy.js loads the source.
  const configPath = process.env.BLOG_ELEVENTY_CONFIG ?? ".eleventy.js";
  // Loaded here, not above: the parent process, which only waits for the child and indexes, never needs it.
  const { default: Eleventy } = await import("@11ty/eleventy");
  const eleventy = new Eleventy(undefined, undefined, { configPath, quietMode: true, config: progress.plugin });
  eleventy.disableLogger();
  await eleventy.write();
}

/**
 * Renders the site into `staged` in a child process (the same `launch.mjs`), copying its counters into this
 * process's as it goes. Resolves once the child, and the pages it held, are gone: to nothing if it rendered the
 * site, else to what the author should read.
 */
export function renderInChild(staged: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1], process.argv.slice(2), {
      env: { ...process.env, [CHILD]: "1", BLOG_OUTPUT: staged, BLOG_SEARCH: "0" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let failure: string | undefined;
    child.on("message", (message: RenderMessage) => {
      if (message.kind === "failed") failure = message.description;
      else adoptStats(message.stats, message.timeOrigin);
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0 && !failure) resolve(undefined);
      else resolve(failure ?? `The render process stopped (${signal ?? `exit code ${code}`}).`);
    });
  });
}

/** The child's side: renders, sends its counters while it works and once done, and exits. */
export async function runRenderChild(progress: Pick<Progress, "plugin">): Promise<void> {
  const staged = process.env.BLOG_OUTPUT ?? "";
  const send = (message: RenderMessage) =>
    new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
  const sendStats = () => send({ kind: "stats", stats: buildStats(), timeOrigin: performance.timeOrigin });
  const timer = setInterval(() => void sendStats(), 200);
  try {
    await renderHere(staged, progress);
    await sendStats();
  } catch (error) {
    // Pages still in flight may fail too: their errors are printed the same way, not as stack traces. The
    // child ends once they have, and only then does the parent remove the staging folder.
    process.on("unhandledRejection", (reason) => console.error(describeFailure(reason, { staging: staged })));
    await send({ kind: "failed", description: describeFailure(error, { staging: staged }) });
    process.exitCode = 1;
  } finally {
    clearInterval(timer);
    process.disconnect?.();
  }
}

/** Takes the child's counters and phase marks, its times moved onto this process's clock. */
function adoptStats(stats: BuildStats, childOrigin: number): void {
  const own = buildStats();
  const shift = childOrigin - performance.timeOrigin;
  const setup = own.phases.filter((mark) => mark.phase === "setup");
  own.counts = { ...stats.counts, pagesIndexed: own.counts.pagesIndexed, pagesIndexKept: own.counts.pagesIndexKept };
  own.phases = [
    ...setup,
    ...stats.phases.filter((mark) => mark.phase !== "setup").map((mark) => ({ ...mark, at: mark.at + shift })),
  ];
}
