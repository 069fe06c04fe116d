// The "Build speed" section of BENCHMARKS.md: machine, versions, medians, ratios to bare Eleventy, targets.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { markers } from "./sections.ts";

export interface Result {
  posts: number;
  key: string;
  label: string;
  short: string;
  /** Median wall time. */
  seconds: number;
  /** Highest peak memory (process tree) over the runs. */
  peakBytes: number;
  runs: number;
  /** This blog's own summary line of the median round (its phases' times), if it printed one. */
  summary?: string;
}

export interface Facts {
  date: string;
  cpu: string;
  cores: number;
  memory: string;
  load: string;
  versions: string[];
}

const { start: START, end: END } = markers("bench");

const version = (cmd: string, args: string[]): string | undefined => {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .trim()
      .split("\n")[0];
  } catch {
    return undefined;
  }
};

const packageVersion = (repo: string, name: string) =>
  (JSON.parse(readFileSync(path.join(repo, "node_modules", name, "package.json"), "utf8")) as { version: string })
    .version;

export function machineFacts(repo: string): Facts {
  const versions = [
    `Node ${process.version}`,
    `Eleventy ${packageVersion(repo, "@11ty/eleventy")}`,
    `markdown-it ${packageVersion(repo, "markdown-it")}`,
    `Pagefind ${packageVersion(repo, "pagefind")}`,
    version("hugo", ["version"])?.replace(/^hugo v?([\d.]+).*/, "Hugo $1"),
    version("jekyll", ["--version"])?.replace(/^jekyll /, "Jekyll "),
    version("ruby", ["--version"])?.replace(/^ruby ([\d.]+).*/, "Ruby $1"),
  ].filter((v): v is string => Boolean(v));
  return {
    date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
    cpu: os.cpus()[0]?.model ?? "unknown CPU",
    cores: os.availableParallelism(),
    memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(", "),
    versions,
  };
}

const seconds = (value: number) => value.toFixed(2);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const count = (n: number) => n.toLocaleString("en-US");

interface Target {
  what: string;
  key: string;
  limit: number;
  /** Which value is compared: the ratio of times to bare Eleventy, or peak memory in bytes. */
  kind: "ratio" | "memory";
}

const TARGETS: Target[] = [
  { what: "(b) build without search index / bare Eleventy", key: "nosearch", limit: 1.1, kind: "ratio" },
  { what: "(a) full build / bare Eleventy", key: "full", limit: 1.6, kind: "ratio" },
  { what: "(d) warm rebuild after one post changed / bare Eleventy", key: "warm", limit: 0.5, kind: "ratio" },
  { what: "(e) peak memory of the full build", key: "full", limit: 2 ** 30, kind: "memory" },
];

export function renderSection({
  results,
  facts,
  runs,
  counts,
  chartLink,
}: {
  results: Result[];
  facts: Facts;
  runs: number;
  counts: number[];
  chartLink: string;
}): string {
  const keys = [...new Set(results.map((r) => r.key))];
  const find = (key: string, posts: number) => results.find((r) => r.key === key && r.posts === posts);
  const ratio = (key: string, posts: number) => {
    const [value, base] = [find(key, posts), find("eleventy", posts)];
    return value && base ? value.seconds / base.seconds : undefined;
  };
  const lines: string[] = [START, ""];
  lines.push(
    `Run by \`npm run bench\` (scripts/bench/) on ${facts.date}: ${facts.cores} cores (${facts.cpu}), ${facts.memory} of memory, load average at the start ${facts.load}.`,
    `Versions: ${facts.versions.join(", ")}.`,
    "",
    `Each post is the article's body (Markdown with two images) under its own title, date and categories. Every system builds the same posts from its own temporary folder; ` +
      `each round runs every system once, one after the other, and the figure is the median of ${runs} rounds. Memory is the peak resident memory of the build's whole process tree ` +
      `(sampled from /proc every 100 ms, and at least GNU time's maximum for its largest process), the highest of the rounds. ` +
      `Every build starts without its output folder. "No caches at all" also deletes \`.cache/\`, so the article's two images are encoded again (AVIF, WebP, PNG at two widths); ` +
      `(a) and (b) delete only the render cache (and (a) the search index's kept parts, \`.cache/search/\`), so every post is rendered and indexed and the images are copied from \`.cache/images/\` (they never change between runs); ` +
      `the warm rebuild (d) follows (a) with one post's text changed, and reuses the search index's parts whose pages did not change; "Jekyll, with its cache" keeps \`.jekyll-cache\`. ` +
      `This blog runs what \`npm run build\` runs (\`node src/build/launch.mjs\`); bare Eleventy runs \`node node_modules/@11ty/eleventy/cmd.cjs --quiet\`.`,
    "",
    `![Build time against post count](${chartLink})`,
    "",
    `| system | ${counts.map((n) => `${count(n)} posts`).join(" | ")} |`,
    `| --- | ${counts.map(() => "---:").join(" | ")} |`,
  );
  for (const key of keys) {
    const label = results.find((r) => r.key === key)?.label ?? key;
    const cells = counts.map((n) => {
      const r = find(key, n);
      if (!r) return "–";
      const x = ratio(key, n);
      return `${seconds(r.seconds)} s${key !== "eleventy" && x !== undefined ? ` (×${x.toFixed(2)})` : ""}, ${mib(r.peakBytes)}`;
    });
    lines.push(`| ${label} | ${cells.join(" | ")} |`);
  }
  lines.push(
    "",
    "Times are medians; (×r) is the ratio to bare Eleventy in the same run; then peak memory.",
    "",
    "| target | " + counts.map((n) => `${count(n)} posts`).join(" | ") + " |",
    `| --- | ${counts.map(() => "---").join(" | ")} |`,
  );
  for (const target of TARGETS) {
    const cells = counts.map((n) => {
      const r = find(target.key, n);
      if (!r) return "–";
      if (target.kind === "memory")
        return `${mib(r.peakBytes)}: ${r.peakBytes <= target.limit ? "met" : "**not met**"}`;
      const x = ratio(target.key, n);
      return x === undefined ? "–" : `${x.toFixed(2)}: ${x <= target.limit ? "met" : "**not met**"}`;
    });
    const limit = target.kind === "memory" ? "≤ 1 GiB" : `≤ ${target.limit}`;
    lines.push(`| ${target.what} ${limit} | ${cells.join(" | ")} |`);
  }
  const summaries = results.filter((r) => r.summary);
  if (summaries.length) {
    lines.push(
      "",
      "Where this blog's builds spend their time: each build's own summary line, from the round with the median time.",
      "",
      "| build | posts | summary |",
      "| --- | ---: | --- |",
      ...summaries.map((r) => `| ${r.short} | ${count(r.posts)} | ${r.summary} |`),
    );
  }
  lines.push("", END);
  return lines.join("\n");
}
