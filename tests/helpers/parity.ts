// Jekyll parity of posts: one folder of Jekyll posts built by real Jekyll 4.3 (+ jekyll-feed) and by this
// project, then compared post by post: URL, title, date, categories, tags, heading ids, feed entries, which
// posts were built at all (the mismatches), and the post bodies normalised as the Markdown tests compare them
// (the body report: real blogs' bodies are not all identical yet, so they are counted, not mismatches).
// Used by tests/posts/jekyll-parity.test.ts, tests/markdown/kramdown-testcases.test.ts and `npm run parity`.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { parseDocument } from "htmlparser2";
import { findAll, findOne, getAttributeValue, textContent } from "domutils";
import type { Element } from "domhandler";
import { buildWithJekyll, type JekyllSite } from "./jekyll.ts";
import { REPO, build, makeProject } from "./project.ts";
import { normalizeHtml, postContent } from "./normalize-html.ts";

/** What one build says about one post; every field is compared with the other build's. */
export interface PostFacts {
  url: string;
  /** The HTML file written for the post, relative to the output folder (`.html` added where Jekyll adds it). */
  file: string;
  title: string;
  /** ISO 8601 with the offset shown (`date_to_xmlschema`). */
  date: string;
  categories: string[];
  tags: string[];
  headingIds: string[];
  /** jekyll-feed's `<id>` for the post, `(absent)` when the feed has no entry for it. */
  feedId: string;
  /** The feed entry's title (after smartify) and summary (the excerpt, as text). */
  feedTitle: string;
  feedSummary: string;
}

export const FIELDS: (keyof PostFacts)[] = [
  "url",
  "file",
  "title",
  "date",
  "categories",
  "tags",
  "headingIds",
  "feedId",
  "feedTitle",
  "feedSummary",
];

export interface Mismatch {
  /** The post's source file (`_posts/x.md`), or its URL when only our build has it. */
  post: string;
  field: keyof PostFacts | "built";
  jekyll: string;
  ours: string;
}

export interface BodyDifference {
  post: string;
  /** Where the normalised bodies part, with context (see firstDifference). */
  difference: string;
}

export interface BodyReport {
  /** Posts both builds wrote. */
  compared: number;
  identical: number;
  differing: BodyDifference[];
}

export interface ParityReport {
  /** Posts Jekyll built. */
  compared: number;
  mismatches: Mismatch[];
  bodies: BodyReport;
  /** Posts our build stopped on (each left out and the rest built again), with the build's message. */
  stopped: { post: string; message: string }[];
  /** Things about the input the comparison had to work around, for the reader of the report. */
  notes: string[];
}

export interface ParityInput {
  /** Files by Jekyll path: `_posts/...`, `_drafts/...`. */
  posts: Record<string, string>;
  /** `_config.yml` text ("" for Jekyll's defaults). */
  config: string;
  /** Extra config for both builds, e.g. a timezone or a permalink style of a test variant. */
  overrides?: Record<string, unknown>;
  /** Folders of the Jekyll site (`assets/`, `images/`...) the posts point into; our build checks images exist. */
  staticFolders?: string[];
  /**
   * When our build stops on a post, leave that post out and build the rest again (reported in `stopped`)
   * instead of throwing: for corpora where one post's failure should not hide every other post's result.
   */
  leaveOutFailing?: boolean;
}

const NO_ENTRY = "(absent)";
const IMAGE_CACHE = path.join(tmpdir(), "blog-parity-image-cache");
const FEED_LIMIT = 1_000_000;

/** The site's own top-level folders beside `_posts` (assets, images...), which posts may reference. */
export function staticFoldersBeside(postsDir: string): string[] {
  const root = path.dirname(path.resolve(postsDir));
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !/^[._]/.test(entry.name) && entry.name !== "node_modules")
    .map((entry) => path.join(root, entry.name));
}

/** Reads a Jekyll `_posts` folder (and its sibling `_drafts`, if any) as ParityInput files. */
export function readPostsFolder(postsDir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const add = (root: string, prefix: string) => {
    for (const file of walk(root))
      files[`${prefix}/${path.relative(root, file).split(path.sep).join("/")}`] = readFileSync(file, "utf8");
  };
  add(postsDir, "_posts");
  const drafts = path.join(path.dirname(path.resolve(postsDir)), "_drafts");
  if (existsSync(drafts)) add(drafts, "_drafts");
  return files;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith("."))
    .flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/** Builds the posts with Jekyll and with this project and compares every post. */
export async function compareWithJekyll(input: ParityInput): Promise<ParityReport> {
  const notes: string[] = [];
  const config = comparableConfig(input.config, input.overrides ?? {});
  const jekyllFiles: Record<string, string> = { "_config.yml": config };
  const ourFiles: Record<string, string> = { "_config.yml": config };
  const ourLayouts = new Set(
    readdirSync(path.join(REPO, "_includes/layouts")).map((name) => name.replace(/\.[^.]+$/, "")),
  );
  const unknownLayouts = new Set<string>();
  for (const [file, text] of Object.entries(input.posts)) {
    const ours = ourPath(file);
    jekyllFiles[ours] = text;
    ourFiles[ours] = text;
    const layout = /^---\s*\n[\s\S]*?^layout:\s*["']?([^"'\s#]+)/m.exec(text)?.[1];
    if (!layout || layout === "null" || layout === "post") continue;
    // Jekyll's side renders every post into the same bare layout, whatever its name.
    jekyllFiles[`_layouts/${layout}.html`] = BARE_LAYOUT;
    if (!ourLayouts.has(layout)) {
      unknownLayouts.add(layout);
      ourFiles[ours] = text.replace(/^(layout:\s*)["']?[^"'\s#]+["']?/m, "$1post");
    }
  }
  if (unknownLayouts.size) {
    notes.push(
      `posts name layouts this project does not have (${[...unknownLayouts].join(", ")}); compared as \`layout: post\`. To move these posts, add _includes/layouts/NAME.liquid or change their layout.`,
    );
  }

  for (const layout of defaultLayouts(config)) jekyllFiles[`_layouts/${layout}.html`] ??= BARE_LAYOUT;
  const jekyll = await buildWithJekyll(jekyllFiles);
  const project = makeProject(ourFiles, { assets: false });
  for (const folder of input.staticFolders ?? [])
    cpSync(folder, path.join(project.dir, path.basename(folder)), { recursive: true });
  // Optimized images are cached by content hash: one cache for every comparison spares re-encoding them.
  // (Only images: every build renders its Markdown afresh, so no cache stands between the two builds.)
  mkdirSync(IMAGE_CACHE, { recursive: true });
  mkdirSync(path.join(project.dir, ".cache"), { recursive: true });
  symlinkSync(IMAGE_CACHE, path.join(project.dir, ".cache/images"));
  // Drafts without a date take the file's modification time: give our copies the times Jekyll saw.
  for (const file of Object.keys(input.posts)) {
    const { atime, mtime } = statSync(path.join(jekyll.dir, file));
    utimesSync(path.join(project.dir, ourPath(file)), atime, mtime);
  }
  const stopped = await buildLeavingOut(project.dir, Object.keys(input.posts).map(ourPath), input.leaveOutFailing);

  const theirs = jekyllFacts(jekyll);
  const ours = ourFacts(project.site, String((yaml.load(config) as { baseurl?: unknown }).baseurl ?? ""));
  const bodies = compareBodies(
    pairPosts(theirs, ours).pairs.map(([file, jekyllPost, ourPost]) => ({
      post: file,
      jekyll: jekyllBodyOf(jekyll, jekyllPost.url),
      ours: ourBodyOf(project.site, ourPost.file),
    })),
  );
  return { compared: theirs.size, mismatches: compareFacts(theirs, ours), bodies, stopped, notes };
}

/**
 * Builds our project; a post named in a failed build's message is moved out of `posts/` (when allowed) and
 * the build runs again, until it passes or names no post.
 */
async function buildLeavingOut(
  dir: string,
  posts: string[],
  allowed = false,
): Promise<{ post: string; message: string }[]> {
  const stopped: { post: string; message: string }[] = [];
  for (;;) {
    const result = await build(dir);
    if (result.code === 0) return stopped;
    const output = `${result.stderr}${result.stdout}`;
    const culprit = allowed
      ? posts.find((file) => output.includes(file) && existsSync(path.join(dir, file)))
      : undefined;
    if (!culprit) throw new Error(`our build failed:\n${output}`);
    stopped.push({ post: culprit, message: failureLine(output, culprit) });
    rmSync(path.join(dir, culprit));
  }
}

function failureLine(output: string, post: string): string {
  const lines = output.split("\n").map((line) => line.trim());
  const at = lines.findIndex((line) => line.includes(post));
  return lines
    .slice(at, at + 3)
    .filter(Boolean)
    .join(" ")
    .slice(0, 300);
}

/** The post's body as Jekyll wrote it into the bare layout, normalised. */
function jekyllBodyOf(jekyll: JekyllSite, url: string): string {
  return asWrittenImages(normalizeHtml(jekyllBody(jekyll, url)));
}

/** The post's body (its `.e-content`) as our build wrote it, normalised. */
function ourBodyOf(site: string, file: string): string {
  return asWrittenImages(normalizeHtml(postContent(readFileSync(path.join(site, file), "utf8"))));
}

const IMAGE_LINK = /<a class="image-full" href="[^"]*">(<picture>.*?<\/picture>)<\/a>/g;
const PICTURE = /<picture>(?:<source[^>]*>)*(<img[^>]*>)<\/picture>/g;
const IMG = /<img([^>]*)>/g;
const ADDED_BY_PIPELINE = new Set(["width", "height", "loading", "decoding", "sizes", "srcset"]);

/**
 * Local images as their author wrote them, on both sides: our image pipeline's `<picture>` (README, Images)
 * read back as its fallback `<img>`, without the link to the original and the attributes the pipeline adds,
 * and every local image's file compared by name (ours is `/img/NAME-HASH-WIDTH.EXT`, NAME made URL-safe, and
 * `.jpeg` for a `.jpg`).
 */
function asWrittenImages(html: string): string {
  return html
    .replace(IMAGE_LINK, "$1")
    .replace(PICTURE, "$1")
    .replace(IMG, (tag, attributes: string) => {
      const kept = [...attributes.matchAll(/ ([^=\s]+)="([^"]*)"/g)].filter(([, name]) => !ADDED_BY_PIPELINE.has(name));
      if (kept.some(([, name, value]) => name === "src" && /^(?:[a-z]+:)?\/\//i.test(value))) return tag;
      const shown = kept.map(([, name, value]) =>
        name === "src" ? ` src="${imageName(value)}"` : ` ${name}="${value}"`,
      );
      return `<img${shown.join("")}>`;
    });
}

function imageName(src: string): string {
  return path.posix
    .basename(src)
    .replace(/-[\w-]{10}-\d+(\.\w+)$/, "$1")
    .replace(/\.\w+$/, "")
    .replace(/[^A-Za-z0-9]+/g, "-");
}

function compareBodies(pairs: { post: string; jekyll: string; ours: string }[]): BodyReport {
  const differing = pairs
    .filter((pair) => pair.jekyll !== pair.ours)
    .map((pair) => ({ post: pair.post, difference: firstDifference(pair.jekyll, pair.ours) }));
  return { compared: pairs.length, identical: pairs.length - differing.length, differing };
}

/** The first place two normalised bodies differ, with some context either side. */
export function firstDifference(jekyll: string, ours: string): string {
  let i = 0;
  while (i < jekyll.length && jekyll[i] === ours[i]) i++;
  const from = Math.max(0, i - 80);
  const at = (text: string) => `${from > 0 ? "…" : ""}${text.slice(from, i + 120)}${i + 120 < text.length ? "…" : ""}`;
  return `jekyll: ${at(jekyll)}\nours:   ${at(ours)}`;
}

function ourPath(jekyllPath: string): string {
  return jekyllPath.replace(/^_posts\//, "posts/").replace(/^_drafts\//, "posts/_drafts/");
}

const BARE_LAYOUT =
  '<!doctype html><html><body><article class="jekyll-body">\n{{ content }}\n</article></body></html>\n';

/**
 * The user's config, made comparable: every post in the feed at /feed.xml, kramdown, and nothing that
 * points Jekyll at gems or folders that are not there (themes, plugins, other source or posts folders).
 */
function comparableConfig(text: string, overrides: Record<string, unknown>): string {
  const raw = (yaml.load(text) as Record<string, unknown> | null) ?? {};
  const unavailable = [
    "theme",
    "remote_theme",
    "plugins",
    "gems",
    "whitelist",
    "source",
    "destination",
    "collections_dir",
    "plugins_dir",
    "layouts_dir",
    "markdown",
    "highlighter",
  ];
  for (const key of unavailable) delete raw[key];
  // Posts render into a layout named `post` unless the site's own defaults say otherwise.
  if (Array.isArray(raw.defaults))
    raw.defaults = [{ scope: { path: "" }, values: { layout: "post" } }, ...raw.defaults];
  const feed = typeof raw.feed === "object" && raw.feed !== null ? raw.feed : {};
  return yaml.dump({ ...raw, ...overrides, feed: { ...feed, path: undefined, posts_limit: FEED_LIMIT } });
}

function defaultLayouts(config: string): string[] {
  const sets = (yaml.load(config) as { defaults?: unknown } | null)?.defaults;
  if (!Array.isArray(sets)) return [];
  return sets
    .map((set: { values?: { layout?: unknown } }) => set?.values?.layout)
    .filter((layout): layout is string => typeof layout === "string" && layout !== "post");
}

/** Facts by source file, from Jekyll's posts.json, its pages and its feed. */
function jekyllFacts(jekyll: JekyllSite): Map<string, PostFacts> {
  const feed = feedEntries(jekyll.feed);
  const facts = new Map<string, PostFacts>();
  for (const post of jekyll.posts) {
    const entry = feed.find((e) => samePath(e.link, post.url));
    facts.set(post.path, {
      url: post.url,
      file: path.relative(jekyll.site, jekyllFile(jekyll, post.url)),
      // Compared as HTML shows it: runs of white space are one space.
      title: String(post.title).replace(/\s+/g, " ").trim(),
      date: post.date,
      categories: post.categories.map(String),
      tags: post.tags.map(String),
      headingIds: headingIds(jekyllBody(jekyll, post.url)),
      feedId: entry?.id ?? NO_ENTRY,
      feedTitle: entry?.title ?? NO_ENTRY,
      feedSummary: entry?.summary ?? NO_ENTRY,
    });
  }
  return facts;
}

// Document#destination: the unescaped URL, `index.html` in a folder URL, `.html` added when missing.
function jekyllFile(jekyll: JekyllSite, url: string): string {
  const decoded = url.split("/").map(safeDecode).join("/").replace(/^\//, "");
  return url.endsWith("/")
    ? path.join(jekyll.site, decoded, "index.html")
    : path.join(jekyll.site, decoded.endsWith(".html") ? decoded : `${decoded}.html`);
}

function jekyllBody(jekyll: JekyllSite, url: string): string {
  const html = readFileSync(jekyllFile(jekyll, url), "utf8");
  return html.split('<article class="jekyll-body">')[1]?.split("</article>")[0] ?? html;
}

/** Facts by URL, read from our built site: every page holding a post's h-entry, and feed.xml. */
function ourFacts(site: string, configBaseurl: string): Map<string, PostFacts> {
  const feed = existsSync(path.join(site, "feed.xml"))
    ? feedEntries(readFileSync(path.join(site, "feed.xml"), "utf8"))
    : [];
  const baseurl = configBaseurl.replace(/\/+$/, "").replace(/^(?=[^/])/, "/");
  const facts = new Map<string, PostFacts>();
  for (const file of walk(site).filter((f) => f.endsWith(".html"))) {
    const doc = parseDocument(readFileSync(file, "utf8"));
    const entry = findOne((el) => el.name === "article" && hasClass(el, "h-entry"), doc.children);
    const content = entry && findOne((el) => hasClass(el, "e-content"), entry.children);
    if (!entry || !content) continue;
    const link = findOne((el) => el.name === "a" && hasClass(el, "u-url"), entry.children);
    const href = (link && getAttributeValue(link, "href")) ?? "";
    const url = baseurl && href.startsWith(`${baseurl}/`) ? href.slice(baseurl.length) : href;
    const feedEntry = feed.find((e) => samePath(e.link, url));
    const time = findOne((el) => el.name === "time" && hasClass(el, "dt-published"), entry.children);
    facts.set(url, {
      url,
      file: path.relative(site, file),
      title: text(findOne((el) => hasClass(el, "p-name"), entry.children)),
      date: (time && getAttributeValue(time, "datetime")) ?? "",
      categories: findAll((el) => el.name === "a" && hasClass(el, "p-category"), entry.children).map(text),
      tags: findAll((el) => el.name === "a" && getAttributeValue(el, "rel") === "tag", doc.children).map(text),
      headingIds: findAll(
        (el) => /^h[1-6]$/.test(el.name) && getAttributeValue(el, "id") !== undefined,
        content.children,
      ).map((el) => getAttributeValue(el, "id") ?? ""),
      feedId: feedEntry?.id ?? NO_ENTRY,
      feedTitle: feedEntry?.title ?? NO_ENTRY,
      feedSummary: feedEntry?.summary ?? NO_ENTRY,
    });
  }
  return facts;
}

function hasClass(el: Element, name: string): boolean {
  return (getAttributeValue(el, "class") ?? "").split(/\s+/).includes(name);
}

function text(el: Element | null | undefined): string {
  return el ? textContent(el).replace(/\s+/g, " ").trim() : "";
}

function headingIds(html: string): string[] {
  const doc = parseDocument(html);
  return findAll((el) => /^h[1-6]$/.test(el.name) && getAttributeValue(el, "id") !== undefined, doc.children).map(
    (el) => getAttributeValue(el, "id") ?? "",
  );
}

interface FeedEntry {
  link: string;
  id: string;
  title: string;
  summary: string;
}

function feedEntries(xml: string): FeedEntry[] {
  const doc = parseDocument(xml, { xmlMode: true });
  return findAll((el) => el.name === "entry", doc.children).map((entry) => {
    const child = (name: string) => findOne((el) => el.name === name, entry.children);
    const link = child("link");
    return {
      link: (link && getAttributeValue(link, "href")) ?? "",
      id: text(child("id")),
      title: text(child("title")),
      summary: text(child("summary")),
    };
  });
}

// A feed link is absolute (`url` + `baseurl` + the post's URL); compare the path's end, unescaped.
function samePath(absolute: string, url: string): boolean {
  const unescape = (value: string) => {
    try {
      return decodeURI(value);
    } catch {
      return value;
    }
  };
  return unescape(absolute).endsWith(unescape(url)) && url !== "";
}

/** Every difference between Jekyll's posts and ours, paired as pairPosts pairs them. */
export function compareFacts(theirs: Map<string, PostFacts>, ours: Map<string, PostFacts>): Mismatch[] {
  const { pairs, onlyJekyll, onlyOurs } = pairPosts(theirs, ours);
  return [
    ...pairs.flatMap(([file, jekyll, mine]) => differences(file, jekyll, mine)),
    ...onlyJekyll.map(([file, jekyll]) => ({
      post: file,
      field: "built" as const,
      jekyll: `built at ${jekyll.url}`,
      ours: "not built",
    })),
    ...onlyOurs.map((url) => ({ post: url, field: "built" as const, jekyll: "not built", ours: `built at ${url}` })),
  ];
}

interface Pairing {
  /** Jekyll's source file, Jekyll's facts, ours. */
  pairs: [string, PostFacts, PostFacts][];
  onlyJekyll: [string, PostFacts][];
  /** URLs of posts only our build wrote. */
  onlyOurs: string[];
}

/** Pairs Jekyll's posts with ours: by URL, else by title and date, else by title. */
function pairPosts(theirs: Map<string, PostFacts>, ours: Map<string, PostFacts>): Pairing {
  const pairing: Pairing = { pairs: [], onlyJekyll: [], onlyOurs: [] };
  const unmatched = new Map(ours);
  const take = (predicate: (facts: PostFacts) => boolean): PostFacts | undefined => {
    for (const [key, facts] of unmatched) {
      if (predicate(facts)) {
        unmatched.delete(key);
        return facts;
      }
    }
    return undefined;
  };
  const pending: [string, PostFacts][] = [];
  for (const [file, jekyll] of theirs) {
    const mine = take((f) => f.url === jekyll.url) ?? take((f) => safeDecode(f.url) === safeDecode(jekyll.url));
    if (mine) pairing.pairs.push([file, jekyll, mine]);
    else pending.push([file, jekyll]);
  }
  for (const [file, jekyll] of pending) {
    const mine =
      take((f) => f.title === jekyll.title && sameInstant(f.date, jekyll.date)) ??
      take((f) => f.title === jekyll.title);
    if (mine) pairing.pairs.push([file, jekyll, mine]);
    else pairing.onlyJekyll.push([file, jekyll]);
  }
  pairing.onlyOurs = [...unmatched.keys()];
  return pairing;
}

function differences(file: string, jekyll: PostFacts, ours: PostFacts): Mismatch[] {
  return FIELDS.flatMap((field) => {
    const a = show(jekyll[field]);
    const b = show(ours[field]);
    return a === b ? [] : [{ post: file, field, jekyll: a, ours: b }];
  });
}

function show(value: string | string[]): string {
  return Array.isArray(value) ? JSON.stringify(value) : value;
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

function sameInstant(a: string, b: string): boolean {
  return Date.parse(a) === Date.parse(b);
}

/** The report: one line per mismatch, each post our build stopped on, then the bodies that differ and the share identical. */
export function formatReport(report: ParityReport): string {
  const lines = report.notes.map((note) => `note: ${note}`);
  if (report.mismatches.length === 0) {
    lines.push(`${report.compared} posts compared with Jekyll: no mismatch.`);
  } else {
    const postWidth = Math.min(60, Math.max(4, ...report.mismatches.map((m) => m.post.length)));
    const fieldWidth = Math.max(5, ...report.mismatches.map((m) => m.field.length));
    const indent = "".padEnd(postWidth + fieldWidth + 4);
    lines.push(`${"post".padEnd(postWidth)}  ${"field".padEnd(fieldWidth)}  values`);
    for (const m of report.mismatches)
      lines.push(
        `${m.post.padEnd(postWidth)}  ${m.field.padEnd(fieldWidth)}  jekyll: ${m.jekyll}\n${indent}ours:   ${m.ours}`,
      );
    lines.push(
      `${report.compared} posts compared with Jekyll: ${report.mismatches.length} mismatches in ${new Set(report.mismatches.map((m) => m.post)).size} posts.`,
    );
  }
  for (const { post, message } of report.stopped) lines.push(`stopped our build: ${post}: ${message}`);
  lines.push(...formatBodies(report.bodies));
  return lines.join("\n");
}

/** Each differing body's first difference, then the share identical. */
export function formatBodies(bodies: BodyReport): string[] {
  const lines = bodies.differing.map(({ post, difference }) => `body differs: ${post}\n${indented(difference)}`);
  const share = bodies.compared ? ((bodies.identical / bodies.compared) * 100).toFixed(1) : "0.0";
  lines.push(`post bodies: ${bodies.identical}/${bodies.compared} identical to Jekyll's (${share}%).`);
  return lines;
}

function indented(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}
