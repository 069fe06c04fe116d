// The search readers use, in real headless Chromium against built sites served over HTTP with the
// production Content-Security-Policy: typing, section results, the category filter, the URL, keyboard,
// no-JavaScript fallback, hostile queries, a `baseurl` sub-path, and axe-core.
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { REPO, build } from "../helpers/project.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { serveDir, type Served } from "../helpers/serve.ts";
import { makeSearchBlog, type SearchBlog } from "../helpers/search-blog.ts";

/** The Content-Security-Policy production sends, read from the nginx config the image copies. */
function productionCsp(): string {
  const headers = readFileSync(path.join(REPO, "nginx/snippets/security-headers.conf"), "utf8");
  const csp = /add_header\s+Content-Security-Policy\s+"([^"]+)"/.exec(headers)?.[1];
  if (!csp) throw new Error("nginx/snippets/security-headers.conf sets no Content-Security-Policy");
  return csp;
}
const CSP = productionCsp();

const ARTICLE = "Docker Versus Virtual Machines";
// The machine is shared: give searches time, while still failing when a result never comes.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000 });

describe("the search page", { timeout: 150_000 }, () => {
  let browser: Browser;
  let blog: SearchBlog;
  let subPathBlog: SearchBlog;
  let root: Served;
  let subPath: Served;
  /** The same blog, its index written in parts of two pages, as a large blog's is (src/search/indexer.ts). */
  let partsBlog: SearchBlog;
  let parts: Served;
  const problems: string[] = [];

  beforeAll(async () => {
    blog = makeSearchBlog();
    subPathBlog = makeSearchBlog("/blog");
    partsBlog = makeSearchBlog();
    const results = await Promise.all([
      build(blog.project.dir),
      build(subPathBlog.project.dir),
      build(partsBlog.project.dir, { BLOG_SEARCH_PART_PAGES: "2" }),
    ]);
    for (const result of results) expect(result.stderr).toBe("");
    // A host whose /blog/ is the sub-path site, as `baseurl: /blog` expects.
    const host = mkdtempSync(path.join(tmpdir(), "blog-host-"));
    symlinkSync(subPathBlog.project.site, path.join(host, "blog"));
    [root, subPath, parts] = await Promise.all([
      serveDir(blog.project.site, { headers: { "content-security-policy": CSP } }),
      serveDir(host, { headers: { "content-security-policy": CSP } }),
      serveDir(partsBlog.project.site, { headers: { "content-security-policy": CSP } }),
    ]);
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await root?.close();
    await subPath?.close();
    await parts?.close();
  });

  /** A fresh page that records CSP refusals, script errors and failed loads (other than the absent favicon). */
  async function open(url: string, options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() !== "error" || message.location().url.endsWith("/favicon.ico")) return;
      problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("dialog", (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(url);
    return page;
  }

  const input = (page: Page) => page.locator("pagefind-input input");
  const results = (page: Page) => page.locator(".search-result");
  const titles = (page: Page) => page.locator(".search-result-title").allInnerTexts();
  const summary = (page: Page) => page.locator("pagefind-summary");
  /** Ticks the linux category and waits for exactly the linux posts; their titles. */
  async function filterToLinux(page: Page): Promise<string[]> {
    await page
      .getByRole("group", { name: "Category" })
      .getByRole("checkbox", { name: /^linux\b/ })
      .check();
    const linux = blog.published.filter((p) => p.category === "linux").map((p) => p.title);
    await poll(async () => (await titles(page)).sort()).toEqual(linux.sort());
    return linux;
  }

  it("finds the article first for “volumes”, with a section result leading to #persistence", async () => {
    const page = await open(`${root.url}/search/`);
    await input(page).pressSequentially("volumes");
    await poll(() => titles(page)).toContain(ARTICLE);
    expect((await titles(page))[0]).toBe(ARTICLE);

    const first = results(page).first();
    await poll(() => first.locator(".search-result-meta").innerText()).toBe("Feb 21, 2020 · in docker");
    expect(await first.locator(".search-result-excerpt mark").first().innerText()).toMatch(/^volumes?\b/i);
    const section = first.locator(".search-result-section-link", { hasText: "Persistence" });
    expect(await section.getAttribute("href")).toBe(`${blog.published[0].url}#persistence`);
    // The query is in the address, so the search can be shared.
    expect(new URL(page.url()).searchParams.get("q")).toBe("volumes");

    await section.click();
    await page.waitForURL(/#persistence$/);
    expect(await page.locator("#persistence").innerText()).toContain("Persistence");
    await page.goBack();
    await page.waitForURL(/\/search\/\?q=volumes$/);
    await poll(() => titles(page)).toContain(ARTICLE);
    expect(await input(page).inputValue()).toBe("volumes");
    expect(problems).toEqual([]);
  });

  it("searches in Pagefind's Web Worker, which the CSP's worker-src 'self' allows without blob:", async () => {
    const page = await open(`${root.url}/search/`);
    const worker = page.waitForEvent("worker");
    await input(page).pressSequentially("volumes");
    // Pagefind falls back to the main thread, with a warning, when the worker is refused.
    const warnings: string[] = [];
    page.on("console", (message) => void (message.type() === "warning" && warnings.push(message.text())));
    expect(new URL((await worker).url()).pathname).toBe("/pagefind/pagefind-worker.js");
    await poll(() => titles(page)).toContain(ARTICLE);
    expect(warnings.filter((text) => /worker/i.test(text))).toEqual([]);
    expect(CSP).toMatch(/worker-src 'self';/);
    expect(problems).toEqual([]);
  });

  it("narrows the results to one category with the filter, and keeps it in the URL", async () => {
    const page = await open(`${root.url}/search/?q=containers`);
    await poll(async () => (await titles(page)).length).toBe(blog.published.length);
    const linux = await filterToLinux(page);
    for (const meta of await page.locator(".search-result-meta").allInnerTexts()) expect(meta).toMatch(/· in linux$/);
    expect(new URL(page.url()).searchParams.getAll("category")).toEqual(["linux"]);

    const shared = await open(page.url());
    await poll(async () => (await titles(shared)).sort()).toEqual(linux.sort());
    expect(problems).toEqual([]);
  });

  it("finds the same posts, filters included, in an index written in parts", async () => {
    expect(existsSync(path.join(partsBlog.project.site, "pagefind/part-2/pagefind-entry.json"))).toBe(true);
    const page = await open(`${parts.url}/search/?q=containers`);
    const all = blog.published.map((p) => p.title).sort();
    await poll(async () => (await titles(page)).sort()).toEqual(all);
    await filterToLinux(page);

    const volumes = await open(`${parts.url}/search/?q=volumes`);
    await poll(async () => (await titles(volumes))[0]).toBe(ARTICLE);
    expect(problems).toEqual([]);
  });

  it("says clearly when nothing matches", async () => {
    const page = await open(`${root.url}/search/`);
    await input(page).pressSequentially("qwxzvplk");
    await poll(() => summary(page).innerText()).toContain("No posts match “qwxzvplk”");
    expect(await results(page).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it("runs the search in ?q= on load", async () => {
    const page = await open(`${root.url}/search/?q=volumes`);
    await poll(async () => (await titles(page))[0]).toBe(ARTICLE);
    expect(await input(page).inputValue()).toBe("volumes");
    expect(await summary(page).innerText()).toMatch(/\bvolumes\b/);
    expect(problems).toEqual([]);
  });

  it("shows a query holding HTML or script as text", async () => {
    const hostile = `<img src=x id=injected onerror="alert(1)"><script>alert(2)</script>`;
    const page = await open(`${root.url}/search/?q=${encodeURIComponent(hostile)}`);
    await poll(() => summary(page).innerText()).toContain(hostile);
    expect(await input(page).inputValue()).toBe(hostile);
    expect(await page.locator("#injected").count()).toBe(0);
    expect(await page.locator("pagefind-summary script, .search-results img").count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it("is usable by keyboard: ↓ from the box moves to the first result", async () => {
    const page = await open(`${root.url}/search/?q=volumes`);
    await poll(async () => (await titles(page))[0]).toBe(ARTICLE);
    await input(page).focus();
    await page.keyboard.press("ArrowDown");
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      href: document.activeElement?.getAttribute("href"),
    }));
    expect(focused).toEqual({ text: ARTICLE, href: blog.published[0].url });
    expect(problems).toEqual([]);
  });

  it("has no axe-core violations with results shown, in light and dark", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const page = await open(`${root.url}/search/?q=volumes`, { colorScheme });
      await poll(async () => (await titles(page))[0]).toBe(ARTICLE);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(
        violations.map((v) => `${colorScheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      ).toEqual([]);
    }
    expect(problems).toEqual([]);
  });

  it("sorts by date through Pagefind's API (the date sort key is the publication time)", async () => {
    const page = await open(`${root.url}/search/`);
    // A string, so the test runner does not rewrite the browser's import().
    const urls = await page.evaluate(`(async () => {
      const pagefind = await import("/pagefind/pagefind.js");
      const search = await pagefind.search("containers", { sort: { date: "desc" } });
      return Promise.all(search.results.map(async (result) => (await result.data()).url));
    })()`);
    // Publication order, newest first: the fixture's dates are 2021-05, 2021-04, 2021-03, then the 2020 article.
    expect(urls).toEqual([...blog.published].reverse().map((p) => p.url));
    expect(problems).toEqual([]);
  });

  it("without JavaScript, the header box is a form that lands on /search/?q=", async () => {
    const page = await open(`${root.url}/`, { javaScriptEnabled: false });
    await page.getByRole("searchbox", { name: "Search posts" }).fill("volumes");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\/\?q=volumes$/);
    expect(await page.locator(".search-noscript").innerText()).toContain("Searching needs JavaScript");
    expect(problems).toEqual([]);
  });

  it("works under a baseurl sub-path, from the header box to the article", async () => {
    const page = await open(`${subPath.url}/blog/`);
    await page.getByRole("searchbox", { name: "Search posts" }).fill("volumes");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/blog\/search\/\?q=volumes$/);
    await poll(async () => (await titles(page))[0]).toBe(ARTICLE);
    const article = subPathBlog.published[0].url;
    expect(article.startsWith("/blog/")).toBe(true);
    expect(await results(page).first().locator(".search-result-link").getAttribute("href")).toBe(article);
    expect(await page.locator(".search-result-section-link", { hasText: "Persistence" }).getAttribute("href")).toBe(
      `${article}#persistence`,
    );
    await results(page).first().locator(".search-result-link").click();
    await page.waitForURL((url) => url.pathname === article);
    expect(await page.locator("h1").first().innerText()).toBe(ARTICLE);
    expect(problems).toEqual([]);
  });
});
