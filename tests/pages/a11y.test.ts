// The theme in real headless Chromium: axe-core finds no accessibility violation on the home page, an
// article and a category page, in light and in dark; the pages read with JavaScript off; screenshots at
// phone and desktop widths are kept for a person to look at (SCREENSHOT_DIR, else a temp folder).
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { REPO, build, makeProject, post } from "../helpers/project.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { serveDir, type Served } from "../helpers/serve.ts";

const ARTICLE = "2020-02-21-docker-versus-virtual-machines.md";
const ARTICLE_URL = "/docker/2020/02/21/docker-versus-virtual-machines.html";
const CONFIG = `${readFileSync(path.join(REPO, "_config.yml"), "utf8")}\npaginate: 2\n`;

// Besides the seed article, posts with what a theme must style: code, a table, a quote, lists, tags.
const RICH_BODY = `The first paragraph, with \`inline code\` and a [link](https://example.org/).

> A quotation that runs long enough to wrap onto a second line on a phone held upright.

1. First step
2. Second step

| Tool | Kind |
| --- | --- |
| Docker | containers |
| VirtualBox | virtual machines |
| registry.example.org/team/very-long-image-name-without-any-break:1.2.3-with-a-long-tag | an image name longer than a phone is wide |

\`\`\`sh
docker run --rm -it -v "$PWD:/work" debian:12 bash -c 'echo hello from a container with a long command line'
\`\`\`
`;

const FILES: Record<string, string> = {
  "_config.yml": CONFIG,
  [`posts/${ARTICLE}`]: readFileSync(path.join(REPO, "posts", ARTICLE), "utf8"),
  "posts/2020-03-01-compose-files.md": post(
    'title: "Compose Files, Explained"\ncategories: docker\ntags: [compose, howto]',
    RICH_BODY,
  ),
  "posts/2020-04-12-kernel-namespaces.md": post(
    'title: "Kernel Namespaces"\ncategories: [linux, docker]\ntags: howto',
    RICH_BODY,
  ),
  // The seed's About page, linked from the header.
  "pages/about.md": readFileSync(path.join(REPO, "pages/about.md"), "utf8"),
};

// The three pages the issue names, a post with code, a table and a quote (syntax colours, contrast), and the About page.
const PAGES = {
  home: "/",
  article: ARTICLE_URL,
  category: "/category/docker/",
  code: "/docker/2020/03/01/compose-files.html",
  about: "/about/",
} as const;
const SCHEMES = ["light", "dark"] as const;
const WIDTHS = [375, 1280] as const;

describe("theme accessibility and reading", () => {
  let served: Served;
  let browser: Browser;
  const shots = process.env.SCREENSHOT_DIR ?? mkdtempSync(path.join(tmpdir(), "blog-screenshots-"));

  beforeAll(async () => {
    const project = makeProject(FILES);
    const result = await build(project.dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    served = await serveDir(project.site);
    browser = await launchBrowser();
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  for (const scheme of SCHEMES) {
    for (const [name, url] of Object.entries(PAGES)) {
      it(`${name} page has no axe violations in the ${scheme} scheme`, async () => {
        // AxeBuilder needs a page from an explicit context.
        const context = await browser.newContext({ colorScheme: scheme });
        const page = await context.newPage();
        const response = await page.goto(served.url + url);
        expect(response?.status()).toBe(200);
        // The scheme reached the CSS (the body's background differs between light and dark).
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
        expect(scheme === "dark" ? r + g + b < 3 * 128 : r + g + b > 3 * 128).toBe(true);
        const results = await new AxeBuilder({ page }).analyze();
        const violations = results.violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
        );
        expect(violations).toEqual([]);
        expect(results.passes.length).toBeGreaterThan(10);
        await context.close();
      });
    }
  }

  it("pages read with JavaScript off: the article's title, date, categories and body are in the HTML", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(served.url + ARTICLE_URL);
    await expect(page.locator("article.h-entry h1.p-name").textContent()).resolves.toBe(
      "Docker Versus Virtual Machines",
    );
    expect(await page.locator("article.h-entry time.dt-published").getAttribute("datetime")).toBe(
      "2020-02-21T07:10:00-05:00",
    );
    expect(await page.locator("article.h-entry a.p-category").allTextContents()).toEqual(["docker"]);
    const body = (await page.locator("article.h-entry .e-content").textContent()) ?? "";
    expect(body).toContain("Docker is not a virtual machine");
    expect(await page.locator("article.h-entry .e-content").isVisible()).toBe(true);
    // Styles apply without scripts, and no script is needed to show the text.
    expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
    await page.goto(served.url + "/");
    expect(await page.locator(".post-list a.p-name").allTextContents()).toEqual([
      "Kernel Namespaces",
      "Compose Files, Explained",
    ]);
    await context.close();
  });

  it("the article needs no external script, font or stylesheet: everything comes from the site", async () => {
    const page = await browser.newPage();
    const origins = new Set<string>();
    page.on("request", (request) => origins.add(new URL(request.url()).origin));
    await page.goto(served.url + ARTICLE_URL, { waitUntil: "networkidle" });
    expect([...origins]).toEqual([served.url]);
    expect(await page.locator("script[src]").count()).toBe(0);
    const fonts = await page.evaluate(() => document.fonts.size);
    expect(fonts).toBe(0);
    await page.close();
  });

  it("fits a phone: no sideways scrolling at 375 px, and screenshots at 375 and 1280 px", async () => {
    for (const scheme of SCHEMES) {
      for (const width of WIDTHS) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.emulateMedia({ colorScheme: scheme });
        for (const [name, url] of Object.entries(PAGES)) {
          await page.goto(served.url + url);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
          await page.screenshot({
            path: path.join(shots, `${name}-${width}-${scheme}.png`),
            fullPage: width === 375 && name !== "article",
          });
        }
        await page.close();
      }
    }
    console.log(`screenshots in ${shots}`);
  });

  it("prints without the site's navigation, in black on white", async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ media: "print", colorScheme: "dark" });
    await page.goto(served.url + ARTICLE_URL);
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.locator(".site-footer").isVisible()).toBe(false);
    expect(await page.locator("article.h-entry .e-content").isVisible()).toBe(true);
    const colors = await page.evaluate(() => ({
      text: getComputedStyle(document.body).color,
      background: getComputedStyle(document.body).backgroundColor,
    }));
    expect(colors).toEqual({ text: "rgb(0, 0, 0)", background: "rgb(255, 255, 255)" });
    await page.close();
  });
});
