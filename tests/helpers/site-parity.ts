// Whole-site parity: a Jekyll site (a folder with `_config.yml`) built by real Jekyll (Debian's 4.3 with the
// plugins its config names) and, after `npm run migrate`, by this project. Every file Jekyll writes must be
// written here at the same path; pages and posts must agree inside `.e-content` (Jekyll's own layouts are
// swapped for a bare one that shows `{{ content }}`, as this project uses its own layouts); files written
// without a layout (feeds, redirects, JSON) and static files must agree as they are.
import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseDocument } from "htmlparser2";
import { findAll, getOuterHTML, removeElement, replaceElement } from "domutils";
import type { Element } from "domhandler";
import { migrate } from "../../scripts/migrate/migrate.ts";
import { REPO, build } from "./project.ts";
import { normalizeHtml, postContent } from "./normalize-html.ts";

const BARE_LAYOUT = '<article class="jekyll-body">\n{{ content }}\n</article>\n';
const BODY = /<article class="jekyll-body">\n([\s\S]*)\n<\/article>\n?$/;

export interface FileDifference {
  file: string;
  detail: string;
}

export interface SiteParityReport {
  jekyllFiles: number;
  jekyllHtml: number;
  /** Files Jekyll writes that this project does not. */
  missing: string[];
  /** Pages and posts compared inside `.e-content`, and files compared whole. */
  compared: number;
  identical: number;
  differences: FileDifference[];
  /** The project folder built here (kept for a look). */
  project: string;
  jekyllSite: string;
}

function filesBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, out, err) =>
      error ? reject(new Error(`${command} failed:\n${out}\n${err}`)) : resolve(`${out}${err}`),
    );
  });
}

/** Builds a copy of the site with real Jekyll, each of its layouts replaced by the bare one. */
export async function buildSiteWithJekyll(siteDir: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "jekyll-site-"));
  cpSync(siteDir, dir, { recursive: true });
  const layouts = path.join(dir, "_layouts");
  rmSync(layouts, { recursive: true, force: true });
  mkdirSync(layouts);
  for (const name of existsSync(path.join(siteDir, "_layouts")) ? readdirSync(path.join(siteDir, "_layouts")) : []) {
    // jekyll-redirect-from's own redirect page, as this project writes it.
    if (name.replace(/\.[^.]+$/, "") !== "redirect") writeFileSync(path.join(layouts, name), BARE_LAYOUT);
  }
  for (const name of ["page", "post", "default"]) {
    const file = path.join(layouts, `${name}.html`);
    if (!existsSync(file)) writeFileSync(file, BARE_LAYOUT);
  }
  await run("jekyll", ["build", "--quiet", "--source", dir, "--destination", path.join(dir, "_site")], dir, {
    JEKYLL_ENV: "production",
  });
  return path.join(dir, "_site");
}

/** Migrates a copy of the site into a throwaway project (the repo's code, its own _includes) and builds it. */
export async function buildSiteHere(siteDir: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "blog-site-"));
  for (const name of ["src", "node_modules", ".eleventy.js", "package.json", "tsconfig.json"]) {
    symlinkSync(path.join(REPO, name), path.join(dir, name));
  }
  cpSync(path.join(REPO, "_includes"), path.join(dir, "_includes"), { recursive: true });
  cpSync(path.join(REPO, "assets"), path.join(dir, "assets"), { recursive: true });
  mkdirSync(path.join(dir, "posts"));
  // Encoded images and rendered posts kept between runs on the same site: the second run is quick.
  const cache = path.join(tmpdir(), "blog-site-parity-cache", path.basename(path.resolve(siteDir)));
  mkdirSync(path.join(dir, ".cache"));
  for (const name of ["images", "render"]) {
    mkdirSync(path.join(cache, name), { recursive: true });
    symlinkSync(path.join(cache, name), path.join(dir, ".cache", name));
  }
  migrate(siteDir, dir, path.join(dir, "_includes/layouts"));
  const result = await build(dir, { BLOG_SEARCH: "0" });
  if (result.code !== 0) throw new Error(`the build failed:\n${result.stdout}\n${result.stderr}`);
  return dir;
}

/**
 * This project's pictures back to the `<img>` they came from: `<source>`s dropped, `<picture>` unwrapped, the
 * link to the full-size original unwrapped, and of each image only what Jekyll's has too (alt, title, class).
 */
function withPlainImages(html: string): string {
  const document = parseDocument(html);
  for (const source of findAll((e) => e.name === "source", document.children)) removeElement(source);
  for (const picture of findAll((e) => e.name === "picture", document.children)) {
    const img = picture.children.find((child): child is Element => (child as Element).name === "img");
    if (img) replaceElement(picture, img);
  }
  for (const img of findAll((e) => e.name === "img", document.children)) {
    const link = img.parent as Element | null;
    if (link?.name === "a" && link.children.length === 1 && link.attribs.class === "image-full") {
      replaceElement(link, img);
    }
    for (const name of Object.keys(img.attribs)) {
      if (!["alt", "title", "class"].includes(name)) delete img.attribs[name];
    }
  }
  return getOuterHTML(document.children);
}

const comparable = (html: string) => normalizeHtml(withPlainImages(html));

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `jekyll: …${a.slice(Math.max(0, i - 40), i + 80)}…\n    ours:   …${b.slice(Math.max(0, i - 40), i + 80)}…`;
}

// `site.time` is each build's own clock: times within the hour of the run are masked.
function withoutNow(text: string): string {
  return text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[+-]\d\d:\d\d|Z)/g, (time) =>
    Math.abs(Date.parse(time) - Date.now()) < 3_600_000 ? "(build time)" : time,
  );
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

const locs = (xml: string) =>
  [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)]
    .map((m) => m[1])
    .sort()
    .join("\n");

/** Compares one file Jekyll wrote with this project's file at the same path. */
function compareFile(file: string, jekyll: Buffer, ours: Buffer): string | undefined {
  const text = jekyll.toString("utf8");
  const body = BODY.exec(text);
  if (body) {
    let content: string;
    try {
      content = postContent(ours.toString("utf8"));
    } catch {
      return "no .e-content element in this project's page";
    }
    const [a, b] = [comparable(body[1]), comparable(content)];
    return a === b ? undefined : firstDifference(a, b);
  }
  if (file === "sitemap.xml") {
    const [a, b] = [locs(text), locs(ours.toString("utf8"))];
    const missing = a.split("\n").filter((loc) => loc && !b.split("\n").includes(loc));
    return missing.length ? `sitemap lacks ${missing.slice(0, 5).join(", ")}` : undefined;
  }
  if (jekyll.equals(ours)) return undefined;
  if (file.endsWith(".json")) {
    // A JSON object's key order means nothing (redirects.json lists posts and pages in Jekyll's read order).
    const sorted = (json: string) => JSON.stringify(Object.entries(JSON.parse(json) as object).sort());
    const [a, b] = [sorted(text), sorted(ours.toString("utf8"))];
    return a === b ? undefined : firstDifference(a, b);
  }
  const [a, b] = [withoutNow(text), withoutNow(ours.toString("utf8"))];
  if (a === b) return undefined;
  // A feed written by a page holds post bodies escaped: they are compared as HTML too.
  const [x, y] = [comparable(unescapeXml(a)), comparable(unescapeXml(b))];
  return x === y ? undefined : firstDifference(x, y);
}

export async function compareSite(siteDir: string): Promise<SiteParityReport> {
  const [jekyllSite, project] = await Promise.all([buildSiteWithJekyll(siteDir), buildSiteHere(siteDir)]);
  const oursSite = path.join(project, "_site");
  const files = filesBelow(jekyllSite);
  const report: SiteParityReport = {
    jekyllFiles: files.length,
    jekyllHtml: files.filter((file) => file.endsWith(".html")).length,
    missing: [],
    compared: 0,
    identical: 0,
    differences: [],
    project,
    jekyllSite,
  };
  for (const file of files) {
    const ours = path.join(oursSite, file);
    if (!existsSync(ours)) {
      report.missing.push(file);
      continue;
    }
    report.compared++;
    const detail = compareFile(file, readFileSync(path.join(jekyllSite, file)), readFileSync(ours));
    if (detail === undefined) report.identical++;
    else report.differences.push({ file, detail });
  }
  return report;
}

export function formatSiteReport(report: SiteParityReport): string {
  const lines = [
    `Jekyll wrote ${report.jekyllFiles} files (${report.jekyllHtml} HTML); this project wrote ${report.jekyllFiles - report.missing.length} of them at the same path.`,
    `${report.identical} of ${report.compared} identical (pages and posts inside .e-content, other files as they are).`,
  ];
  for (const file of report.missing) lines.push(`missing  ${file}`);
  for (const { file, detail } of report.differences) lines.push(`differs  ${file}\n    ${detail}`);
  lines.push(`(Jekyll's site: ${report.jekyllSite}; this project: ${report.project})`);
  return lines.join("\n");
}
