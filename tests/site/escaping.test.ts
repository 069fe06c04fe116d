// Titles, categories, tags and descriptions holding markup, quotes and `&` come out as text: escaped in
// HTML text and attributes, in JSON-LD (no `</script>` break-out), and in the feed and sitemap as valid
// XML. Pages are read by real Chromium with JavaScript on, so any escape that fails would run.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { build, makeProject } from "../helpers/project.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { serveDir, type Served } from "../helpers/serve.ts";

// Each would run script, end an element or attribute, or start an entity if written out raw.
const TITLE = `<script>window.__xss = "title"</script> "Double" 'Single' & Co </script><!-- <img src=x onerror="window.__xss='img'">`;
const CATEGORY = `<i>cat</i> & "q"`;
const TAG = `<tag>&'`;
const DESCRIPTION = `<script>window.__xss = "description"</script>"Described" & 'quoted' </script>`;
const SITE_TITLE = `Site & <b>Co</b> "quoted"`;
const SITE_DESCRIPTION = `A "quoted" </script> & <em>site</em>`;

const yamlString = (text: string) => JSON.stringify(text);
const CONFIG = `title: ${yamlString(SITE_TITLE)}\ndescription: ${yamlString(SITE_DESCRIPTION)}\nurl: "https://example.org"\ntimezone: UTC\n`;
const POST = `---
title: ${yamlString(TITLE)}
categories: [${yamlString(CATEGORY)}]
tags: [${yamlString(TAG)}]
description: ${yamlString(DESCRIPTION)}
---

The body of the post.
`;

// htmlEntities: numeric references (&#39;) are XML too; the strict well-formedness check is Chromium's.
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  htmlEntities: true,
  isArray: (name) => ["entry", "category", "url", "link"].includes(name),
});

interface Head {
  title: string;
  ogTitle: string | null;
  description: string | null;
  feedTitle: string | null;
  jsonLd: unknown[];
}

describe("escaping of authors' text", () => {
  let served: Served;
  let browser: Browser;
  let site = "";
  let postUrl = "";
  const alerts: string[] = [];

  beforeAll(async () => {
    const project = makeProject({ "_config.yml": CONFIG, "posts/2021-01-01-nasty.md": POST });
    const result = await build(project.dir);
    expect(result.stderr).toBe("");
    site = project.site;
    // The post's URL as the home page links it (its folder is named after the category).
    postUrl =
      /<a class="p-name u-url" href="([^"]+)"/.exec(readFileSync(path.join(site, "index.html"), "utf8"))?.[1] ?? "";
    expect(postUrl).toMatch(/\/2021\/01\/01\/nasty\.html$/);
    served = await serveDir(site);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  /** Opens a page with JavaScript on; any script the text smuggled in would set window.__xss or alert. */
  async function open(url: string): Promise<Page> {
    const page = await browser.newPage();
    page.on("dialog", (dialog) => {
      alerts.push(dialog.message());
      void dialog.dismiss();
    });
    const response = await page.goto(served.url + url);
    expect(response?.status()).toBe(200);
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(alerts).toEqual([]);
    return page;
  }

  const head = (page: Page): Promise<Head> =>
    page.evaluate(() => ({
      title: document.title,
      ogTitle: document.querySelector('meta[property="og:title"]')?.getAttribute("content") ?? null,
      description: document.querySelector('meta[name="description"]')?.getAttribute("content") ?? null,
      feedTitle: document.querySelector('link[type="application/atom+xml"]')?.getAttribute("title") ?? null,
      jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) =>
        JSON.parse(s.textContent ?? "null"),
      ),
    }));

  /** Chromium's XML parser: strict about raw `&` in attributes and undefined entities, which fast-xml-parser lets by. */
  async function xmlErrors(text: string): Promise<string | null> {
    const page = await browser.newPage();
    const error = await page.evaluate((source: string) => {
      const doc = new DOMParser().parseFromString(source, "application/xml");
      return doc.querySelector("parsererror")?.textContent ?? null;
    }, text);
    await page.close();
    return error;
  }

  const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

  it("post page: the title, categories and tags read as written, in text, attributes and JSON-LD", async () => {
    const page = await open(postUrl);
    expect(await texts(page, "article.h-entry h1.p-name")).toEqual([TITLE]);
    expect(await texts(page, "article.h-entry a.p-category")).toEqual([CATEGORY]);
    expect(await texts(page, 'article.h-entry a[rel="tag"]')).toEqual([TAG]);
    expect(await texts(page, ".site-title")).toEqual([SITE_TITLE]);
    const tags = await head(page);
    expect(tags.title).toBe(`${TITLE} | ${SITE_TITLE}`);
    expect(tags.ogTitle).toBe(TITLE);
    expect(tags.feedTitle).toBe(SITE_TITLE);
    // One JSON-LD block, whole: a `</script>` in the title did not end it early.
    expect(tags.jsonLd).toHaveLength(1);
    const ld = tags.jsonLd[0] as { headline: string; description: string; "@type": string };
    expect(ld["@type"]).toBe("BlogPosting");
    expect(ld.headline).toBe(TITLE);
    // Descriptions are plain text as in jekyll-seo-tag (strip_html drops <script> elements), quotes and & kept.
    expect(tags.description).toContain(`"Described" & 'quoted'`);
    expect(tags.description).not.toContain("__xss");
    expect(ld.description).toBe(tags.description);
    await page.close();
  });

  it("home page: the post's title and category read as written", async () => {
    const page = await open("/");
    expect(await texts(page, ".post-list a.p-name")).toEqual([TITLE]);
    expect(await texts(page, ".post-list a.p-category")).toEqual([CATEGORY]);
    const tags = await head(page);
    expect(tags.title.startsWith(SITE_TITLE)).toBe(true);
    expect(tags.jsonLd).toHaveLength(1);
    expect((tags.jsonLd[0] as { name: string }).name).toBe(SITE_TITLE);
    await page.close();
  });

  it("category and tag pages: named as written, in the heading and the title", async () => {
    const post = await open(postUrl);
    const categoryHref = await post.locator("article a.p-category").getAttribute("href");
    const tagHref = await post.locator('article a[rel="tag"]').getAttribute("href");
    await post.close();
    expect(categoryHref).toMatch(/^\/category\/[a-z0-9-]+\/$/);
    expect(tagHref).toMatch(/^\/tag\/[a-z0-9-]+\/$/);
    for (const [href, name] of [
      [categoryHref, CATEGORY],
      [tagHref, TAG],
    ] as const) {
      const page = await open(String(href));
      expect((await texts(page, "main h1")).map((t) => t.trim())).toEqual([expect.stringContaining(name)]);
      expect((await head(page)).title).toBe(`${name} | ${SITE_TITLE}`);
      expect(await texts(page, ".post-list a.p-name")).toEqual([TITLE]);
      await page.close();
    }
  });

  it("feed: valid XML whose categories, link and texts round-trip", async () => {
    const text = readFileSync(path.join(site, "feed.xml"), "utf8");
    expect(XMLValidator.validate(text)).toBe(true);
    expect(await xmlErrors(text)).toBeNull();
    const feed = xml.parse(text).feed;
    expect(feed.subtitle).toBe(SITE_DESCRIPTION);
    const [entry] = feed.entry;
    expect(entry.category.map((c: Record<string, string>) => c["@_term"])).toEqual([CATEGORY, TAG]);
    expect(entry.link[0]["@_href"]).toBe(`https://example.org${postUrl}`);
    // The description is the summary, inside CDATA: quotes and & as written; tags stripped, as jekyll-feed does.
    const summary = String(entry.summary["#text"] ?? entry.summary);
    expect(summary).toContain(`"Described" & 'quoted'`);
    expect(summary).not.toMatch(/<script|__xss/);
    // type="html": the parsed text is HTML, which a reader renders; as text it must keep `&` and the words,
    // and carry no live markup (jekyll-feed strips tags from titles).
    const page = await browser.newPage();
    const rendered = await page.evaluate(
      (html: string) => {
        const doc = new DOMParser().parseFromString(html, "text/html");
        return { text: doc.body.textContent ?? "", elements: doc.body.querySelectorAll("*").length };
      },
      String(entry.title["#text"] ?? entry.title),
    );
    await page.close();
    expect(rendered.elements).toBe(0);
    expect(rendered.text).toContain("& Co");
    expect(rendered.text).toMatch(/Double.*Single/);
    expect(entry.link[0]["@_title"]).toBe(String(entry.title["#text"] ?? entry.title));
  });

  it("sitemap: valid XML whose post URL is the page's canonical URL", async () => {
    const text = readFileSync(path.join(site, "sitemap.xml"), "utf8");
    expect(XMLValidator.validate(text)).toBe(true);
    expect(await xmlErrors(text)).toBeNull();
    const locs: string[] = xml.parse(text).urlset.url.map((u: { loc: string }) => u.loc);
    const page = await open(postUrl);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
    await page.close();
    expect(canonical).toBe(`https://example.org${postUrl}`);
    expect(locs).toContain(canonical);
    for (const loc of locs) expect(() => new URL(loc)).not.toThrow();
  });
});
