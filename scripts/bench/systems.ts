// The systems the benchmark times, each laid out in its own temporary project over the same posts.
import { appendFileSync, cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import type { Command } from "./measure.ts";
import { postText, writePosts, type BenchPost } from "./posts.ts";

export interface System {
  /** Short key used in tables and the chart. */
  key: string;
  label: string;
  /** A few words for the chart's legend. */
  short: string;
  /** Readies the run: removes output and, for cold runs, caches; for warm runs, edits one post. */
  prepare(run: number): void;
  command: Command;
}

export interface Layout {
  /** Root of this repository. */
  repo: string;
  /** A fresh temporary folder for this post count. */
  work: string;
  posts: BenchPost[];
}

const clear = (...paths: string[]) => {
  for (const target of paths) rmSync(target, { recursive: true, force: true });
};

const write = (file: string, text: string) => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
};

/** This project as `npm run build` runs it (tests/helpers/project.ts lays out the same folder). */
function blogProject({ repo, work, posts }: Layout): string {
  const dir = path.join(work, "blog");
  mkdirSync(dir, { recursive: true });
  for (const name of ["src", "_includes", "node_modules", ".eleventy.js", "package.json", "tsconfig.json"]) {
    symlinkSync(path.join(repo, name), path.join(dir, name));
  }
  cpSync(path.join(repo, "assets"), path.join(dir, "assets"), { recursive: true });
  cpSync(path.join(repo, "_config.yml"), path.join(dir, "_config.yml"));
  writePosts(path.join(dir, "posts"), posts);
  return dir;
}

/** Eleventy 3 as it comes: one Liquid layout and the date-parsing fix the seed's dates need, nothing else. */
function bareEleventyProject(repo: string, dir: string, posts: BenchPost[]): void {
  mkdirSync(dir, { recursive: true });
  symlinkSync(path.join(repo, "node_modules"), path.join(dir, "node_modules"), "dir");
  write(
    path.join(dir, "eleventy.config.mjs"),
    `import { DateTime } from "luxon";
export default function (eleventyConfig) {
  // Eleventy 3 cannot read "2020-02-21 08:10:00 -0400" on its own.
  eleventyConfig.addDateParsing((value) => typeof value === "string" ? DateTime.fromFormat(value, "yyyy-MM-dd HH:mm:ss ZZZ", { setZone: true }) : undefined);
  return { dir: { input: "posts", includes: "../_includes" } };
}
`,
  );
  write(path.join(dir, "_includes/post.liquid"), MINIMAL_LAYOUT);
  write(path.join(dir, "posts/posts.json"), JSON.stringify({ layout: "post.liquid" }));
  writePosts(path.join(dir, "posts"), posts);
}

const MINIMAL_LAYOUT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><article><h1>{{ title }}</h1>
{{ content }}
</article></body></html>
`;

function hugoProject(dir: string, posts: BenchPost[]): void {
  write(path.join(dir, "config.toml"), 'baseURL = "https://example.org/"\ntitle = "Bench"\n');
  write(
    path.join(dir, "layouts/_default/single.html"),
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><article><h1>{{ .Title }}</h1>
{{ .Content }}
</article></body></html>
`,
  );
  write(
    path.join(dir, "layouts/_default/list.html"),
    `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
`,
  );
  // Hugo wants categories as a list.
  writePosts(
    path.join(dir, "content/posts"),
    posts,
    (post) =>
      `---\ntitle: ${JSON.stringify(post.title)}\ndate: "${post.date}"\ncategories: ${JSON.stringify(post.categories)}\n---\n\n${post.body}`,
  );
}

function jekyllProject(dir: string, posts: BenchPost[]): void {
  write(path.join(dir, "_config.yml"), 'title: Bench\ndefaults: [{scope: {path: ""}, values: {layout: post}}]\n');
  write(path.join(dir, "_layouts/post.html"), MINIMAL_LAYOUT.replaceAll("{{ title }}", "{{ page.title }}"));
  writePosts(path.join(dir, "_posts"), posts, postText);
}

export function hasCommand(name: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Every system available on this machine, set up over `posts`. Order is the order each round runs them. */
export function setUpSystems(layout: Layout): System[] {
  const { repo, work, posts } = layout;
  const blog = blogProject(layout);
  const build = (env: Record<string, string> = {}): Command => ({
    cmd: process.execPath,
    args: ["src/build/launch.mjs"],
    cwd: blog,
    env,
  });
  // The post a warm rebuild changes: one in the middle of the list.
  const edited = path.join(blog, "posts", posts[Math.floor(posts.length / 2)].file);

  const eleventyDir = path.join(work, "eleventy");
  bareEleventyProject(repo, eleventyDir, posts);

  const systems: System[] = [
    {
      key: "eleventy",
      label: "bare Eleventy 3 (baseline)",
      short: "bare Eleventy",
      prepare: () => clear(path.join(eleventyDir, "_site")),
      command: {
        cmd: process.execPath,
        args: [path.join(repo, "node_modules/@11ty/eleventy/cmd.cjs"), "--quiet"],
        cwd: eleventyDir,
      },
    },
    {
      key: "cold",
      label: "this blog, full build, no caches at all (images encoded too)",
      short: "this blog, no caches",
      prepare: () => clear(path.join(blog, "_site"), path.join(blog, ".cache")),
      command: build(),
    },
    {
      key: "full",
      label: "this blog, full build (a): every post rendered, images reused from .cache/images",
      short: "this blog, full",
      // The images never change between runs; encoding them is the "no caches" row's cost. The search index's
      // kept parts go with the render cache: every page is indexed again.
      prepare: () =>
        clear(path.join(blog, "_site"), path.join(blog, ".cache/render"), path.join(blog, ".cache/search")),
      command: build(),
    },
    {
      key: "warm",
      label: "this blog, warm rebuild after one post changed (d)",
      short: "this blog, warm rebuild",
      // Runs right after the full build: caches are warm, one post's text changes.
      prepare: (run) => appendFileSync(edited, `\nEdited for warm run ${run}.\n`),
      command: build(),
    },
    {
      key: "nosearch",
      label: "this blog without the search index (b), images reused",
      short: "this blog, no search",
      prepare: () => clear(path.join(blog, "_site"), path.join(blog, ".cache/render")),
      command: build({ BLOG_SEARCH: "0" }),
    },
  ];

  if (hasCommand("hugo")) {
    const dir = path.join(work, "hugo");
    hugoProject(dir, posts);
    systems.push({
      key: "hugo",
      label: "Hugo",
      short: "Hugo",
      prepare: () => clear(path.join(dir, "public"), path.join(dir, "resources")),
      command: { cmd: "hugo", args: ["--quiet", "--source", dir, "--destination", path.join(dir, "public")], cwd: dir },
    });
  }
  if (hasCommand("jekyll")) {
    const dir = path.join(work, "jekyll");
    jekyllProject(dir, posts);
    const jekyll = (): Command => ({
      cmd: "jekyll",
      args: ["build", "--quiet", "--source", dir, "--destination", path.join(dir, "_site")],
      cwd: dir,
      env: { JEKYLL_ENV: "production" },
    });
    systems.push(
      {
        key: "jekyll",
        label: "Jekyll, cold",
        short: "Jekyll, cold",
        prepare: () => clear(path.join(dir, "_site"), path.join(dir, ".jekyll-cache")),
        command: jekyll(),
      },
      {
        key: "jekyll-cached",
        label: "Jekyll, with its cache",
        short: "Jekyll, cached",
        // Runs right after the cold build, which filled .jekyll-cache.
        prepare: () => clear(path.join(dir, "_site")),
        command: jekyll(),
      },
    );
  }
  return systems;
}
