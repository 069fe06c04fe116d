// The seed article, built by `npm run build`'s code: Jekyll's URL, instant, heading ids and feed id.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import { REPO, build, makeProject } from "../helpers/project.ts";

const ARTICLE = "2020-02-21-docker-versus-virtual-machines.md";
const CONFIG = readFileSync(path.join(REPO, "_config.yml"), "utf8");

describe("the seed article", () => {
  let site = "";
  beforeAll(async () => {
    const project = makeProject({
      "_config.yml": CONFIG,
      [`posts/${ARTICLE}`]: readFileSync(path.join(REPO, "posts", ARTICLE), "utf8"),
    });
    const result = await build(project.dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    site = project.site;
  }, 60_000);

  const page = () => readFileSync(path.join(site, "docker/2020/02/21/docker-versus-virtual-machines.html"), "utf8");

  it("is an h-entry published at 2020-02-21 08:10 -0400, shown in the site timezone", () => {
    const html = page();
    expect(html).toMatch(/<article class="[^"]*\bh-entry\b/);
    expect(html).toMatch(/<h1 class="[^"]*\bp-name\b[^"]*">Docker Versus Virtual Machines<\/h1>/);
    const datetime = /<time class="dt-published" datetime="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(datetime).toBe("2020-02-21T07:10:00-05:00");
    expect(DateTime.fromISO(datetime).toMillis()).toBe(DateTime.fromISO("2020-02-21T08:10:00-04:00").toMillis());
    expect(html).toMatch(/<a class="p-category"[^>]* href="\/category\/docker\/">docker<\/a>/);
  });

  it("keeps Jekyll's heading ids", () => {
    const body = page().split('class="post-content e-content">')[1].split("</article>")[0];
    const ids = [...body.matchAll(/<h[1-6][^>]* id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      "about-virtual-machines",
      "how-is-docker-different",
      "basic-docker-components",
      "workflow",
      "persistence",
      "development-versus-production",
      "summary",
    ]);
  });

  it("has jekyll-feed's entry id in /feed.xml", () => {
    const feed = readFileSync(path.join(site, "feed.xml"), "utf8");
    const url = /^url:\s*"?([^"\n]+)"?/m.exec(CONFIG)?.[1];
    expect(feed).toContain(`<id>${url}/docker/2020/02/21/docker-versus-virtual-machines</id>`);
  });

  it("is byte for byte the seed in posts/", () => {
    const text = readFileSync(path.join(REPO, "posts", ARTICLE), "utf8");
    expect(
      text.startsWith(
        '---\ntitle: "Docker Versus Virtual Machines"\ndate: "2020-02-21 08:10:00 -0400"\ncategories: docker\n---\n',
      ),
    ).toBe(true);
    expect(text).toContain("![](/assets/images/docker-vm-diagram.png)");
  });
});
