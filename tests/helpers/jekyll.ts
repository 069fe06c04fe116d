// Builds posts with real Jekyll (Debian's `jekyll` 4.3 + jekyll-feed), the reference for parity tests.
// Each post is rendered into a bare layout, and `posts.json` lists what Jekyll decided about every post.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface JekyllPost {
  path: string;
  url: string;
  id: string;
  title: string;
  date: string;
  categories: string[];
  tags: string[];
  excerpt: string;
  draft: boolean;
}

export interface JekyllSite {
  dir: string;
  site: string;
  posts: JekyllPost[];
  feed: string;
  /** The rendered body of the post at a URL (what `{{ content }}` gives the layout). */
  body(url: string): string;
}

const POST_LAYOUT =
  '<!doctype html><html><body><article class="jekyll-body">\n{{ content }}\n</article></body></html>\n';
const POSTS_JSON = `---
layout: null
---
[{% for post in site.posts %}{"path": {{ post.path | jsonify }}, "url": {{ post.url | jsonify }}, "id": {{ post.id | jsonify }}, "title": {{ post.title | jsonify }}, "date": {{ post.date | date_to_xmlschema | jsonify }}, "categories": {{ post.categories | jsonify }}, "tags": {{ post.tags | jsonify }}, "excerpt": {{ post.excerpt | strip_html | normalize_whitespace | jsonify }}, "draft": {{ post.draft | default: false | jsonify }}}{% unless forloop.last %},{% endunless %}
{% endfor %}]
`;

/**
 * Builds `files` (paths as in this project: `posts/x.md`, `posts/_drafts/y.md`, `_config.yml`) with Jekyll.
 * Posts move to `_posts/`, drafts to `_drafts/`; `_config.yml` gets jekyll-feed added.
 */
export async function buildWithJekyll(
  files: Record<string, string>,
  options: { drafts?: boolean; future?: boolean } = {},
): Promise<JekyllSite> {
  const dir = mkdtempSync(path.join(tmpdir(), "jekyll-ref-"));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  for (const [file, text] of Object.entries(files)) {
    const target = file.startsWith("posts/_drafts/")
      ? file.replace("posts/_drafts/", "_drafts/")
      : file.replace(/^posts\//, "_posts/");
    // A config with its own `defaults` keeps them (a second `defaults:` key would replace them).
    const defaults = /^defaults:/m.test(text) ? "" : 'defaults: [{scope: {path: ""}, values: {layout: post}}]\n';
    write(target, file === "_config.yml" ? `${text}\nplugins: [jekyll-feed]\n${defaults}` : text);
  }
  write("_layouts/post.html", POST_LAYOUT);
  write("posts.json", POSTS_JSON);
  const args = ["build", "--source", dir, "--destination", path.join(dir, "_site"), "--quiet"];
  if (options.drafts) args.push("--drafts");
  if (options.future) args.push("--future");
  await new Promise<void>((resolve, reject) => {
    execFile(
      "jekyll",
      args,
      { cwd: dir, env: { ...process.env, JEKYLL_ENV: "production" } },
      (error, stdout, stderr) => (error ? reject(new Error(`jekyll build failed:\n${stdout}\n${stderr}`)) : resolve()),
    );
  });
  const site = path.join(dir, "_site");
  const posts = JSON.parse(readFileSync(path.join(site, "posts.json"), "utf8")) as JekyllPost[];
  return {
    dir,
    site,
    posts,
    feed: readFileSync(path.join(site, "feed.xml"), "utf8"),
    body(url: string) {
      const decoded = decodeURI(url).replace(/^\//, "");
      const file = url.endsWith("/")
        ? path.join(site, decoded, "index.html")
        : path.join(site, decoded.endsWith(".html") ? decoded : `${decoded}.html`);
      const html = readFileSync(file, "utf8");
      return html.split('<article class="jekyll-body">\n')[1].split("\n</article>")[0];
    },
  };
}
