// `npm run build`: Eleventy into a staging folder, then the search index, then the finished site swapped into
// `_site/`. A failed build prints what to fix and leaves the last good `_site/` as it was.
import path from "node:path";
import { countBuild } from "../site/stats.ts";
import { discard, discardWhenIdle, removeAbandoned, stagingFolder, swapIn } from "./output.ts";
import { describeFailure } from "./report.ts";
import { progressPlugin, startProgress } from "./progress.ts";
import { isRenderChild, renderHere, renderInChild, runRenderChild } from "./render-step.ts";
import { commitManifest, dropPendingManifest } from "../rebuild/index.ts";

const output = path.resolve(process.env.BLOG_OUTPUT ?? "_site");
/** The search index's parts, kept between builds so that a build indexes again only the parts that changed. */
const SEARCH_CACHE = path.resolve(".cache/search");
/** What each build wrote, so that the next one renders only the post pages whose inputs changed (src/rebuild/). */
const REBUILD_CACHE = path.resolve(".cache/rebuild");

async function main(): Promise<void> {
  const staged = stagingFolder(output);
  await removeAbandoned(output);
  // Ctrl-C: the half-written folder goes too (a build killed outright is cleaned up by the next one).
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void discard(staged).finally(() => process.exit(130));
    });
  }
  // Status line on a terminal, one summary line at the end (src/build/progress.ts).
  const progress = startProgress();
  // BLOG_SEARCH=0 skips the index for a quicker preview build; then there is nothing to render apart from.
  const search = process.env.BLOG_SEARCH !== "0";
  process.env.BLOG_REBUILD_OUTPUT = output;
  let failure: string | undefined;
  try {
    if (search) {
      failure = await renderInChild(staged);
      if (!failure) {
        const { indexSiteKeepingParts } = await import("../search/indexer.ts");
        const { pageCount, keptCount } = await indexSiteKeepingParts(staged, SEARCH_CACHE);
        countBuild("pagesIndexed", pageCount);
        countBuild("pagesIndexKept", keptCount);
      }
    } else {
      process.env.BLOG_OUTPUT = staged;
      await renderHere(staged, progress);
    }
    if (!failure) {
      progress.phase("swap");
      await swapIn(staged, output);
      commitManifest(REBUILD_CACHE, staged);
    }
  } catch (error) {
    failure = describeFailure(error, { staging: staged });
  }
  if (failure) {
    progress.finish("");
    // The error first: cleaning up must never hide it.
    console.error(`Build failed, ${path.relative(process.cwd(), output) || "."}/ left as it was.\n${failure}`);
    process.exitCode = 1;
    dropPendingManifest(REBUILD_CACHE, staged);
    // Pages still in flight may fail too: their errors are printed the same way, not as stack traces.
    process.on("unhandledRejection", (reason) => console.error(describeFailure(reason, { staging: staged })));
    discardWhenIdle(staged);
    return;
  }
  console.log(progress.finish(`${path.relative(process.cwd(), output)}/`));
}

// The child only counts; the parent shows the status line and the summary.
if (isRenderChild()) await runRenderChild({ plugin: progressPlugin });
else await main();
