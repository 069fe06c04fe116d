// Hostile input (issue 14): nothing is written or served outside the site, no small input stalls a build, and
// the feed and sitemap always parse. Each build here is the real `npm run build` over a throwaway project.
import { spawn, spawnSync } from "node:child_process";
import { request } from "node:http";
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XMLValidator } from "fast-xml-parser";
import { launchBrowser } from "../helpers/browser.ts";
import { freePort, rawRequest } from "../helpers/nginx.ts";
import { climbsOut } from "../../src/dev/server-safety.ts";
import { build, makeProject, post, type BuildResult, type Project } from "../helpers/project.ts";
import { isInsideFolder } from "../../src/site/output-folder.ts";

const CONFIG = 'title: "Hostile"\nurl: "https://example.org"\ntimezone: UTC\n';
const NO_SEARCH = { BLOG_SEARCH: "0" };
// Names no other run uses, so a file found outside the project can only be this run's.
const MARK = `hostile14-${process.pid}-${Date.now()}`;
const ESCAPES = "/%2e%2e".repeat(8);

/**
 * Each XML text's first well-formedness error from Chromium's XML parser (libxml2), or "" when it parses:
 * fast-xml-parser's validator checks structure but lets characters XML 1.0 forbids through.
 */
async function xmlErrors(texts: string[]): Promise<string[]> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    return await page.evaluate(
      (xmls) =>
        xmls.map(
          (xml) =>
            new DOMParser().parseFromString(xml, "application/xml").querySelector("parsererror")?.textContent ?? "",
        ),
      texts,
    );
  } finally {
    await browser.close();
  }
}

/** The site's feed and sitemap, each checked by two XML parsers. */
async function expectFeedAndSitemapParse(site: string): Promise<void> {
  const texts = ["feed.xml", "sitemap.xml"].map((file) => readFileSync(path.join(site, file), "utf8"));
  texts.forEach((xml, at) => expect(XMLValidator.validate(xml), at ? "sitemap.xml" : "feed.xml").toBe(true));
  expect(await xmlErrors(texts)).toEqual(["", ""]);
}

describe("a permalink with encoded dots", () => {
  let project: Project;
  let result: BuildResult;

  beforeAll(async () => {
    project = makeProject(
      {
        "_config.yml": CONFIG,
        "posts/2021-01-01-dots.md": post(`title: dots\npermalink: ${ESCAPES}/tmp/${MARK}.html`),
        "posts/2021-01-02-slashes.md": post(`title: slashes\npermalink: /${"%2e%2e%2f".repeat(8)}tmp/${MARK}-b/`),
      },
      { assets: false },
    );
    result = await build(project.dir, NO_SEARCH);
  });
  afterAll(() => {
    for (const name of [`${MARK}.html`, `${MARK}-b`]) rmSync(path.join("/tmp", name), { recursive: true, force: true });
  });

  it("writes inside the site where Jekyll 4.3 writes it, and nothing outside", () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(existsSync(`/tmp/${MARK}.html`)).toBe(false);
    expect(existsSync(`/tmp/${MARK}-b`)).toBe(false);
    // Jekyll's Site#in_dest_dir expands the decoded path from `/`: `..` stops at the site's top.
    expect(existsSync(path.join(project.site, `tmp/${MARK}.html`))).toBe(true);
    expect(existsSync(path.join(project.site, `tmp/${MARK}-b/index.html`))).toBe(true);
  });
});

describe("the output folder guard", () => {
  it("tells paths inside the folder from paths that leave it", () => {
    expect(isInsideFolder("/srv/site", "/srv/site/a/b.html")).toBe(true);
    expect(isInsideFolder("/srv/site", "/srv/site/../site-other/x.html")).toBe(false);
    expect(isInsideFolder("/srv/site", "/srv/site/a/../../../tmp/x.html")).toBe(false);
    expect(isInsideFolder("/srv/site", "/srv/site")).toBe(false);
    expect(isInsideFolder("/srv/site", "/srv/site/..x/y.html")).toBe(true);
  });
});

describe("symbolic links", () => {
  const passwd = readFileSync("/etc/passwd", "utf8");
  const GOOD = { "_config.yml": CONFIG, "posts/2021-01-01-first.md": post("title: first") };

  it("copies a link that stays inside the project as the file it points to", async () => {
    const project = makeProject({ ...GOOD, "assets/notes/real.txt": "real text\n" }, { assets: false });
    symlinkSync("notes/real.txt", path.join(project.dir, "assets/inside.txt"));
    symlinkSync("notes", path.join(project.dir, "assets/notes-again"));
    const result = await build(project.dir, NO_SEARCH);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    for (const file of ["assets/inside.txt", "assets/notes-again/real.txt"]) {
      const copied = path.join(project.site, file);
      expect(lstatSync(copied).isFile(), file).toBe(true);
      expect(readFileSync(copied, "utf8")).toBe("real text\n");
    }
  });

  for (const [what, file, target] of [
    ["a file in assets/", "assets/leak.txt", "/etc/passwd"],
    ["a folder in assets/", "assets/etcdir", "/etc"],
    ["a post", "posts/2021-01-02-x.md", "/etc/passwd"],
    ["a page", "pages/leak.txt", "/etc/passwd"],
    ["a data file", "_data/leak.yml", "/etc/passwd"],
  ]) {
    it(`refuses ${what} linked from outside the project, by name, and publishes nothing`, async () => {
      const project = makeProject(
        {
          ...GOOD,
          "assets/site.css": "body {}\n",
          "pages/about.md": "---\ntitle: About\n---\nHi\n",
          "_data/a.yml": "a: 1\n",
        },
        { assets: false },
      );
      symlinkSync(target, path.join(project.dir, file));
      const result = await build(project.dir, NO_SEARCH);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${file}: is a symbolic link that leads out of the project`);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(project.site)).toBe(false);
      expect(result.stdout + result.stderr).not.toContain(passwd.split("\n")[0]);
    });
  }
});

describe("control characters in titles and bodies", () => {
  let project: Project;
  let result: BuildResult;
  // Every C0 control but tab and line breaks, DEL and C1 controls, the non-characters XML forbids.
  const controls = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code))
    .filter((c) => !"\t\n\r".includes(c))
    .join("");
  const yamlEscapes = '"ESC\\e BEL\\a FF\\f VT\\v NUL\\0 DEL\\x7f C1\\x85 end\\uFFFE\\uFFFF"';
  // A NUL in a category would be a NUL in a file name: that is refused (see the corpus below).
  const inUrls = yamlEscapes.replace(" NUL\\0", "");

  beforeAll(async () => {
    project = makeProject(
      {
        "_config.yml": `${CONFIG}description: ${yamlEscapes}\n`,
        "posts/2021-01-01-controls.md": post(
          `title: ${yamlEscapes}\ncategories: [${inUrls}]\ntags: [${inUrls}]\ndescription: ${yamlEscapes}`,
          `Body ${controls} text.\n\n<p>Raw ${controls} HTML</p>\n`,
        ),
        "posts/2021-01-02-excerpt.md": post("title: plain", `An excerpt with ${controls} in it.\n`),
      },
      { assets: false },
    );
    result = await build(project.dir, NO_SEARCH);
  });

  it("builds a feed and a sitemap that a real XML parser accepts", async () => {
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    await expectFeedAndSitemapParse(project.site);
    const feed = readFileSync(path.join(project.site, "feed.xml"), "utf8");
    expect(feed).toContain("ESC BEL FF VT NUL");
    // markdown-it turns NUL into U+FFFD; the other controls are dropped.
    expect(feed).toMatch(/Raw \ufffd HTML/);
  });
});

describe("npm start", () => {
  /** `npm start` in a project until `check` has run; the server's own process group is stopped after. */
  async function withDevServer(env: Record<string, string>, check: (port: number) => Promise<void>): Promise<void> {
    const project = makeProject({ "_config.yml": CONFIG, "posts/2021-01-01-first.md": post("title: first") });
    const port = await freePort();
    const child = spawn("npm", ["start"], {
      cwd: project.dir,
      env: { ...process.env, ...env, PORT: String(port) },
      detached: true,
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      for (let tries = 0; ; tries++) {
        const status = await rawRequest(port, "/").then(
          (res) => res.status,
          () => 0,
        );
        if (status === 200) break;
        if (tries > 300) throw new Error("npm start never served the site");
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await check(port);
    } finally {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await exited;
    }
  }

  /** Whether something answers on another loopback address than 127.0.0.1 (so: on every interface). */
  const answersOn127002 = (port: number) =>
    new Promise<boolean>((resolve) => {
      const req = request({ host: "127.0.0.2", port, path: "/" }, (res) => {
        res.resume();
        resolve(true);
      });
      req.on("error", () => resolve(false));
      req.end();
    });

  it("listens on 127.0.0.1 only, and answers a path that climbs out of the site with 400 at once", async () => {
    await withDevServer({}, async (port) => {
      expect(await answersOn127002(port)).toBe(false);
      for (const url of ["/..%2f..%2fetc/passwd", "/assets/..%2f..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/etc/passwd"]) {
        expect((await rawRequest(port, url)).status, url).toBe(400);
      }
    });
  }, 240_000);

  it("listens on every interface when BLOG_HOST asks for 0.0.0.0, as compose.yaml does", async () => {
    await withDevServer({ BLOG_HOST: "0.0.0.0" }, async (port) => {
      expect(await answersOn127002(port)).toBe(true);
    });
  }, 240_000);

  it("tells climbing paths from ordinary ones", () => {
    expect(climbsOut("/2021/01/01/first.html")).toBe(false);
    expect(climbsOut("/a..b/c%20d.html?x=../y")).toBe(false);
    expect(climbsOut("/..%2fetc")).toBe(true);
    expect(climbsOut("/%E0%A4%A")).toBe(true);
  });
});

describe("a build stopped half way", () => {
  it("leaves a staging folder that the next build removes, but not one of a build still running", async () => {
    const project = makeProject(
      { "_config.yml": CONFIG, "posts/2021-01-01-first.md": post("title: first") },
      { assets: false },
    );
    // A process that has finished: its id names a folder nobody is writing.
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    const left = path.join(project.dir, `.build-_site-${gone}`);
    const alive = path.join(project.dir, `.build-_site-${process.pid}`);
    for (const folder of [left, `${left}-previous`, alive]) mkdirSync(path.join(folder, "2021"), { recursive: true });
    const result = await build(project.dir, NO_SEARCH);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(left)).toBe(false);
    expect(existsSync(`${left}-previous`)).toBe(false);
    expect(existsSync(alive)).toBe(true);
  });
});

describe("a generated hostile corpus", () => {
  // Deterministic: the same corpus on every run, so a failure can be replayed.
  let seed = 14;
  const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const bytes = (length: number) => String.fromCharCode(...Array.from({ length }, () => next(256)));
  const CLASSES = [
    "<b>&amp;\"'",
    "\u0000\u0007\u001b\f\v",
    "é中😀\u200b\u202e",
    "\ud800",
    "{{ x }}{% raw %}",
    "%2e%2e/%00",
    "\\/:*?|",
  ];
  const title = () => JSON.stringify(Array.from({ length: 3 }, () => CLASSES[next(CLASSES.length)]).join(" "));
  const bodies = [
    () => bytes(2000),
    () => ">".repeat(3000) + " deep\n",
    () => "- ".repeat(2000) + "list\n",
    () => "[".repeat(5000) + "x" + "]".repeat(5000) + "\n",
    () => "*_".repeat(5000) + "\n",
    () => "x".repeat(300_000) + "\n",
    () => "<div>\n\n".repeat(3000),
    () => "<!--".repeat(20_000),
    () => "![](/assets/tiny.png) ![](/assets/wide.png)\n",
    () => "`".repeat(3000) + "\n",
    () => "| a |\n|---|\n" + "| x |\n".repeat(3000),
  ];

  it("builds, or stops with an error naming a file, never a stack trace or a file outside _site/", async () => {
    const files: Record<string, string> = { "_config.yml": CONFIG };
    for (let n = 0; n < 40; n++) {
      const day = String((n % 28) + 1).padStart(2, "0");
      const front =
        n % 4 === 0
          ? bytes(200)
          : `title: ${title()}\ncategories: [${title()}]\ntags: ${title()}\npermalink: ${n % 5 === 0 ? `${ESCAPES}/tmp/${MARK}-${n}.html` : `/p/${n}/`}`;
      files[`posts/2021-01-${day}-p${n}.md`] = `---\n${front}\n---\n\n${bodies[n % bodies.length]()}`;
    }
    const project = makeProject(files, { assets: false });
    const sharp = (await import("sharp")).default;
    const png = (width: number, height: number) =>
      sharp({ create: { width, height, channels: 3, background: "#c00" } })
        .png()
        .toFile(path.join(project.dir, "assets", `${width === 1 ? "tiny" : "wide"}.png`));
    mkdirSync(path.join(project.dir, "assets"), { recursive: true });
    await png(1, 1);
    await png(8000, 2);

    const refused: string[] = [];
    for (let attempt = 0; attempt < 40; attempt++) {
      const result = await build(project.dir, NO_SEARCH);
      expect(result.stderr + result.stdout).not.toMatch(/^\s+at .*\(?[/\w.-]+:\d+:\d+\)?$/m);
      expect(readdirSync("/tmp").filter((name) => name.startsWith(MARK))).toEqual([]);
      if (result.code === 0) break;
      // Each failure names the post at fault; it is taken out and the rest built again.
      const named = /(posts\/[^\s:]+\.md)(?::\d+)?: /.exec(result.stderr)?.[1];
      expect(named, result.stderr).toBeDefined();
      refused.push(named ?? "");
      rmSync(path.join(project.dir, named ?? ""));
    }
    expect(existsSync(project.site)).toBe(true);
    expect(refused.length).toBeLessThan(40);
    await expectFeedAndSitemapParse(project.site);
  }, 600_000);
});
