// The pages around the posts (issue item 5): the home page newest first with pagination at Jekyll's
// paginate_path, the post page (categories and tags linked, reading time, previous/next), category, tag
// and year archives, 404.html, robots.txt and sitemap.xml. Read in real Chromium, JavaScript off.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext } from "playwright-core";
import { XMLParser } from "fast-xml-parser";
import { build, makeProject, post } from "../helpers/project.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { serveDir, type Served } from "../helpers/serve.ts";

const URL_BASE = "https://blog.example.org";
const CONFIG = `title: "Pages"\ndescription: "Testing the pages"\nurl: "${URL_BASE}"\ntimezone: UTC\npermalink: /:year/:month/:day/:title/\npaginate: 2\npaginate_path: "/page:num/"\n`;
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

// Five posts over three years, plus posts that must not appear anywhere.
const POSTS = [
  {
    file: "2021-01-05-alpha.md",
    title: "Alpha",
    date: "Jan 5, 2021",
    url: "/2021/01/05/alpha/",
    categories: ["docker"],
    tags: ["intro"],
  },
  {
    file: "2021-06-10-bravo.md",
    title: "Bravo",
    date: "Jun 10, 2021",
    url: "/2021/06/10/bravo/",
    categories: ["linux"],
    tags: [],
  },
  {
    file: "2022-03-01-charlie.md",
    title: "Charlie",
    date: "Mar 1, 2022",
    url: "/2022/03/01/charlie/",
    categories: ["docker", "linux"],
    tags: ["intro", "deep dive"],
  },
  {
    file: "2022-11-20-delta.md",
    title: "Delta",
    date: "Nov 20, 2022",
    url: "/2022/11/20/delta/",
    categories: [],
    tags: [],
  },
  {
    file: "2023-02-14-echo.md",
    title: "Echo",
    date: "Feb 14, 2023",
    url: "/2023/02/14/echo/",
    categories: ["docker"],
    tags: [],
  },
];
const NEWEST_FIRST = [...POSTS].reverse();
const yamlList = (items: string[]) => `[${items.map((i) => JSON.stringify(i)).join(", ")}]`;

const FILES: Record<string, string> = { "_config.yml": CONFIG };
for (const p of POSTS) {
  // Charlie is long: 1,000 words are 5 minutes at 200 words a minute.
  const body =
    p.title === "Charlie"
      ? `The excerpt of Charlie.\n\n${words(1000)}\n`
      : `The excerpt of ${p.title}.\n\nThe second paragraph of ${p.title}.\n`;
  FILES[`posts/${p.file}`] = post(
    `title: ${p.title}\ncategories: ${yamlList(p.categories)}\ntags: ${yamlList(p.tags)}`,
    body,
  );
}
FILES["posts/2022-05-05-hidden.md"] = post("title: Hidden\npublished: false\ncategories: [secret]");
FILES["posts/2999-01-01-future.md"] = post("title: Future\ncategories: [secret]");
FILES["posts/_drafts/a-draft.md"] = post("title: A Draft\ncategories: [secret]");

describe("pages", () => {
  let served: Served;
  let browser: Browser;
  let context: BrowserContext;
  let site = "";

  beforeAll(async () => {
    const project = makeProject(FILES);
    const result = await build(project.dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    site = project.site;
    served = await serveDir(site);
    browser = await launchBrowser();
    context = await browser.newContext({ javaScriptEnabled: false });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  async function open(url: string) {
    const page = await context.newPage();
    const response = await page.goto(served.url + url);
    expect(response?.status(), url).toBe(200);
    return page;
  }

  /** Title, shown date, categories and excerpt of each entry in a list of posts. */
  async function listed(url: string) {
    const page = await open(url);
    const entries = await page.locator(".post-list > li").evaluateAll((items) =>
      items.map((li) => ({
        title: li.querySelector(".p-name")?.textContent ?? "",
        href: li.querySelector(".p-name")?.getAttribute("href") ?? "",
        date: li.querySelector("time.dt-published")?.textContent ?? "",
        categories: [...li.querySelectorAll("a.p-category")].map((a) => a.textContent ?? ""),
        excerpt: li.querySelector(".p-summary")?.textContent?.trim() ?? null,
      })),
    );
    const pager = await page.evaluate(() => ({
      prev: document.querySelector('.pager a[rel="prev"]')?.getAttribute("href") ?? null,
      next: document.querySelector('.pager a[rel="next"]')?.getAttribute("href") ?? null,
      title: document.title,
      heading: document.querySelector("main h1")?.textContent?.replace(/\s+/g, " ").trim() ?? "",
      headPrev: document.querySelector('link[rel="prev"]')?.getAttribute("href") ?? null,
      headNext: document.querySelector('link[rel="next"]')?.getAttribute("href") ?? null,
    }));
    await page.close();
    return { entries, pager };
  }

  it("home: newest first, two a page, with title, date as %b %-d, %Y, categories and excerpt", async () => {
    const home = await listed("/");
    expect(home.entries).toEqual(
      NEWEST_FIRST.slice(0, 2).map((p) => ({
        title: p.title,
        href: p.url,
        date: p.date,
        categories: p.categories,
        excerpt: `The excerpt of ${p.title}.`,
      })),
    );
    expect(home.pager.prev).toBeNull();
    expect(home.pager.next).toBe("/page2/");
    expect(home.pager.title).toBe("Pages | Testing the pages");
    expect(home.pager.headNext).toBe(`${URL_BASE}/page2/`);
  });

  it("home pages 2 and 3 live at paginate_path, linked both ways; there is no /page1/", async () => {
    const second = await listed("/page2/");
    expect(second.entries.map((e) => e.title)).toEqual(NEWEST_FIRST.slice(2, 4).map((p) => p.title));
    expect(second.pager).toMatchObject({
      prev: "/",
      next: "/page3/",
      title: "Page 2 of 3 for Pages | Testing the pages",
      headPrev: `${URL_BASE}/`,
      headNext: `${URL_BASE}/page3/`,
    });
    const third = await listed("/page3/");
    expect(third.entries.map((e) => e.title)).toEqual(NEWEST_FIRST.slice(4).map((p) => p.title));
    expect(third.pager).toMatchObject({ prev: "/page2/", next: null });
    expect(existsSync(path.join(site, "page1"))).toBe(false);
    expect(existsSync(path.join(site, "page4"))).toBe(false);
  });

  it("post page: categories and tags linked to their pages, reading time, previous and next post", async () => {
    const page = await open("/2022/03/01/charlie/");
    const facts = await page.evaluate(() => ({
      categories: [...document.querySelectorAll("article.h-entry a.p-category")].map((a) => [
        a.textContent,
        a.getAttribute("href"),
      ]),
      tags: [...document.querySelectorAll('article.h-entry a[rel="tag"]')].map((a) => [
        a.textContent,
        a.getAttribute("href"),
      ]),
      meta: document.querySelector("article.h-entry .post-meta")?.textContent?.replace(/\s+/g, " ") ?? "",
      prev: document.querySelector('.post-nav a[rel="prev"]')?.getAttribute("href") ?? null,
      next: document.querySelector('.post-nav a[rel="next"]')?.getAttribute("href") ?? null,
      prevText: document.querySelector('.post-nav a[rel="prev"]')?.textContent ?? "",
    }));
    await page.close();
    expect(facts.categories).toEqual([
      ["docker", "/category/docker/"],
      ["linux", "/category/linux/"],
    ]);
    expect(facts.tags).toEqual([
      ["intro", "/tag/intro/"],
      ["deep dive", "/tag/deep-dive/"],
    ]);
    expect(facts.meta).toContain("Mar 1, 2022");
    expect(facts.meta).toContain("5 min read");
    // Previous is the older post, next the newer one, as Jekyll's page.previous and page.next.
    expect(facts.prev).toBe("/2021/06/10/bravo/");
    expect(facts.prevText).toContain("Bravo");
    expect(facts.next).toBe("/2022/11/20/delta/");
  });

  it("the oldest post has no previous, the newest no next; short posts read in 1 minute", async () => {
    const oldest = await open("/2021/01/05/alpha/");
    expect(await oldest.locator('.post-nav a[rel="prev"]').count()).toBe(0);
    expect(await oldest.locator('.post-nav a[rel="next"]').getAttribute("href")).toBe("/2021/06/10/bravo/");
    expect(await oldest.locator("article .post-meta").textContent()).toContain("1 min read");
    await oldest.close();
    const newest = await open("/2023/02/14/echo/");
    expect(await newest.locator('.post-nav a[rel="next"]').count()).toBe(0);
    expect(await newest.locator('.post-nav a[rel="prev"]').getAttribute("href")).toBe("/2022/11/20/delta/");
    await newest.close();
  });

  it("category, tag and year pages list their posts newest first", async () => {
    const expectList = async (url: string, titles: string[], heading: string) => {
      const { entries, pager } = await listed(url);
      expect(pager.heading).toBe(heading);
      expect(entries.map((e) => e.title)).toEqual(titles);
    };
    const having = (key: "categories" | "tags", name: string) =>
      NEWEST_FIRST.filter((p) => p[key].includes(name)).map((p) => p.title);
    await expectList("/category/docker/", having("categories", "docker"), "Category: docker");
    await expectList("/category/linux/", having("categories", "linux"), "Category: linux");
    await expectList("/tag/intro/", having("tags", "intro"), "Tag: intro");
    await expectList("/tag/deep-dive/", having("tags", "deep dive"), "Tag: deep dive");
    await expectList("/2022/", ["Delta", "Charlie"], "Year: 2022");
    await expectList("/2021/", ["Bravo", "Alpha"], "Year: 2021");
  });

  it("the archive lists every year, newest first, with all posts, categories and tags", async () => {
    const page = await open("/archive/");
    const years = await page.locator("h2.archive-group a").allTextContents();
    expect(years).toEqual(["2023", "2022", "2021"]);
    expect(await page.locator(".post-list .p-name").allTextContents()).toEqual(NEWEST_FIRST.map((p) => p.title));
    expect(await page.locator('a[href^="/category/"]:not(.p-category)').allTextContents()).toEqual(["docker", "linux"]);
    expect(await page.locator('a[href^="/tag/"]').allTextContents()).toEqual(["deep dive", "intro"]);
    await page.close();
  });

  it("unpublished, future and draft posts appear nowhere", () => {
    for (const file of [
      "index.html",
      "page2/index.html",
      "page3/index.html",
      "archive/index.html",
      "sitemap.xml",
      "feed.xml",
    ]) {
      const text = readFileSync(path.join(site, file), "utf8");
      for (const hidden of ["Hidden", "Future", "A Draft", "secret"])
        expect(text, `${hidden} in ${file}`).not.toContain(hidden);
    }
    expect(existsSync(path.join(site, "category/secret"))).toBe(false);
  });

  it("every link on every page leads to a page of the site", async () => {
    const pages = [
      "/",
      "/page2/",
      "/page3/",
      "/archive/",
      "/404.html",
      ...POSTS.map((p) => p.url),
      "/category/docker/",
      "/tag/deep-dive/",
      "/2021/",
    ];
    const broken: string[] = [];
    for (const url of pages) {
      const page = await open(url);
      const hrefs = await page
        .locator("a[href], link[href]")
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      await page.close();
      for (const href of new Set(hrefs)) {
        const target = new URL(href);
        if (target.origin !== served.url || (target.hash && target.pathname === new URL(served.url + url).pathname))
          continue;
        if (target.pathname === "/search/") continue; // Pagefind's page, tested with search
        const response = await fetch(served.url + target.pathname, { method: "HEAD" });
        if (response.status !== 200) broken.push(`${url} → ${target.pathname} (${response.status})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("404.html, robots.txt and sitemap.xml", async () => {
    const missing = await context.newPage();
    const response = await missing.goto(`${served.url}/no/such/page/`);
    expect(response?.status()).toBe(404);
    expect(await missing.locator("h1").textContent()).toMatch(/not found/i);
    expect(await missing.locator('main a[href="/"]').count()).toBe(1);
    await missing.close();

    const robots = readFileSync(path.join(site, "robots.txt"), "utf8");
    // jekyll-sitemap's robots.txt, byte for byte.
    expect(robots).toBe(`Sitemap: ${URL_BASE}/sitemap.xml\n`);

    const sitemap = new XMLParser({ isArray: (name) => name === "url" }).parse(
      readFileSync(path.join(site, "sitemap.xml"), "utf8"),
    );
    const entries: { loc: string; lastmod?: string }[] = sitemap.urlset.url;
    const locs = entries.map((u) => u.loc);
    for (const p of POSTS) expect(locs).toContain(`${URL_BASE}${p.url}`);
    expect(locs).toContain(`${URL_BASE}/`);
    expect(locs).not.toContain(`${URL_BASE}/404.html`);
    expect(new Set(locs).size).toBe(locs.length);
    const alpha = entries.find((u) => u.loc === `${URL_BASE}/2021/01/05/alpha/`);
    expect(alpha?.lastmod).toBe("2021-01-05T00:00:00+00:00");
  });
});
