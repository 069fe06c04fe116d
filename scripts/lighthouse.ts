// `npm run lighthouse`: builds the blog, serves it over HTTP (the production nginx config when nginx is
// installed, as the container serves it; else a plain static server), runs Lighthouse in Debian's
// Chromium on the home page, the article and /search/, and writes the four category scores and the
// article's gzipped weight into BENCHMARKS.md ("Reader speed").
//   npm run lighthouse                      build, measure, write BENCHMARKS.md
//   npm run lighthouse -- --site _site      measure an existing build
//   npm run lighthouse -- --out /tmp/x.md   write elsewhere
//   npm run lighthouse -- --runs 5          audits per page (the median run is reported; default 3)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { precompress, startNginx } from "../tests/helpers/nginx.ts";
import { serveDir } from "../tests/helpers/serve.ts";
import { markers, writeSection } from "./bench/sections.ts";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { start: START, end: END } = markers("lighthouse");
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
/** The article the blog was made for; the other two pages are fixed URLs. */
const ARTICLE_SOURCE = "posts/2020-02-21-docker-versus-virtual-machines.md";
const GOAL_BYTES = 20 * 1024;

const { values } = parseArgs({
  options: {
    site: { type: "string" },
    out: { type: "string", default: path.join(REPO, "BENCHMARKS.md") },
    runs: { type: "string", default: "3" },
  },
});
const runs = Math.max(1, Number(values.runs) || 1);

interface PageScore {
  name: string;
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  /** Audits below a full score, to say what keeps a category under 100. */
  misses: string[];
  /** Every run's performance score; `scores` and `misses` are the median run's. */
  performanceRuns: (number | null)[];
}

function buildSite(): { site: string; cleanup: () => void } {
  if (values.site) return { site: path.resolve(values.site), cleanup: () => {} };
  const dir = mkdtempSync(path.join(tmpdir(), "lighthouse-site-"));
  const site = path.join(dir, "_site");
  execFileSync(process.execPath, ["src/build/launch.mjs"], {
    cwd: REPO,
    stdio: "inherit",
    env: { ...process.env, BLOG_OUTPUT: site },
  });
  return { site, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The article's page in the built site: the HTML file whose h-entry holds the seed post's title. */
function articlePath(site: string): string {
  const title = /^title:\s*"?(.+?)"?\s*$/m.exec(readFileSync(path.join(REPO, ARTICLE_SOURCE), "utf8"))?.[1] ?? "";
  const files = readdirSync(site, { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && e.name.endsWith(".html"),
  );
  for (const entry of files) {
    const file = path.join(entry.parentPath, entry.name);
    const html = readFileSync(file, "utf8");
    if (html.includes("h-entry") && html.includes(`>${title}</h1>`))
      return `/${path.relative(site, file).split(path.sep).join("/")}`;
  }
  throw new Error(`no page of ${site} has the article "${title}"`);
}

/** The article's HTML and the stylesheets it links, each gzipped at level 9 (what nginx's gzip_static serves). */
function articleWeight(
  site: string,
  pagePath: string,
): { html: number; css: { href: string; bytes: number }[]; scripts: number } {
  const html = readFileSync(path.join(site, decodeURIComponent(pagePath)), "utf8");
  const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
  const hrefs = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)]
    .map((m) => /href="([^"]+)"/.exec(m[0])?.[1])
    .filter((h): h is string => Boolean(h));
  const css = hrefs.map((href) => {
    const file = path.join(site, decodeURIComponent(new URL(href, "http://x/").pathname));
    return { href, bytes: existsSync(file) ? gz(readFileSync(file)) : 0 };
  });
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].filter(
    (m) => !/type="application\/(ld\+)?json"/.test(m[1]),
  ).length;
  return { html: gz(html), css, scripts };
}

/** The first few items an audit lists (console messages, resources), so a miss says what to fix. */
function detailsOf(details: unknown): string {
  const items = (details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  const texts = items
    .slice(0, 3)
    .map((item) =>
      [item.description, item.url, (item.sourceLocation as { url?: string } | undefined)?.url]
        .filter((part) => typeof part === "string" && part)
        .join(" ")
        .slice(0, 200),
    )
    .filter(Boolean);
  return texts.length ? `: ${texts.join("; ")}` : "";
}

async function audit(url: string, port: number): Promise<Pick<PageScore, "scores" | "misses">> {
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? null]),
  ) as PageScore["scores"];
  const misses = CATEGORIES.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1)
      .map((a) => `${c}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}${detailsOf(a.details)}`),
  );
  return { scores, misses };
}

function section(
  pages: PageScore[],
  weight: ReturnType<typeof articleWeight>,
  facts: { served: string; date: string; chromium: string; runs: number },
): string {
  const score = (s: number | null) => (s === null ? "–" : String(Math.round(s * 100)));
  const total = weight.html + weight.css.reduce((sum, c) => sum + c.bytes, 0);
  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const lines = [
    START,
    "",
    `Run by \`npm run lighthouse\` (scripts/lighthouse.ts) on ${facts.date}: Lighthouse 12.2.3, ${facts.chromium} headless, its default mobile profile (simulated slow 4G, 4× CPU slowdown), the site built by \`npm run build\` and ${facts.served}. Each page was audited ${facts.runs} times; the table shows the run with the median performance score, and the performance of every run.`,
    "",
    "| page | performance | accessibility | best practices | SEO | performance, each run |",
    "| --- | ---: | ---: | ---: | ---: | --- |",
    ...pages.map(
      (p) =>
        `| ${p.name} (\`${p.path}\`) | ${CATEGORIES.map((c) => score(p.scores[c])).join(" | ")} | ${p.performanceRuns.map(score).join(", ")} |`,
    ),
    "",
  ];
  const misses = pages.flatMap((p) => p.misses.map((m) => `- ${p.name}: ${m}`));
  lines.push(
    misses.length ? "Audits below full marks:\n\n" + misses.join("\n") : "Every weighted audit passes on every page.",
    "",
  );
  lines.push(
    `The article's weight, gzipped (level 9): HTML ${kib(weight.html)}${weight.css.map((c) => ` + \`${c.href}\` ${kib(c.bytes)}`).join("")} = **${kib(total)}** (goal ≤ 20 KiB: ${total <= GOAL_BYTES ? "met" : "**not met**"}); ` +
      `${weight.scripts === 0 ? "no JavaScript on the page (only JSON-LD data)" : `${weight.scripts} script element(s)`}. Images are not counted here (sizes and formats are the image pipeline's; each has width and height, so none shifts the layout).`,
    "",
    END,
  );
  return lines.join("\n");
}

const { site, cleanup } = buildSite();
const hasNginx = (() => {
  try {
    execFileSync("sh", ["-c", "command -v nginx"], { stdio: "ignore" });
    return existsSync(path.join(REPO, "nginx/conf.d"));
  } catch {
    return false;
  }
})();
if (hasNginx) await precompress(site);
const server = hasNginx ? await startNginx(site) : await serveDir(site);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: CHROME_FLAGS,
});
try {
  const article = articlePath(site);
  const targets = [
    { name: "Home", path: "/" },
    { name: "Article", path: article },
    ...(existsSync(path.join(site, "search/index.html")) ? [{ name: "Search", path: "/search/" }] : []),
  ];
  const pages: PageScore[] = [];
  for (const target of targets) {
    const results = [];
    for (let run = 1; run <= runs; run++) {
      const result = await audit(`${server.url}${target.path}`, chrome.port);
      results.push(result);
      console.log(
        `${target.name.padEnd(8)} run ${run}  ${CATEGORIES.map((c) => `${c} ${Math.round((result.scores[c] ?? 0) * 100)}`).join("  ")}`,
      );
    }
    // Lighthouse's advice for noisy hosts: several runs, the median one reported (https://github.com/GoogleChrome/lighthouse/blob/main/docs/variability.md).
    const byPerformance = [...results].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
    const result = byPerformance[Math.floor((byPerformance.length - 1) / 2)];
    pages.push({ ...target, ...result, performanceRuns: results.map((r) => r.scores.performance) });
    for (const miss of result.misses) console.log(`         ${miss}`);
  }
  const weight = articleWeight(site, article);
  const chromium = execFileSync(process.env.CHROME_PATH ?? "/usr/bin/chromium", ["--version"], {
    encoding: "utf8",
  }).trim();
  const served = hasNginx
    ? "served by nginx with the production config (nginx/, precompressed as the Dockerfile does)"
    : "served by a plain static server (nginx not installed)";
  writeSection(
    path.resolve(values.out),
    "lighthouse",
    section(pages, weight, {
      served,
      date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC",
      chromium,
      runs,
    }),
    "Reader speed",
  );
  console.log(`Wrote the "Reader speed" section of ${path.relative(process.cwd(), path.resolve(values.out))}`);
} finally {
  await chrome.kill();
  if ("stop" in server) await server.stop();
  else await server.close();
  cleanup();
}
