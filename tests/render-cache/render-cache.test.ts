// The render cache never serves stale or damaged output: every input a rendered body depends on
// changes the key, and an entry that does not match its checksum is rendered again.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build, makeProject, post, REPO, type Project } from "../helpers/project.ts";
import { checksum, renderKey, setupFingerprint } from "../../src/render-cache/key.ts";

const POST = "posts/2024-03-05-cached.md";
const URL_FILE = "notes/2024/03/05/cached.html";
const CACHE = ".cache/render/markdown.json";
// Search indexing is not what these tests are about; it only slows each build down.
const ENV = { BLOG_SEARCH: "0", TZ: "UTC" };

interface CacheFile {
  format: number;
  entries: Record<string, [string, string]>;
}

function project(body: string, extra: Record<string, string> = {}): Project {
  return makeProject(
    {
      "_config.yml": "title: Cache Test\ntimezone: UTC\n",
      [POST]: post('title: "Cached"\ndate: "2024-03-05 10:00:00 +0000"\ncategories: notes', body),
      ...extra,
    },
    { assets: false },
  );
}

async function built(p: Project): Promise<string> {
  const result = await build(p.dir, ENV);
  expect(result.code, result.stderr).toBe(0);
  return readFileSync(path.join(p.site, URL_FILE), "utf8");
}

const readCache = (p: Project) => JSON.parse(readFileSync(path.join(p.dir, CACHE), "utf8")) as CacheFile;

/** Replaces a symlinked shared folder or file of the project by its own copy, so the test may edit it. */
function ownCopy(p: Project, name: string): void {
  rmSync(path.join(p.dir, name));
  cpSync(path.join(REPO, name), path.join(p.dir, name), { recursive: true });
}

// Each test runs two or three real builds; on a busy 2-core machine one can take a minute.
describe("render cache", { timeout: 300_000 }, () => {
  it("keeps every post's rendered body on disk and serves it on the next build", async () => {
    const p = project("A paragraph about *caching*.\n");
    expect(await built(p)).toContain("A paragraph about <em>caching</em>.");
    const cache = readCache(p);
    const keys = Object.keys(cache.entries).filter((key) => cache.entries[key][1].includes("caching"));
    expect(keys).toHaveLength(1);
    // Plant a different, valid body under the same key: the next build must serve it, proving it reads the cache.
    const planted = "<p>Served from the render cache.</p>\n";
    cache.entries[keys[0]] = [checksum(planted), planted];
    writeFileSync(path.join(p.dir, CACHE), JSON.stringify(cache));
    // Without the warm build's manifest (src/rebuild/), which would keep the page: the post is rendered again.
    rmSync(path.join(p.dir, ".cache/rebuild"), { recursive: true, force: true });
    const html = await built(p);
    expect(html).toContain("Served from the render cache.");
    expect(html).not.toContain("<em>caching</em>");
  });

  it("renders a changed post again", async () => {
    const p = project("The first version.\n");
    expect(await built(p)).toContain("The first version.");
    p.write(
      POST,
      post('title: "Cached"\ndate: "2024-03-05 10:00:00 +0000"\ncategories: notes', "The second version.\n"),
    );
    const html = await built(p);
    expect(html).toContain("The second version.");
    expect(html).not.toContain("The first version.");
  });

  it("renders again when an include the post uses changes", async () => {
    const p = project("Before the note.\n\n{% include note.html %}\n");
    ownCopy(p, "_includes");
    p.write("_includes/note.html", "A *first* note.\n");
    expect(await built(p)).toContain("A <em>first</em> note.");
    p.write("_includes/note.html", "A **second** note.\n");
    const html = await built(p);
    expect(html).toContain("A <strong>second</strong> note.");
    expect(html).not.toContain("first");
  });

  it("applies a changed layout to cached bodies", async () => {
    const p = project("Body text.\n");
    ownCopy(p, "_includes");
    expect(await built(p)).toContain("Body text.");
    const layout = path.join(p.dir, "_includes/layouts/post.liquid");
    writeFileSync(
      layout,
      readFileSync(layout, "utf8").replace("{{ content }}", '<div class="layout-changed">{{ content }}</div>'),
    );
    const html = await built(p);
    expect(html).toMatch(/<div class="layout-changed">\s*<p>Body text\.<\/p>/);
  });

  it("renders again when _config.yml changes what the post says", async () => {
    const p = project("Welcome to {{ site.title }}.\n");
    expect(await built(p)).toContain("Welcome to Cache Test.");
    p.write("_config.yml", "title: Renamed Blog\ntimezone: UTC\n");
    const html = await built(p);
    expect(html).toContain("Welcome to Renamed Blog.");
    expect(html).not.toContain("Welcome to Cache Test.");
  });

  it("renders again when the engine's code changes, though the post did not", async () => {
    const p = project("Plain words here.\n");
    // The project gets its own copy of the engine, so changing it does not touch the repository.
    ownCopy(p, "src");
    ownCopy(p, ".eleventy.js");
    expect(await built(p)).toContain("Plain words here.");
    const config = path.join(p.dir, "src/eleventy.ts");
    const source = readFileSync(config, "utf8");
    const anchor = "const md = createMarkdown();";
    expect(source).toContain(anchor);
    // A markdown-it rule change: text comes out in capitals.
    writeFileSync(
      config,
      source.replace(
        anchor,
        `${anchor}\n  md.renderer.rules.text = (tokens, index) => tokens[index].content.toUpperCase();`,
      ),
    );
    const html = await built(p);
    expect(html).toContain("PLAIN WORDS HERE.");
    expect(html).not.toContain("Plain words here.");
  });

  it("rebuilds a cache file that is not valid JSON", async () => {
    const p = project("Sturdy text.\n");
    await built(p);
    writeFileSync(path.join(p.dir, CACHE), '{"format":1,"entries":{"trunc');
    expect(await built(p)).toContain("Sturdy text.");
    expect(Object.values(readCache(p).entries).some(([, html]) => html.includes("Sturdy text."))).toBe(true);
  });

  it("renders again an entry whose body does not match its checksum", async () => {
    const p = project("Honest text.\n");
    await built(p);
    const cache = readCache(p);
    for (const entry of Object.values(cache.entries)) entry[1] = entry[1].replace("Honest", "Tampered");
    writeFileSync(path.join(p.dir, CACHE), JSON.stringify(cache));
    const html = await built(p);
    expect(html).toContain("Honest text.");
    expect(html).not.toContain("Tampered");
  });

  it("is off with BLOG_RENDER_CACHE=0", async () => {
    const p = project("No cache wanted.\n");
    const result = await build(p.dir, { ...ENV, BLOG_RENDER_CACHE: "0" });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(path.join(p.dir, CACHE))).toBe(false);
  });
});

describe("render cache keys", () => {
  const setup = { code: "code-a", lockfile: "lock-a", config: "title: A\n" };

  it("change with the engine's code, the lockfile and the config", () => {
    const base = setupFingerprint(setup);
    expect(setupFingerprint({ ...setup, code: "code-b" })).not.toBe(base);
    expect(setupFingerprint({ ...setup, lockfile: "lock-b" })).not.toBe(base);
    expect(setupFingerprint({ ...setup, config: "title: B\n" })).not.toBe(base);
    expect(setupFingerprint({ ...setup })).toBe(base);
  });

  it("change with the Markdown, the page and the setup", () => {
    const key = { setup: "s1", markdown: "# Hi\n", page: "./posts/a.md\0/a/" };
    const base = renderKey(key);
    expect(renderKey({ ...key, markdown: "# Hi!\n" })).not.toBe(base);
    expect(renderKey({ ...key, page: "./posts/b.md\0/b/" })).not.toBe(base);
    expect(renderKey({ ...key, setup: "s2" })).not.toBe(base);
    // Parts are separated, so moving text from one part into the next cannot give the same key.
    expect(renderKey({ setup: "s1", markdown: "x", page: "" })).not.toBe(
      renderKey({ setup: "s1x", markdown: "", page: "" }),
    );
  });
});
