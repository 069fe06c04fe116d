// A whole Jekyll site (tests/fixtures/site/) migrated with `npm run migrate` and built here and by real Jekyll
// 4.3 with jekyll-redirect-from: pages, data, static files with exclude/include, folder categories, both
// redirect kinds, site.posts/pages/static_files/html_pages/categories, an include named by a variable.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compareSite, formatSiteReport, type SiteParityReport } from "../helpers/site-parity.ts";
import { REPO, build, makeProject, post } from "../helpers/project.ts";
import { migrate } from "../../scripts/migrate/migrate.ts";
import { pageUrl } from "../../src/site-files/page-url.ts";
import { readFragments } from "../helpers/search-blog.ts";
import { postContent as postContentText } from "../helpers/normalize-html.ts";

const FIXTURE = path.join(REPO, "tests/fixtures/site");

describe("a whole Jekyll site, against real Jekyll", () => {
  let report: SiteParityReport;
  let site: string;
  const read = (file: string) => readFileSync(path.join(site, file), "utf8");

  beforeAll(async () => {
    report = await compareSite(FIXTURE);
    site = path.join(report.project, "_site");
  }, 300_000);

  it("writes every file Jekyll writes, at the same path, and each agrees", () => {
    expect(report.jekyllFiles).toBeGreaterThanOrEqual(15);
    expect(report.missing, formatSiteReport(report)).toEqual([]);
    expect(report.differences, formatSiteReport(report)).toEqual([]);
  });

  it("renders pages with site.data (YAML, JSON, CSV, TSV, nested), page.* and site.posts in the page layout", () => {
    const about = read("about/index.html");
    expect(about).toContain('<h1 class="page-title p-name">About</h1>');
    expect(about).toContain("We are 2: Ann (writer), Bob (editor).");
    expect(about).toContain("a big, “red” cup costs 2, the large size is 20 wide, version 1.0 needs 26.0");
    expect(about).toContain("This page is About at /about/ (about.md).");
    expect(about).toContain('<aside class="note">Included by name from a variable.</aside>');
    expect(about).not.toContain("h-entry");
    expect(read("contact-us/index.html")).toContain("<p>Write to Fixture Site.</p>");
    expect(read("docs/index.html")).toContain("A part for readers, read from beside the page (Docs).");
  });

  it("copies static files, leaving out `_` names and `exclude:`, keeping `include:`", () => {
    expect(readFileSync(path.join(site, "favicon.ico"))).toEqual(readFileSync(path.join(FIXTURE, "favicon.ico")));
    expect(read("files/guide.html")).toContain("{{ no Liquid }}");
    expect(existsSync(path.join(site, "_keep.txt"))).toBe(true);
    expect(existsSync(path.join(site, "secret.txt"))).toBe(false);
    expect(existsSync(path.join(site, "_hidden.txt"))).toBe(false);
  });

  it("keeps the site's own feed.xml and robots.txt in place of the engine's", () => {
    expect(read("feed.xml")).toContain('<rss version="2.0"><channel><title>Fixture Site</title>');
    expect(read("robots.txt")).toBe("User-agent: *\nDisallow: /files/\n");
  });

  it("gives a post in en/news/_posts/ the folder categories before its own", () => {
    const hello = read("en/news/extra/2020/02/02/hello/index.html");
    const categories = [...hello.matchAll(/class="p-category"[^>]*>([^<]+)</g)].map((m) => m[1]);
    expect(categories).toEqual(["en", "news", "extra"]);
  });

  it("writes jekyll-redirect-from's pages for redirect_from and redirect_to, and redirects.json", () => {
    const old = read("old/index.html");
    expect(old).toContain('<meta http-equiv="refresh" content="0; url=https://example.org/2020/01/01/first/">');
    expect(old).toContain('<link rel="canonical" href="https://example.org/2020/01/01/first/">');
    expect(old).toContain('<meta name="robots" content="noindex">');
    expect(read("moved/index.html")).toContain('<a href="https://example.org/docs/">');
    expect(JSON.parse(read("redirects.json"))).toEqual({
      "/old/": "https://example.org/2020/01/01/first/",
      "/older.html": "https://example.org/2020/01/01/first/",
      "/moved/": "https://example.org/docs/",
    });
  });

  it("links titled pages in the header in header_pages order; the sitemap lists pages but no redirect", () => {
    const nav = /<nav class="site-nav"[\s\S]*?<\/nav>/.exec(read("about/index.html"))?.[0] ?? "";
    expect([...nav.matchAll(/href="([^"]+)">([^<]+)</g)].map((m) => `${m[2]} ${m[1]}`)).toEqual([
      "Docs /docs/",
      "About /about/",
      "Archive /archive/",
      "Feed /feed.xml",
    ]);
    const sitemap = read("sitemap.xml");
    for (const url of ["/about/", "/contact-us/", "/docs/", "/files/guide.html"]) {
      expect(sitemap).toContain(`<loc>https://example.org${url}</loc>`);
    }
    expect(sitemap).not.toContain("/moved/");
    expect(sitemap).not.toContain("/old/");
  });
});

describe("jekyll-paginate on the site's own index.html, against real Jekyll", () => {
  it("gives it `paginator` and writes pages 2...N at paginate_path, hidden posts left out, excerpts rendered", async () => {
    const report = await compareSite(path.join(REPO, "tests/fixtures/site-paginate"));
    expect(report.missing, formatSiteReport(report)).toEqual([]);
    expect(report.differences, formatSiteReport(report)).toEqual([]);
    const second = readFileSync(path.join(report.project, "_site/blog/page2/index.html"), "utf8");
    expect(postContentText(second)).toContain("Page 2 of 3 (5 posts, 2 a page).");
    expect(second).toContain('<a href="/blog/page3/">Older</a>');
    expect(existsSync(path.join(report.project, "_site/blog/page3/index.html"))).toBe(true);
    // post.excerpt is rendered as Jekyll renders the post: Liquid first, then Markdown.
    const third = readFileSync(path.join(report.project, "_site/blog/page3/index.html"), "utf8");
    expect(third).toContain('<p>Number 1 of Paginated, on <a href="/">the first page</a>.</p>');
  }, 300_000);
});

describe("npm run migrate", () => {
  it("maps layouts the engine lacks to post or page, says so, and leaves the source as it was", () => {
    const target = mkdtempSync(path.join(tmpdir(), "migrate-"));
    const report = migrate(FIXTURE, target, path.join(REPO, "_includes/layouts"));
    expect(report.layouts).toEqual({ default: "page" });
    expect(readFileSync(path.join(target, "pages/docs/index.md"), "utf8")).toMatch(/^---\nlayout: page\n/);
    expect(readFileSync(path.join(FIXTURE, "docs/index.md"), "utf8")).toMatch(/^---\nlayout: default\n/);
    expect(existsSync(path.join(target, "posts/en/news/_posts/2020-02-02-hello.md"))).toBe(true);
    expect(existsSync(path.join(target, "_data/nested/langs.json"))).toBe(true);
    expect(existsSync(path.join(target, "_layouts"))).toBe(false);
    expect(report.notes.join("\n")).toContain("_layouts/ was not copied");
  });
});

describe("page URLs (Page#url)", () => {
  it("follows the file name and the site's permalink style, as Jekyll 4.3 does", () => {
    expect(pageUrl("about.md", undefined, "date")).toBe("/about.html");
    expect(pageUrl("about.md", undefined, "pretty")).toBe("/about/");
    expect(pageUrl("docs/index.md", undefined, "date")).toBe("/docs/");
    expect(pageUrl("atom.xml", undefined, "pretty")).toBe("/atom.xml");
    expect(pageUrl("x/y.html", undefined, "/:categories/:title/")).toBe("/x/y/");
    expect(pageUrl("about.md", "/about/", "date")).toBe("/about/");
    expect(pageUrl("a/b.md", "/:path/:basename:output_ext", "pretty")).toBe("/a/b.html");
  });
});

describe("search and the feed", () => {
  it("search indexes pages with a title; the feed stays posts only", async () => {
    const project = makeProject(
      {
        "posts/2020-01-01-ok.md": post("title: Ok"),
        "pages/about.md": readFileSync(path.join(REPO, "pages/about.md"), "utf8"),
        "pages/untitled.md": "---\n---\n\nNo title here.\n",
      },
      { assets: false },
    );
    const result = await build(project.dir);
    expect(result.code, result.stderr).toBe(0);
    const urls = readFragments(project.site).map((fragment) => fragment.url);
    expect(urls.sort()).toEqual(["/2020/01/01/ok.html", "/about/"]);
    const feed = readFileSync(path.join(project.site, "feed.xml"), "utf8");
    expect(feed).toContain("/2020/01/01/ok.html");
    expect(feed).not.toContain("/about/");
  }, 120_000);
});

describe("a mistake in a page", () => {
  it("stops the build naming the page's file and line, and what to change", async () => {
    const project = makeProject(
      { "pages/bad.md": "---\ntitle: Bad\n---\n\nText\n\nMore {% nope %}\n" },
      { assets: false },
    );
    const result = await build(project.dir, { BLOG_SEARCH: "0" });
    expect(result.code).not.toBe(0);
    expect(result.stderr + result.stdout).toContain("pages/bad.md:7: unknown Liquid tag {% nope %}");
  }, 120_000);
});

describe("files that are neither posts, pages nor static files", () => {
  it("warn with the file and where it belongs, and the rest still builds", async () => {
    const project = makeProject(
      {
        "posts/about.md": post("title: About\nlayout: page\npermalink: /about/"),
        "posts/2020-01-01-ok.md": post("title: Ok"),
        "posts/notes.txt": "loose notes\n",
        "pages/_draft-page.md": "---\ntitle: Later\n---\n\nNot yet.\n",
      },
      { assets: false },
    );
    const result = await build(project.dir, { BLOG_SEARCH: "0" });
    expect(result.code).toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain(
      "Warning: posts/about.md is not built: a post's name starts with its date (posts/YYYY-MM-DD-about.md), a draft goes in posts/_drafts/, and a page (About, Contact) goes in pages/about.md.",
    );
    expect(output).toContain("Warning: posts/notes.txt is not built");
    expect(output).toContain(
      "Warning: pages/_draft-page.md is not built: names starting with _ or # (or ending in ~) are left out, as in Jekyll. Rename it, or add it to include: in _config.yml.",
    );
    expect(existsSync(path.join(project.site, "2020/01/01/ok.html"))).toBe(true);
  }, 120_000);
});
