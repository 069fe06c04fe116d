// `npm run build` runs the engine compiled by esbuild (src/build/launch.mjs), reused while its sources are
// unchanged. A stale compiled engine would silently build with old code: an edit must always be picked up.
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, makeProject, post } from "../helpers/project.ts";

describe("the compiled engine", () => {
  it("is reused while src/ is unchanged and compiled again after an edit", () => {
    const project = makeProject(
      { "_config.yml": "title: Launch\n", "posts/2024-01-02-hello.md": post('title: "Hello"') },
      { assets: false },
    );
    // A copy of the engine inside the project, so the test can edit it (packages resolve from the project).
    const engine = path.join(project.dir, "engine/src");
    cpSync(path.join(REPO, "src"), engine, { recursive: true });
    const build = () =>
      execFileSync(process.execPath, [path.join(engine, "build/launch.mjs")], {
        cwd: project.dir,
        encoding: "utf8",
        env: { ...process.env, BLOG_SEARCH: "0" },
      });
    const compiled = path.join(project.dir, ".cache/engine/eleventy.js");

    expect(build()).toMatch(/^Built _site\/ in /m);
    const firstCompile = statSync(compiled).mtimeMs;
    expect(build()).toMatch(/^Built _site\/ in /m);
    expect(statSync(compiled).mtimeMs).toBe(firstCompile);

    const progress = path.join(engine, "build/progress.ts");
    writeFileSync(
      progress,
      readFileSync(progress, "utf8").replace("return `Built ${target}", "return `Made ${target}"),
    );
    expect(build()).toMatch(/^Made _site\/ in /m);
    // The edited module's code is what runs, not only what the summary says: the site is still there.
    expect(readFileSync(path.join(project.site, "index.html"), "utf8")).toContain("Hello");

    // A damaged cache is compiled again, never run: a compiled file cut short, then a stamp that is not JSON.
    const cutShort = readFileSync(compiled, "utf8");
    writeFileSync(compiled, cutShort.slice(0, cutShort.length / 2));
    expect(build()).toMatch(/^Made _site\/ in /m);
    expect(readFileSync(compiled, "utf8")).toBe(cutShort);
    writeFileSync(path.join(project.dir, ".cache/engine/sources.json"), '{"sources": {"');
    expect(build()).toMatch(/^Made _site\/ in /m);
    expect(readFileSync(compiled, "utf8")).toBe(cutShort);
  }, 120_000);
});
