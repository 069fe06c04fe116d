// The Pagefind index `npm run build` writes: published post bodies only, with the meta, filters and
// failures the search page relies on.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, makeProject, post } from "../helpers/project.ts";
import { makeSearchBlog, readAllBundleText, readFragments, type SearchBlog } from "../helpers/search-blog.ts";

describe("the search index", () => {
  let blog: SearchBlog;
  beforeAll(async () => {
    blog = makeSearchBlog();
    const result = await build(blog.project.dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  }, 300_000);

  const site = () => blog.project.site;

  it("holds exactly the published posts", () => {
    const entry = JSON.parse(readFileSync(path.join(site(), "pagefind/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    const pageCount = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    expect(pageCount).toBe(blog.published.length);
    expect(
      readFragments(site())
        .map((fragment) => fragment.url)
        .sort(),
    ).toEqual(blog.published.map((p) => p.url).sort());
  });

  it("never holds drafts, unpublished or future posts, even when the draft is built", () => {
    const draftPage = readdirSync(site(), { recursive: true })
      .map(String)
      .find((file) => file.endsWith(blog.draft.fileName));
    expect(draftPage, "the draft is built (show_drafts), so leaving it out is the index's doing").toBeDefined();
    expect(readFileSync(path.join(site(), draftPage ?? ""), "utf8")).toContain(blog.draft.word);
    const indexed = readAllBundleText(site());
    for (const word of [blog.draft.word, ...blog.hiddenWords]) expect(indexed).not.toContain(word);
    expect(indexed).toContain("namespaces");
  });

  it("indexes the post body, not the header, footer or post meta line", () => {
    const article = readFragments(site()).find((fragment) => fragment.url === blog.published[0].url);
    expect(article?.content.startsWith("Docker Versus Virtual Machines.")).toBe(true);
    expect(article?.content).toContain("That is done using volumes.");
    for (const chrome of ["Skip to content", "Subscribe (Atom)", "min read", "Notes on Containers"])
      expect(article?.content).not.toContain(chrome);
  });

  it("stores title, date and image as meta, category and tag as filters", () => {
    const pods = readFragments(site()).find((fragment) => fragment.url.endsWith("/pods.html"));
    expect(pods?.meta).toMatchObject({
      title: "Pods",
      date: "May 1, 2021",
      category: "kubernetes",
      image: "/assets/images/docker-vm-diagram.png",
    });
    expect(pods?.filters).toEqual({ category: ["kubernetes"], tag: ["scheduling", "basics"] });
  });

  it("writes the Component UI with the index, for the /search/ page to load", () => {
    for (const file of ["pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind.js", "pagefind-worker.js"]) {
      expect(existsSync(path.join(site(), "pagefind", file)), file).toBe(true);
    }
    const searchPage = readFileSync(path.join(site(), "search/index.html"), "utf8");
    expect(searchPage).toContain('src="/pagefind/pagefind-component-ui.js"');
    // The Content-Security-Policy allows no inline script: every script is a file or a data block the browser never runs.
    const scripts = [...searchPage.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts)
      expect(attributes).toMatch(/\bsrc="|type="(text\/pagefind-template|application\/ld\+json)"/);
    expect(searchPage).not.toMatch(/\son[a-z]+="/);
  });

  it("fails the build with Pagefind's error and leaves the last site in place", async () => {
    const before = readFileSync(path.join(site(), "pagefind/pagefind-entry.json"), "utf8");
    // Pagefind's own switch for its binary, pointed at nothing: the real service fails to start (another binary
    // is another engine, so no part kept from the last build stands in for it).
    const result = await build(blog.project.dir, {
      PAGEFIND_BINARY_PATH: path.join(blog.project.dir, "no-such-pagefind"),
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Search index \(Pagefind\) failed: .+/);
    expect(result.stderr).toContain("_site/ left as it was");
    expect(readFileSync(path.join(site(), "pagefind/pagefind-entry.json"), "utf8")).toBe(before);
  });

  it("stays empty when no page has a post body to search, rather than indexing whole pages", async () => {
    // Pagefind indexes every page whole when none marks a body: a blog whose only post is a draft must not get that.
    const drafts = makeProject({
      "_config.yml": 'title: "Drafts only"\nshow_drafts: true\n',
      "posts/_drafts/first.md": post('title: "First"', "quuxdraftonly containers.\n"),
    });
    const result = await build(drafts.dir);
    expect(result.code).toBe(0);
    expect(
      readdirSync(drafts.site, { recursive: true })
        .map(String)
        .filter((file) => file.endsWith(".html")).length,
    ).toBeGreaterThan(2);
    const entry = JSON.parse(readFileSync(path.join(drafts.site, "pagefind/pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0)).toBe(0);
    expect(existsSync(path.join(drafts.site, "pagefind/fragment"))).toBe(false);
  });
});
