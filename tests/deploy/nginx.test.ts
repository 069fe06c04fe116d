// The production nginx config (nginx/, as the image copies it) run by real nginx over a real build of the
// seed article, precompressed by the Dockerfile's own step, and asked over HTTP on loopback.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import Image from "@11ty/eleventy-img";
import sharp, { type Sharp } from "sharp";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { imageOptions, URL_FOLDER } from "../../src/images/outputs.ts";
import { REPO, build, makeProject } from "../helpers/project.ts";
import {
  precompress,
  productionCsp,
  rawRequest,
  startNginx,
  type RawResponse,
  type RunningNginx,
} from "../helpers/nginx.ts";

const ARTICLE = "2020-02-21-docker-versus-virtual-machines.md";
const ARTICLE_URL = "/docker/2020/02/21/docker-versus-virtual-machines.html";
/** Planted in the built site: nothing under a dot folder may ever reach a reader. */
const SECRET = "planted-secret-7f3c9a";
const YEAR = "public, max-age=31536000, immutable";

function expectSecurityHeaders(res: RawResponse, what: string): void {
  expect(res.headers["content-security-policy"], what).toBe(productionCsp());
  expect(res.headers["x-content-type-options"], what).toBe("nosniff");
  expect(res.headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(res.headers["permissions-policy"], what).toMatch(/camera=\(\)/);
  expect(res.headers["x-frame-options"], what).toBe("DENY");
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => statSync(path.join(dir, f)).isFile());
}

describe("production nginx config over the built site", () => {
  let site = "";
  let nginx: RunningNginx | undefined;
  const get = (urlPath: string, options: { method?: string; headers?: Record<string, string> } = {}) =>
    rawRequest(nginx?.port ?? 0, urlPath, options);

  beforeAll(async () => {
    const project = makeProject({
      "_config.yml": readFileSync(path.join(REPO, "_config.yml"), "utf8"),
      [`posts/${ARTICLE}`]: readFileSync(path.join(REPO, "posts", ARTICLE), "utf8"),
      // The seed's About page, with an old address that jekyll-redirect-from's page sends on.
      "pages/about.md": readFileSync(path.join(REPO, "pages/about.md"), "utf8").replace(
        /^---\n/,
        "---\nredirect_from: [/about-us/]\n",
      ),
    });
    const result = await build(project.dir);
    expect(result.code, result.stderr).toBe(0);
    site = project.site;
    await precompress(site);
    for (const [file, text] of Object.entries({
      ".git/config": `[core]\n\t${SECRET}\n`,
      ".env": `TOKEN=${SECRET}\n`,
      "assets/.secret": SECRET,
      ".well-known/security.txt": "Contact: mailto:security@example.com\n",
    })) {
      mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
      writeFileSync(path.join(site, file), text);
    }
    nginx = await startNginx(site);
  }, 300_000);

  afterAll(async () => {
    await nginx?.stop();
  });

  it("serves the article at its Jekyll URL with the CSP, nosniff and no-cache", async () => {
    const res = await get(ARTICLE_URL);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.body.toString()).toBe(readFileSync(path.join(site, ARTICLE_URL), "utf8"));
    expectSecurityHeaders(res, ARTICLE_URL);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers.server, "no version in Server").toBe("nginx");
  });

  it("serves the same page at its pretty URL and redirects folders with a relative Location", async () => {
    const pretty = await get(ARTICLE_URL.replace(/\.html$/, ""));
    expect(pretty.status).toBe(200);
    expect(pretty.body.toString()).toBe(readFileSync(path.join(site, ARTICLE_URL), "utf8"));
    const folder = await get("/category/docker");
    expect(folder.status).toBe(301);
    expect(folder.headers.location).toBe("/category/docker/");
    expectSecurityHeaders(folder, "redirect");
    expect((await get("/category/docker/")).status).toBe(200);
  });

  it("serves a redirect_from page: a meta refresh to the page's new address, with the security headers", async () => {
    const res = await get("/about-us/");
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    const html = res.body.toString();
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=https://blog.example.com/about/">');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expectSecurityHeaders(res, "/about-us/");
    expect((await get("/about/")).status).toBe(200);
  });

  it("serves the feed with no-cache", async () => {
    const res = await get("/feed.xml");
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-cache");
    expectSecurityHeaders(res, "/feed.xml");
  });

  it("keeps the pipeline's content-hashed images for a year, and revalidates files whose names do not change", async () => {
    const html = readFileSync(path.join(site, ARTICLE_URL), "utf8");
    const hashed = [...html.matchAll(/(?:src|srcset)="(\/img\/[^" ]+)/g)].map((m) => m[1]);
    expect(hashed.length, "the article's <img> points at the image pipeline's /img/ files").toBeGreaterThan(0);
    for (const url of new Set(hashed)) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe(YEAR);
      expectSecurityHeaders(res, url);
    }
    for (const url of ["/assets/css/main.css", "/assets/images/docker-vm-diagram.png"]) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("caches Pagefind's hashed chunks for a year and revalidates its entry files", async () => {
    const chunks = filesUnder(path.join(site, "pagefind")).filter((f) => /\.pf_(fragment|index|meta|filter)$/.test(f));
    expect(chunks.length).toBeGreaterThan(0);
    for (const file of chunks) {
      const res = await get(`/pagefind/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers["cache-control"], file).toBe(YEAR);
    }
    for (const url of ["/pagefind/pagefind.js", "/pagefind/pagefind-entry.json"]) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expectSecurityHeaders(res, url);
    }
  });

  it("answers an unknown page with the site's 404 page, status 404 and the security headers", async () => {
    for (const url of ["/no/such/page", "/img/missing-AbCdEfGhIj-672.png"]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.body.toString(), url).toBe(readFileSync(path.join(site, "404.html"), "utf8"));
      expectSecurityHeaders(res, url);
      expect(res.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("never serves dotfiles, in any folder, but keeps /.well-known/", async () => {
    for (const url of ["/.git/config", "/.git/", "/.env", "/assets/.secret", "/%2egit/config"]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.body.toString(), url).not.toContain(SECRET);
      expectSecurityHeaders(res, url);
    }
    const wellKnown = await get("/.well-known/security.txt");
    expect(wellKnown.status).toBe(200);
    expect(wellKnown.body.toString()).toContain("Contact:");
  });

  it("answers GET and HEAD only: other methods get 405 with Allow and the security headers", async () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const res = await get(ARTICLE_URL, { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.allow, method).toBe("GET, HEAD");
      expectSecurityHeaders(res, method);
    }
    const head = await get(ARTICLE_URL, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });

  it("serves the precompressed .gz to clients that accept gzip, the original to others", async () => {
    for (const url of [ARTICLE_URL, "/feed.xml", "/assets/css/main.css"]) {
      const original = readFileSync(path.join(site, url));
      const gz = path.join(site, `${url}.gz`);
      const zipped = await get(url, { headers: { "Accept-Encoding": "gzip" } });
      expect(zipped.headers["content-encoding"], url).toBe("gzip");
      expect(zipped.headers.vary, url).toBe("Accept-Encoding");
      // gzip_static sends the file as it is, with its length; on-the-fly gzip would be chunked.
      expect(Number(zipped.headers["content-length"]), url).toBe(statSync(gz).size);
      expect(gunzipSync(zipped.body).equals(original), url).toBe(true);
      const plain = await get(url);
      expect(plain.headers["content-encoding"], url).toBeUndefined();
      expect(plain.body.equals(original), url).toBe(true);
    }
  });

  it("answers /healthz with 200 and no caching", async () => {
    const res = await get("/healthz");
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe("ok\n");
    expect(res.headers["cache-control"]).toBe("no-store");
    expectSecurityHeaders(res, "/healthz");
  });

  it("leaks nothing outside the site for traversal attempts", async () => {
    const passwd = readFileSync("/etc/passwd", "utf8").split("\n")[0];
    // As if a link had reached the site folder: nginx itself must not follow it (removed after, so no other
    // test walks into /etc).
    const links = { "assets/leak.txt": "/etc/passwd", "assets/etcdir": "/etc" };
    for (const [file, target] of Object.entries(links)) symlinkSync(target, path.join(site, file));
    onTestFinished(() => {
      for (const file of Object.keys(links)) rmSync(path.join(site, file));
    });
    for (const url of [
      "/../../etc/passwd",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/..%2f..%2f..%2fetc%2fpasswd",
      "/docker/../../../../etc/passwd",
      "/img/..%2f..%2f..%2f..%2fetc/passwd",
      "/assets/leak.txt",
      "/assets/etcdir/passwd",
    ]) {
      const res = await get(url);
      expect([400, 403, 404], url).toContain(res.status);
      expect(res.body.toString(), url).not.toContain(passwd);
      expectSecurityHeaders(res, url);
    }
  });

  it("every page the site serves is written for this CSP: no inline script, handler or style", () => {
    // jekyll-redirect-from's pages carry `<script>location="..."</script>` as the plugin writes them: the CSP
    // blocks it and their meta refresh redirects, so they are checked to hold only that script.
    const isRedirect = (html: string) => html.includes('<meta http-equiv="refresh" content="0; url=');
    const all = filesUnder(site).filter((f) => f.endsWith(".html"));
    const pages = all.filter((f) => !isRedirect(readFileSync(path.join(site, f), "utf8")));
    expect(all.length - pages.length).toBe(1);
    for (const page of all.filter((f) => !pages.includes(f))) {
      const scripts = [...readFileSync(path.join(site, page), "utf8").matchAll(/<script\b[^>]*>([^<]*)/g)];
      expect(scripts.map((m) => m[1])).toEqual(['location="https://blog.example.com/about/"']);
    }
    expect(pages.length).toBeGreaterThan(3);
    const executable = new Set(["", "text/javascript", "application/javascript", "module"]);
    for (const page of pages) {
      const html = readFileSync(path.join(site, page), "utf8");
      for (const [, attributes] of html.matchAll(/<script\b([^>]*)>/g)) {
        if (/\bsrc=/.test(attributes)) continue;
        const type = /\btype="([^"]*)"/.exec(attributes)?.[1] ?? "";
        expect(executable.has(type.toLowerCase()), `${page}: inline <script${attributes}>`).toBe(false);
      }
      expect(html, page).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
      expect(html, page).not.toMatch(/<style\b|<[a-z][^>]*\sstyle=/i);
      expect(html, page).not.toMatch(/href="javascript:/i);
    }
  });
});

// The image pipeline names its files (filenameFormat in src/images/outputs.ts) and nginx gives a year-long
// immutable cache to what its /img/ pattern matches: a name the pattern missed would be revalidated on every visit.
describe("the immutable /img/ location and the image pipeline's file names", () => {
  const config = readFileSync(path.join(REPO, "nginx/conf.d/default.conf"), "utf8");
  const pattern = /location ~ "(\^\/img\/[^"]*)" \{[^}]*immutable/.exec(config)?.[1];

  it("matches every name the pipeline gives, whatever the source's name, size and format", async () => {
    if (!pattern) throw new Error("no immutable /img/ location in nginx/conf.d/default.conf");
    const immutable = new RegExp(pattern);
    const dir = mkdtempSync(path.join(tmpdir(), "nginx-img-names-"));
    const sources = [path.join(REPO, "assets/images/docker-vm-diagram.png")];
    const made: [string, number, (image: Sharp) => Sharp][] = [
      ["My photo (v2).final.JPG", 1500, (image) => image.jpeg()],
      ["narrow.webp", 300, (image) => image.webp()],
      [`${"long-name-".repeat(10)}.jpeg`, 700, (image) => image.jpeg()],
      ["-.png", 672, (image) => image.png()],
    ];
    for (const [name, width, encode] of made) {
      const file = path.join(dir, name);
      await encode(sharp({ create: { width, height: 40, channels: 3, background: "#336699" } })).toFile(file);
      sources.push(file);
    }
    const urls: string[] = [];
    for (const source of sources) {
      const result = await Image(source, { ...imageOptions(path.join(dir, "out"), "", () => {}), statsOnly: true });
      urls.push(...Object.values(result).flatMap((stats) => stats.map((stat) => stat.url)));
    }
    // Each source at 672 and its own width up to 1344, in AVIF, WebP and its own format (a WebP source's is WebP).
    expect(urls).toHaveLength(3 * 2 + 3 * 2 + 2 * 1 + 3 * 2 + 3 * 1);
    expect(new Set(urls.map((url) => url.split(".").pop()))).toEqual(new Set(["avif", "webp", "png", "jpeg"]));
    for (const url of urls) {
      expect(url.startsWith(URL_FOLDER), url).toBe(true);
      expect(url, "matches the immutable /img/ location").toMatch(immutable);
    }
    for (const url of [
      "/img/docker-vm-diagram.png",
      "/img/notes-AbCdEfGhIj-672.txt",
      "/img/sub/x-AbCdEfGhIj-672.png",
      "/assets/images/docker-vm-diagram-AbCdEfGhIj-672.png",
      "/img/x-AbCdEfGhI-672.png",
    ]) {
      expect(url, "not an image file of the pipeline").not.toMatch(immutable);
    }
  });
});
