// `npm run bench:dev`: how long an author waits in `npm start` between saving a post and the dev server
// serving the changed page. Runs the real `npm start` on a copy of the repo's blog (and on generated posts),
// saves one post again and again, and polls its URL every 10 ms until the new text is there.
//   npm run bench:dev                         the repo's blog and 250 generated posts, 7 saves each
//   npm run bench:dev -- --posts 0,100 --saves 5 --out /tmp/dev.md
import { spawn } from "node:child_process";
import { appendFileSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { articleBody, makePosts, writePosts } from "./posts.ts";
import { median } from "./measure.ts";
import { markers, writeSection } from "./sections.ts";
import { makeProject } from "../../tests/helpers/project.ts";
import { freePort } from "../../tests/helpers/nginx.ts";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { start: START, end: END } = markers("dev");

const { values } = parseArgs({
  options: {
    posts: { type: "string", default: "0,250" },
    saves: { type: "string", default: "7" },
    out: { type: "string", default: path.join(REPO, "BENCHMARKS.md") },
  },
});

interface Row {
  blog: string;
  waits: number[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A project like the repo's (the test helpers' layout); with `count` > 0 its posts are generated ones instead of the article. */
function project(count: number): { dir: string; post: string } {
  const read = (file: string) => readFileSync(path.join(REPO, file), "utf8");
  if (count === 0) {
    const post = readdirSync(path.join(REPO, "posts")).find((name) => name.endsWith(".md"));
    if (!post) throw new Error("no post in posts/");
    const { dir } = makeProject({ "_config.yml": read("_config.yml"), [`posts/${post}`]: read(`posts/${post}`) });
    return { dir, post: path.join(dir, "posts", post) };
  }
  const { dir } = makeProject({ "_config.yml": read("_config.yml") });
  const posts = makePosts(count, articleBody(path.join(REPO, "posts/2020-02-21-docker-versus-virtual-machines.md")));
  writePosts(path.join(dir, "posts"), posts);
  return { dir, post: path.join(dir, "posts", posts[Math.floor(count / 2)].file) };
}

/** The URL the dev server serves a source post at: the built file whose text carries the post's title. */
function urlOf(site: string, title: string): string {
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html") || entry.parentPath.includes("pagefind")) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (readFileSync(file, "utf8").includes(`<h1 class="post-title p-name">${title}</h1>`))
      return `/${path.relative(site, file).split(path.sep).join("/")}`;
  }
  throw new Error(`no page for "${title}" in ${site}`);
}

async function body(port: number, url: string): Promise<string> {
  try {
    return await (await fetch(`http://127.0.0.1:${port}${url}`)).text();
  } catch {
    return "";
  }
}

async function measureBlog(count: number, saves: number): Promise<Row> {
  const { dir, post } = project(count);
  const port = await freePort();
  const child = spawn("npm", ["start"], {
    cwd: dir,
    env: { ...process.env, PORT: String(port) },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  try {
    const title = /^title:\s*"?(.*?)"?\s*$/m.exec(readFileSync(post, "utf8"))?.[1] ?? "";
    for (let waited = 0; !log.includes("Server at"); waited += 100) {
      if (child.exitCode !== null || waited > 300_000) throw new Error(`npm start did not come up:\n${log}`);
      await sleep(100);
    }
    const url = urlOf(path.join(dir, "_site"), title.replaceAll('\\"', '"'));
    const waits: number[] = [];
    for (let save = 1; save <= saves; save++) {
      // Let the previous rebuild (and Pagefind after it) settle, as between two saves of an author.
      await sleep(1500);
      const marker = `Saved for the dev-loop benchmark, time ${save}.`;
      const started = performance.now();
      appendFileSync(post, `\n${marker}\n`);
      while (!(await body(port, url)).includes(marker)) {
        if (performance.now() - started > 60_000)
          throw new Error(`the page never showed save ${save}:\n${log.slice(-2000)}`);
        await sleep(10);
      }
      waits.push(performance.now() - started);
      console.log(`  ${count || "repo"} save ${save}: ${(waits.at(-1) ?? 0).toFixed(0)} ms`);
    }
    return {
      blog: count === 0 ? "the repo's blog (1 post, 2 images)" : `${count.toLocaleString("en-US")} generated posts`,
      waits,
    };
  } finally {
    if (child.pid) process.kill(-child.pid, "SIGTERM");
    await sleep(500);
    rmSync(dir, { recursive: true, force: true });
  }
}

const counts = values.posts
  .split(",")
  .map(Number)
  .filter((n) => Number.isInteger(n) && n >= 0);
const saves = Number(values.saves);
const rows: Row[] = [];
for (const count of counts) rows.push(await measureBlog(count, saves));

const ms = (n: number) => `${Math.round(n).toLocaleString("en-US")} ms`;
const section = [
  START,
  "",
  `Run by \`npm run bench:dev\` (scripts/bench/dev-loop.ts) on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, Node ${process.version}. ` +
    "It starts the real `npm start` on a copy of the blog, appends a line to one post, and polls the post's URL every 10 ms until the " +
    `dev server serves the new line (${saves} saves, 1.5 s apart). The goal: under 500 ms.`,
  "",
  "| blog | median | fastest | slowest | under 500 ms |",
  "| --- | ---: | ---: | ---: | --- |",
  ...rows.map(
    ({ blog, waits }) =>
      `| ${blog} | ${ms(median(waits))} | ${ms(Math.min(...waits))} | ${ms(Math.max(...waits))} | ${median(waits) < 500 ? "met" : "**not met**"} |`,
  ),
  "",
  END,
].join("\n");
writeSection(path.resolve(values.out), "dev", section, "Saving a post in `npm start`");
console.log(section);
