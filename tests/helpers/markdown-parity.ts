// Post bodies built by real Jekyll and by this project from the same files, normalised for comparison.
// Used by tests/markdown/parity.test.ts (feature fixtures) and tests/markdown/corpus.test.ts (real-style posts).
import { cpSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { buildWithJekyll } from "./jekyll.ts";
import { REPO, build, makeProject } from "./project.ts";
import { parseDocument } from "htmlparser2";
import { findAll, textContent } from "domutils";
import { normalizeHtml, postContent } from "./normalize-html.ts";

export interface PostMeta {
  title: string;
  date: string;
  categories: string[];
  headingIds: string[];
}

export interface BodyComparison {
  /** The fixture's file name. */
  post: string;
  url: string;
  jekyll: string;
  ours: string;
  same: boolean;
  jekyllMeta: PostMeta;
  ourMeta: PostMeta;
}

const headingIds = (html: string) => [...html.matchAll(/<h[1-6][^>]*\sid="([^"]+)"/g)].map((m) => m[1]);

/** Title, date and categories as this project's post page shows them (h-entry). */
function ourMeta(page: string, body: string): PostMeta {
  const document = parseDocument(page);
  const byClass = (name: string) =>
    findAll((e) => (e.attribs.class ?? "").split(/\s+/).includes(name), document.children);
  return {
    title: byClass("p-name").map((e) => textContent(e).trim())[0] ?? "",
    date: byClass("dt-published")[0]?.attribs.datetime ?? "",
    categories: byClass("p-category").map((e) => textContent(e).trim()),
    headingIds: headingIds(body),
  };
}

/** Every file below `folder`, by its path relative to it. */
export function readFixtures(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(folder, full).split(path.sep).join("/")] = readFileSync(full, "utf8");
    }
  };
  walk(folder);
  return files;
}

/**
 * Builds `files` (`_config.yml`, `posts/*.md`, `_includes/*`, `assets/*`) with Jekyll and with this project,
 * and pairs each post's normalised body. Our project gets its own copy of the repo's `_includes/` so
 * fixture includes do not land in the repo.
 */
export async function compareBodies(files: Record<string, string>): Promise<BodyComparison[]> {
  const jekyll = await buildWithJekyll(files);
  const project = makeProject({});
  rmSync(path.join(project.dir, "_includes"));
  cpSync(path.join(REPO, "_includes"), path.join(project.dir, "_includes"), { recursive: true });
  for (const [file, text] of Object.entries(files)) project.write(file, text);
  const result = await build(project.dir);
  if (result.code !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
  return jekyll.posts.map((post) => {
    const url = decodeURI(post.url);
    const file = url.endsWith("/") ? `${url}index.html` : url;
    const page = readFileSync(path.join(project.site, file), "utf8");
    const ours = normalizeHtml(postContent(page));
    const theirs = normalizeHtml(jekyll.body(post.url));
    const jekyllMeta = {
      title: post.title,
      date: post.date,
      categories: post.categories,
      headingIds: headingIds(jekyll.body(post.url)),
    };
    return {
      post: path.basename(post.path),
      url: post.url,
      jekyll: theirs,
      ours,
      same: theirs === ours,
      jekyllMeta,
      ourMeta: ourMeta(page, postContent(page)),
    };
  });
}

export { firstDifference } from "./parity.ts";
