// Hostile input (issue 14): nothing is written or served outside the site, no small input stalls a build, and
// the feed and sitemap always parse. Each build here is the real `npm run build` over a throwaway project.
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, makeProject, post, type BuildResult, type Project } from "./helpers/project.ts";
import { isInsideFolder } from "../src/site/output-folder.ts";

const CONFIG = 'title: "Hostile"\nurl: "https://example.org"\ntimezone: UTC\n';
const NO_SEARCH = { BLOG_SEARCH: "0" };
// Names no other run uses, so a file found outside the project can only be this run's.
const MARK = `hostile14-${process.pid}-${Date.now()}`;
const ESCAPES = "/%2e%2e".repeat(8);

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
