// `npm run build`: Eleventy into a staging folder, then the finished site swapped into `_site/`.
// A failed build prints what to fix and leaves the last good `_site/` as it was.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { discard, discardWhenIdle, removeAbandoned, stagingFolder, swapIn } from "./output.ts";
import { describeFailure } from "./report.ts";
import { startProgress } from "./progress.ts";

const output = path.resolve(process.env.BLOG_OUTPUT ?? "_site");

async function main(): Promise<void> {
  const staged = stagingFolder(output);
  await removeAbandoned(output);
  // Ctrl-C: the half-written folder goes too (a build killed outright is cleaned up by the next one).
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void discard(staged).finally(() => process.exit(130));
    });
  }
  process.env.BLOG_OUTPUT = staged;
  // Status line on a terminal, one summary line at the end (src/build/progress.ts).
  const progress = startProgress();
  // src/build/launch.mjs hands over the compiled configuration; run through tsx, .eleventy.js loads the source.
  const configPath = process.env.BLOG_ELEVENTY_CONFIG ?? ".eleventy.js";
  const eleventy = new Eleventy(undefined, undefined, { configPath, quietMode: true, config: progress.plugin });
  eleventy.disableLogger();
  try {
    await eleventy.write();
    progress.phase("swap");
    await swapIn(staged, output);
  } catch (error) {
    progress.finish("");
    // The error first: cleaning up must never hide it.
    console.error(
      `Build failed, ${path.relative(process.cwd(), output) || "."}/ left as it was.\n${describeFailure(error, { staging: staged })}`,
    );
    process.exitCode = 1;
    // Pages still in flight may fail too: their errors are printed the same way, not as stack traces.
    process.on("unhandledRejection", (reason) => console.error(describeFailure(reason, { staging: staged })));
    discardWhenIdle(staged);
    return;
  }
  console.log(progress.finish(`${path.relative(process.cwd(), output)}/`));
}

await main();
