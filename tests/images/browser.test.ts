// The article's diagrams in real headless Chromium, on a phone and on a desktop: the AVIF of the right width
// loads, the diagram spans the column so its smallest label stays legible, and a click opens the original.
// Set IMAGES_SCREENSHOTS=/some/folder to keep the screenshots for a look by eye.
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { REPO, build, makeProject, type Project } from "../helpers/project.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { serveDir, type Served } from "../helpers/serve.ts";

const ARTICLE = "2020-02-21-docker-versus-virtual-machines.md";
const PAGE = "/docker/2020/02/21/docker-versus-virtual-machines.html";
const CSP = "default-src 'self'; style-src 'self'; img-src 'self' data:";
const SCREENSHOTS = process.env.IMAGES_SCREENSHOTS;

/** The smallest text in the diagrams, as a share of the drawing's width (read from the SVG sources). */
function smallestTextShare(): number {
  const dir = path.join(REPO, "assets/diagrams");
  return Math.min(
    ...readdirSync(dir).map((name) => {
      const svg = readFileSync(path.join(dir, name), "utf8");
      const width = Number(/viewBox="0 0 (\d+(?:\.\d+)?)/.exec(svg)?.[1]);
      return Math.min(...[...svg.matchAll(/font-size="(\d+(?:\.\d+)?)"/g)].map((m) => Number(m[1]))) / width;
    }),
  );
}

interface Shown {
  currentSrc: string;
  naturalWidth: number;
  width: number;
  column: number;
}

describe("the article's diagrams in Chromium", () => {
  let project: Project;
  let server: Served;
  let browser: Browser;

  beforeAll(async () => {
    project = makeProject({
      "_config.yml": readFileSync(path.join(REPO, "_config.yml"), "utf8"),
      [`posts/${ARTICLE}`]: readFileSync(path.join(REPO, "posts", ARTICLE), "utf8"),
    });
    const result = await build(project.dir);
    expect(result.code).toBe(0);
    [server, browser] = await Promise.all([
      serveDir(project.site, { headers: { "content-security-policy": CSP } }),
      launchBrowser(),
    ]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function look(width: number, deviceScaleFactor: number): Promise<Shown[]> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on(
      "response",
      (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`),
    );
    await page.goto(server.url + PAGE);
    const shown: Shown[] = [];
    for (const [index, img] of (await page.locator(".post-content picture img").all()).entries()) {
      await img.scrollIntoViewIfNeeded();
      await img.evaluate((element: HTMLImageElement) =>
        element.complete && element.naturalWidth
          ? undefined
          : new Promise((resolve) => element.addEventListener("load", resolve, { once: true })),
      );
      if (SCREENSHOTS) {
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page
          .locator(".image-figure")
          .nth(index)
          .screenshot({ path: path.join(SCREENSHOTS, `diagram-${index + 1}-${width}px-${deviceScaleFactor}x.png`) });
      }
      shown.push(
        await img.evaluate((element: HTMLImageElement) => ({
          currentSrc: element.currentSrc,
          naturalWidth: element.naturalWidth,
          width: element.getBoundingClientRect().width,
          column: (element.closest(".post-content") as HTMLElement).clientWidth,
        })),
      );
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, `page-${width}px.png`), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
    return shown;
  }

  it.each([
    [375, 2, 672],
    [375, 3, 1344],
    [1280, 1, 672],
    [1280, 2, 1344],
  ])(
    "at %i px and %ix, loads the %i px AVIF, spanning the column with labels of 10 px or more",
    async (width, scale, file) => {
      const shown = await look(width, scale);
      expect(shown).toHaveLength(2);
      for (const image of shown) {
        expect(image.currentSrc).toMatch(new RegExp(`-${file}\\.avif$`));
        expect(image.naturalWidth).toBeGreaterThan(0);
        expect(Math.abs(image.width - image.column)).toBeLessThanOrEqual(1);
        expect(image.width * smallestTextShare()).toBeGreaterThanOrEqual(10);
      }
    },
    120_000,
  );

  it("opens the full-size original when a diagram is clicked", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(server.url + PAGE);
    const [response] = await Promise.all([
      page.waitForEvent("response", (r) => r.url().endsWith("/assets/images/docker-vm-diagram.png")),
      page.locator(".post-content picture img").first().click(),
    ]);
    expect(response.status()).toBe(200);
    expect(page.url()).toBe(`${server.url}/assets/images/docker-vm-diagram.png`);
    await page.close();
  }, 120_000);
});
