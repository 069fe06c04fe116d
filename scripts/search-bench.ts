// `npm run bench:search`: what search costs. Builds the repo's blog and 1,000 generated posts (the seed
// article's body under varied titles, dates and categories), times Pagefind indexing each built site
// (median of 3, the same call `npm run build` makes), sizes the bundle, and counts the bytes a reader
// downloads for /search/ plus a first query, in Debian's Chromium: each requested file counted as nginx
// sends it (gzip -9 for text, as scripts/precompress.sh writes it; Pagefind's own chunks and WASM as they are,
// since Pagefind compresses them). Prints Markdown for BENCHMARKS.md's "Search" section.
import { readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build, makeProject } from "../tests/helpers/project.ts";
import { launchBrowser } from "../tests/helpers/browser.ts";
import { serveDir } from "../tests/helpers/serve.ts";
import { articleBody, makePosts, postText } from "./bench/posts.ts";
import { indexSite } from "../src/search/indexer.ts";

const REPO = path.resolve(import.meta.dirname, "..");
const RUNS = 3;
const QUERY = "volumes";
const COMPRESSED_BY_NGINX = /\.(html|css|js|xml|json|svg|txt)$/;

interface SiteFigures {
  name: string;
  pages: number;
  indexSeconds: number;
  bundleBytes: number;
  dataBytes: number;
  transfer: { file: string; bytes: number }[];
}

const kib = (bytes: number) => (bytes / 1024).toFixed(1);

function folderBytes(folder: string, keep: (file: string) => boolean = () => true): number {
  return readdirSync(folder, { recursive: true })
    .map(String)
    .filter((file) => keep(file) && statSync(path.join(folder, file)).isFile())
    .reduce((sum, file) => sum + statSync(path.join(folder, file)).size, 0);
}

/** Bytes on the wire for one file of the site, as the production nginx serves it. */
function wireBytes(file: string): number {
  const data = readFileSync(file);
  return COMPRESSED_BY_NGINX.test(file) && data.length > 255 ? gzipSync(data, { level: 9 }).length : data.length;
}

async function measureTransfer(site: string): Promise<{ file: string; bytes: number }[]> {
  const served = await serveDir(site);
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    const requested = new Set<string>();
    page.on("requestfinished", (request) => requested.add(new URL(request.url()).pathname));
    await page.goto(`${served.url}/search/`);
    await page.locator("pagefind-input input").pressSequentially(QUERY);
    await page.locator(".search-result").first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    return [...requested]
      .map((urlPath) => {
        const local = path.join(site, decodeURIComponent(urlPath), urlPath.endsWith("/") ? "index.html" : "");
        return { file: urlPath, bytes: statSync(local, { throwIfNoEntry: false })?.isFile() ? wireBytes(local) : 0 };
      })
      .filter((entry) => entry.bytes > 0);
  } finally {
    await browser.close();
    await served.close();
  }
}

async function figuresFor(name: string, files: Record<string, string>): Promise<SiteFigures> {
  const project = makeProject(files);
  const result = await build(project.dir);
  if (result.code !== 0) throw new Error(`build of ${name} failed:\n${result.stderr}`);
  const times: number[] = [];
  let pages = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    pages = (await indexSite(project.site)).pageCount;
    times.push((performance.now() - started) / 1000);
  }
  const bundle = path.join(project.site, "pagefind");
  const isData = (file: string) => /(^|\/)(index|fragment|filter)\/|\.pf_meta$|pagefind-entry\.json$/.test(file);
  return {
    name,
    pages,
    indexSeconds: times.sort((a, b) => a - b)[Math.floor(RUNS / 2)],
    bundleBytes: folderBytes(bundle),
    dataBytes: folderBytes(bundle, isData),
    transfer: await measureTransfer(project.site),
  };
}

const config = readFileSync(path.join(REPO, "_config.yml"), "utf8");
const blogPosts = Object.fromEntries(
  readdirSync(path.join(REPO, "posts"))
    .filter((name) => /\.(md|markdown)$/.test(name))
    .map((name) => [`posts/${name}`, readFileSync(path.join(REPO, "posts", name), "utf8")]),
);
const body = articleBody(path.join(REPO, "posts/2020-02-21-docker-versus-virtual-machines.md"));
const generated = Object.fromEntries(makePosts(1000, body).map((post) => [`posts/${post.file}`, postText(post)]));

const sites = [
  await figuresFor("the blog", { "_config.yml": config, ...blogPosts }),
  await figuresFor("1,000 generated posts", { "_config.yml": config, ...generated }),
];

const load = os.loadavg()[0].toFixed(1);
console.log(
  `Run of ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, 1-minute load average ${load} at the end.\n`,
);
console.log(
  "| site | pages indexed | index time (median of 3) | bundle on disk | of which index data | /search/ + first query, on the wire |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
for (const site of sites) {
  const total = site.transfer.reduce((sum, entry) => sum + entry.bytes, 0);
  console.log(
    `| ${site.name} | ${site.pages} | ${site.indexSeconds.toFixed(2)} s | ${kib(site.bundleBytes)} KiB | ${kib(site.dataBytes)} KiB | ${kib(total)} KiB (${site.transfer.length} requests) |`,
  );
}
for (const site of sites) {
  console.log(`\nRequests for /search/ and the query "${QUERY}" on ${site.name}:\n`);
  console.log("| file | bytes |\n| --- | ---: |");
  for (const entry of site.transfer) console.log(`| \`${entry.file}\` | ${entry.bytes} |`);
}
