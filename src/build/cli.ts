// `npm run build`: Eleventy into a staging folder, then the finished site swapped into `_site/`.
// A failed build prints what to fix and leaves the last good `_site/` as it was.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { discard, stagingFolder, swapIn } from "./output.ts";
import { describeFailure } from "./report.ts";

const output = path.resolve(process.env.BLOG_OUTPUT ?? "_site");

async function main(): Promise<void> {
  const started = performance.now();
  const staged = stagingFolder(output);
  process.env.BLOG_OUTPUT = staged;
  const eleventy = new Eleventy(undefined, undefined, { configPath: ".eleventy.js", quietMode: true });
  eleventy.disableLogger();
  try {
    await eleventy.write();
    await swapIn(staged, output);
  } catch (error) {
    await discard(staged);
    console.error(`Build failed, ${path.relative(process.cwd(), output) || "."}/ left as it was.\n${describeFailure(error)}`);
    process.exitCode = 1;
    return;
  }
  console.log(`Built ${path.relative(process.cwd(), output)}/ in ${((performance.now() - started) / 1000).toFixed(2)} s`);
}

await main();
