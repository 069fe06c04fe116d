// Mistakes while writing, as an author meets them in `npm start` and in compose.yaml's dev service (its
// command and environment, run here without Docker): the server starts with a broken post and serves the
// rest, every page (and each live reload, in real Chromium) shows the error over the page with the file and
// line, fixing the file removes it and shows the post without a restart, and a `_config.yml` change shows.
import { execFile } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { REPO, build, makeProject, post } from "../helpers/project.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { navigate, pollUntil, startDevServer, type DevServerOptions } from "../helpers/dev-server.ts";

const CONFIG = readFileSync(path.join(REPO, "_config.yml"), "utf8");
const GOOD = "posts/2024-01-02-hello.md";
const GOOD_URL = "/test/2024/01/02/hello.html";
const GOOD_FRONT = 'title: "Hello Post"\ndate: "2024-01-02 10:00:00 -0500"\ncategories: test';
const BROKEN = "posts/2024-01-03-second.md";
const BROKEN_URL = "/test/2024/01/03/second.html";
// The title's closing quote is missing: js-yaml notices at the end, the error names the line the quote opened.
const BROKEN_TEXT = post('date: "2024-01-03 10:00:00 -0500"\ntitle: "Second Post\ncategories: test', "Second body.\n");
const FIXED_TEXT = post('date: "2024-01-03 10:00:00 -0500"\ntitle: "Second Post"\ncategories: test', "Second body.\n");
const OVERLAY = "#blog-build-error";

interface ComposeService {
  command: string[];
  environment: Record<string, string>;
  ports: string[];
}

/** compose.yaml's dev service: its command, and its environment as Compose fills `${VAR:-default}` with no .env. */
function composeDev(): { command: string[]; env: Record<string, string> } {
  const compose = yaml.load(readFileSync(path.join(REPO, "compose.yaml"), "utf8")) as {
    services: { dev: ComposeService };
  };
  const dev = compose.services.dev;
  const env = Object.fromEntries(
    Object.entries(dev.environment).map(([name, value]) => [
      name,
      String(value).replace(/\$\{(\w+):-([^}]*)\}/g, (_, variable: string, fallback: string) => fallback),
    ]),
  );
  // The container listens on PORT, which the service maps to the host; here any free port stands in for it.
  expect(dev.ports.some((mapping) => mapping.endsWith(`:${env.PORT}`))).toBe(true);
  return { command: dev.command, env };
}

const RUNS: [string, () => DevServerOptions][] = [
  ["npm start on the host", () => ({})],
  ["compose.yaml's dev service", () => composeDev()],
];

/** The overlay's text in a page, or undefined when the page has none. */
async function overlayText(page: Page): Promise<string | undefined> {
  const overlay = page.locator(OVERLAY);
  return (await overlay.count()) ? ((await overlay.textContent()) ?? "") : undefined;
}

describe("mistakes in npm start", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, options] of RUNS) {
    it(`${name}: starts with a broken post, shows the error on every page, recovers and reloads _config.yml`, async () => {
      const project = makeProject({
        "_config.yml": CONFIG,
        [GOOD]: post(GOOD_FRONT, "Hello body.\n"),
        [BROKEN]: BROKEN_TEXT,
      });
      const server = await startDevServer(project, options());
      expect(server.output()).toContain(`${BROKEN}:3: front matter is not valid YAML`);

      // The rest of the site is served, and every page, the missing post's 404 included, carries the error.
      const home = await navigate(server, "/");
      expect(home.text).toContain("Hello Post");
      for (const url of ["/", GOOD_URL, BROKEN_URL]) {
        const sent = await navigate(server, url);
        expect(sent.status, url).toBe(url === BROKEN_URL ? 404 : 200);
        expect(sent.text, url).toContain(`id="blog-build-error"`);
        expect(sent.text, url).toContain(`${BROKEN}:3: front matter is not valid YAML`);
      }

      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${server.port}${GOOD_URL}`);
      const shown = await overlayText(page);
      expect(shown).toContain(`${BROKEN}:3:`);
      // The same text as the terminal printed (the quote in "line's" arrives escaped and reads as written).
      const message = /posts\/2024-01-03-second\.md:3:[^\n]*\n {2}Fix: [^\n]*/.exec(server.output())?.[0];
      expect(message).toBeTruthy();
      expect(shown).toContain(message);
      await expect(page.locator(OVERLAY).isVisible()).resolves.toBe(true);
      const violations = (await new AxeBuilder({ page }).analyze()).violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
      );
      expect(violations).toEqual([]);
      // The keyboard starts on its button, which hides it; the dialog is named by its heading.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Hide");
      await expect(page.getByRole("dialog", { name: /error/ }).count()).resolves.toBe(1);
      await page.keyboard.press("Enter");
      await expect(page.locator(OVERLAY).isVisible()).resolves.toBe(false);
      await page.reload();

      // Fixed: the open page loses the overlay by live reload, the post is served, no restart.
      project.write(BROKEN, FIXED_TEXT);
      await page.waitForSelector(OVERLAY, { state: "detached", timeout: 30_000 });
      await pollUntil("the fixed post is served", async () => (await navigate(server, BROKEN_URL)).status === 200);
      expect((await navigate(server, BROKEN_URL)).text).toContain("Second body.");
      expect((await navigate(server, "/")).text).toContain("Second Post");
      expect((await navigate(server, "/")).text).not.toContain("blog-build-error");

      // A later mistake shows on the open page by live reload, without navigating.
      project.write(GOOD, post(GOOD_FRONT.replace('"Hello Post"', '"Hello Post'), "Hello body.\n"));
      await page.waitForSelector(OVERLAY, { timeout: 30_000 });
      expect(await overlayText(page)).toMatch(/posts\/2024-01-02-hello\.md:\d+: front matter/);
      project.write(GOOD, post(GOOD_FRONT, "Hello body.\n"));
      await page.waitForSelector(OVERLAY, { state: "detached", timeout: 30_000 });

      // _config.yml: a new title shows without a restart.
      project.write("_config.yml", CONFIG.replace(/^title: .*$/m, 'title: "Quux Renamed Blog"'));
      await pollUntil("the new title is served", async () =>
        (await navigate(server, "/")).text.includes("<title>Quux Renamed Blog"),
      );
      expect(server.exitCode()).toBeNull();
      await context.close();
    }, 300_000);
  }

  it("starts with posts whose date or Liquid is wrong, serving the rest; keeps serving through _config.yml and Liquid mistakes", async () => {
    const badDate = "posts/2024-01-04-bad-date.md";
    const badLiquid = "posts/2024-01-05-bad-liquid.md";
    const project = makeProject({
      "_config.yml": CONFIG,
      [GOOD]: post(GOOD_FRONT, "Hello body.\n"),
      [badDate]: post('title: "Bad Date"\ndate: "yesterday-ish"\ncategories: test', "Dated body.\n"),
      [badLiquid]: post('title: "Bad Liquid"\ndate: "2024-01-05 10:00:00 -0500"', "Liquid {% if %} body.\n"),
    });
    const server = await startDevServer(project);
    const home = await navigate(server, "/");
    expect(home.text).toContain("Hello Post");
    expect(home.text).toContain(`${badDate}:3: the date &quot;yesterday-ish&quot; is not a date Jekyll reads`);
    expect(home.text).toContain(`${badLiquid}:6: Liquid cannot read this`);
    expect(server.output()).toContain(`${badDate}:3: the date "yesterday-ish"`);

    project.write(
      badDate,
      post('title: "Bad Date"\ndate: "2024-01-04 10:00:00 -0500"\ncategories: test', "Dated body.\n"),
    );
    await pollUntil("the fixed post is served", async () =>
      (await navigate(server, "/test/2024/01/04/bad-date.html")).text.includes("Dated body."),
    );
    await pollUntil("only the Liquid error stands", async () => {
      const { text } = await navigate(server, "/");
      return !text.includes(badDate) && text.includes(`${badLiquid}:6:`);
    });
    project.write(badLiquid, post('title: "Bad Liquid"\ndate: "2024-01-05 10:00:00 -0500"', "Liquid body.\n"));
    await pollUntil("no error stands", async () => !(await navigate(server, "/")).text.includes("blog-build-error"));

    expect(CONFIG).toMatch(/^timezone: /m);
    project.write("_config.yml", CONFIG.replace(/^timezone: .*$/m, "timezone: Mars/Olympus_Mons"));
    await pollUntil("the _config.yml error is shown", async () =>
      (await navigate(server, "/")).text.includes("_config.yml:"),
    );
    expect((await navigate(server, "/")).text).toContain("unknown timezone &quot;Mars/Olympus_Mons&quot;");
    project.write("_config.yml", CONFIG);
    await pollUntil(
      "the _config.yml error is gone",
      async () => !(await navigate(server, "/")).text.includes("_config.yml:"),
    );

    project.write(GOOD, post(GOOD_FRONT, "Hello {% if %} body.\n"));
    await pollUntil("the Liquid error is shown", async () =>
      (await navigate(server, GOOD_URL)).text.includes(`${GOOD}:7: Liquid cannot read this`),
    );
    // The last good page stays.
    expect((await navigate(server, GOOD_URL)).text).toContain("Hello body.");
    project.write(GOOD, post(GOOD_FRONT, "Hello again.\n"));
    // The page is written before the build ends; the error goes once the whole build has succeeded.
    await pollUntil("the fixed post is served without the error", async () => {
      const { text } = await navigate(server, GOOD_URL);
      return text.includes("Hello again.") && !text.includes("blog-build-error");
    });
    expect(server.exitCode()).toBeNull();
  }, 300_000);

  it("stops with a message that names the port when it is in use", async () => {
    const project = makeProject({ "_config.yml": CONFIG, [GOOD]: post(GOOD_FRONT) });
    const first = await startDevServer(project);
    const second = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        "npm",
        ["start"],
        { cwd: project.dir, env: { ...process.env, PORT: String(first.port) } },
        (error, stdout, stderr) => resolve({ code: Number(error?.code ?? 0), output: stdout + stderr }),
      );
    });
    expect(second.code).toBe(1);
    expect(second.output).toContain(`Port ${first.port} is in use`);
    expect(first.exitCode()).toBeNull();
  }, 300_000);

  it("stops with a message that names the engine when the engine does not load", async () => {
    const project = makeProject({ "_config.yml": CONFIG, [GOOD]: post(GOOD_FRONT) });
    // The project's .eleventy.js is a link to the repo's: replaced, not written through.
    rmSync(path.join(project.dir, ".eleventy.js"));
    project.write(".eleventy.js", 'throw new Error("quux engine fault");\n');
    const run = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile("npm", ["start"], { cwd: project.dir, env: { ...process.env, PORT: "0" } }, (error, stdout, stderr) =>
        resolve({ code: Number(error?.code ?? 0), output: stdout + stderr }),
      );
    });
    expect(run.code).toBe(1);
    expect(run.output).toContain("The engine (src/, .eleventy.js) failed to load");
    expect(run.output).toContain("quux engine fault");
  }, 300_000);

  it("leaves npm run build as it was: a broken post fails the build, and good output has no overlay", async () => {
    const broken = makeProject({ "_config.yml": CONFIG, [GOOD]: post(GOOD_FRONT), [BROKEN]: BROKEN_TEXT });
    const failed = await build(broken.dir);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`${BROKEN}:3: front matter is not valid YAML`);
    const good = makeProject({ "_config.yml": CONFIG, [GOOD]: post(GOOD_FRONT), [BROKEN]: FIXED_TEXT });
    expect((await build(good.dir)).code).toBe(0);
    expect(readFileSync(path.join(good.site, "index.html"), "utf8")).not.toContain("blog-build-error");
  }, 300_000);
});
