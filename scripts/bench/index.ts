// `npm run bench`: times this blog's build against bare Eleventy, Hugo and Jekyll over the same generated
// posts, alternating systems round by round, and writes the medians into BENCHMARKS.md with a chart.
//   npm run bench                                   250, 1,000 and 4,000 posts, 3 rounds
//   npm run bench -- --posts 50,200 --runs 3        a quick run
//   npm run bench -- --out /tmp/b.md --chart /tmp/b.svg   write elsewhere (BENCH_POSTS, BENCH_RUNS also work)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { measure, median, type Measurement } from "./measure.ts";
import { articleBody, makePosts } from "./posts.ts";
import { setUpSystems } from "./systems.ts";
import { buildTimeChart } from "./chart.ts";
import { machineFacts, renderSection, type Result } from "./report.ts";
import { writeSection } from "./sections.ts";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: process.env.BENCH_POSTS ?? "250,1000,4000" },
    runs: { type: "string", default: process.env.BENCH_RUNS ?? "3" },
    out: { type: "string", default: path.join(REPO, "BENCHMARKS.md") },
    chart: { type: "string", default: path.join(REPO, "docs/bench-build-time.svg") },
    only: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const counts = values.posts
  .split(",")
  .map((n) => Number(n.trim()))
  .filter((n) => Number.isInteger(n) && n > 0);
const runs = Number(values.runs);
if (!counts.length || !(runs >= 1)) throw new Error("usage: npm run bench -- --posts 250,1000,4000 --runs 3");
const only = values.only ? new Set(values.only.split(",")) : undefined;

const body = articleBody(path.join(REPO, "posts/2020-02-21-docker-versus-virtual-machines.md"));
const facts = machineFacts(REPO);
const results: Result[] = [];

for (const count of counts) {
  const work = mkdtempSync(path.join(tmpdir(), `bench-${count}-`));
  const systems = setUpSystems({ repo: REPO, work, posts: makePosts(count, body) }).filter(
    (s) => !only || only.has(s.key),
  );
  const samples = new Map<string, Measurement[]>(systems.map((s) => [s.key, []]));
  console.log(`\n${count} posts in ${work}`);
  for (let run = 1; run <= runs; run++) {
    for (const system of systems) {
      system.prepare(run);
      const measured = await measure(system.command);
      samples.get(system.key)?.push(measured);
      console.log(
        `  run ${run}  ${system.key.padEnd(14)} ${measured.seconds.toFixed(2).padStart(7)} s  ${(measured.peakBytes / 2 ** 20).toFixed(0).padStart(5)} MiB  ${measured.lastLine.slice(0, 160)}`,
      );
    }
  }
  for (const system of systems) {
    const list = samples.get(system.key) ?? [];
    results.push({
      posts: count,
      key: system.key,
      label: system.label,
      short: system.short,
      seconds: median(list.map((m) => m.seconds)),
      peakBytes: Math.max(...list.map((m) => m.peakBytes)),
      runs: list.length,
      summary: medianRun(list)?.lastLine.match(/^Built .*/)?.[0],
    });
  }
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

/** The measurement with the median time (the lower middle one of an even count). */
function medianRun(list: Measurement[]): Measurement | undefined {
  return [...list].sort((a, b) => a.seconds - b.seconds)[Math.floor((list.length - 1) / 2)];
}

const chartFile = path.resolve(values.chart);
mkdirSync(path.dirname(chartFile), { recursive: true });
const keys = [...new Set(results.map((r) => r.key))];
const series = keys.map((key) => ({
  label: results.find((r) => r.key === key)?.short ?? key,
  points: results.filter((r) => r.key === key).map((r) => ({ posts: r.posts, seconds: r.seconds })),
}));
writeFileSync(chartFile, buildTimeChart(series, `Build time against post count (median of ${runs})`));

const outFile = path.resolve(values.out);
const chartLink = path.relative(path.dirname(outFile), chartFile).split(path.sep).join("/");
const section = renderSection({ results, facts, runs, counts, chartLink });
writeSection(outFile, "bench", section, "Build speed");
console.log(`\nWrote ${path.relative(process.cwd(), outFile)} and ${path.relative(process.cwd(), chartFile)}`);
