// What an author reads at the end of `npm run build`: one line with the phases and what was done.
import { describe, expect, it } from "vitest";
import { build, makeProject, post } from "../helpers/project.ts";
import { describeCounts, phaseTimes } from "../../src/build/progress.ts";

describe("build summary", { timeout: 300_000 }, () => {
  it("gives each phase the time until the next one began", () => {
    const times = phaseTimes(
      [
        { phase: "setup", at: 1000 },
        { phase: "render", at: 1500 },
        { phase: "after", at: 4000 },
      ],
      4250,
    );
    expect(times).toEqual([
      { phase: "setup", seconds: 0.5 },
      { phase: "render", seconds: 2.5 },
      { phase: "after", seconds: 0.25 },
    ]);
  });

  it("says what was done and leaves out what was not", () => {
    expect(
      describeCounts({
        postsRendered: 3,
        postsReused: 997,
        imagesEncoded: 0,
        imagesReused: 12,
        pagesIndexed: 1000,
        pagesIndexKept: 0,
        pagesWritten: 1017,
        pagesKept: 0,
      }),
    ).toBe(
      "1,000 posts (997 from the render cache), images 0 encoded, 12 reused, 1,000 pages indexed, 1,017 files written",
    );
    expect(
      describeCounts({
        postsRendered: 1,
        postsReused: 999,
        imagesEncoded: 0,
        imagesReused: 12,
        pagesIndexed: 1000,
        pagesIndexKept: 750,
        pagesWritten: 1017,
        pagesKept: 0,
      }),
    ).toBe(
      "1,000 posts (999 from the render cache), images 0 encoded, 12 reused, 1,000 pages indexed (750 from kept parts), 1,017 files written",
    );
    expect(
      describeCounts({
        postsRendered: 1,
        postsReused: 0,
        imagesEncoded: 0,
        imagesReused: 0,
        pagesIndexed: 0,
        pagesIndexKept: 0,
        pagesWritten: 0,
        pagesKept: 0,
      }),
    ).toBe("1 post (0 from the render cache)");
  });

  it("ends a build with one line: phases, posts rendered then reused, files written; no terminal codes off a terminal", async () => {
    const p = makeProject(
      {
        "_config.yml": "title: Summary\ntimezone: UTC\n",
        "posts/2024-01-02-one.md": post('title: "One"\ndate: "2024-01-02 10:00:00 +0000"', "First post.\n"),
      },
      { assets: false },
    );
    const env = { BLOG_SEARCH: "0" };
    const first = await build(p.dir, env);
    expect(first.code, first.stderr).toBe(0);
    const line = first.stdout.split("\n").find((l) => l.startsWith("Built _site/"));
    expect(line).toMatch(
      /^Built _site\/ in \d+\.\d\d s \(setup \d+\.\d\d s, render \d+\.\d\d s.*\): 1 post \(0 from the render cache\), \d+ files written$/,
    );
    expect(first.stdout + first.stderr).not.toContain("\x1b[");
    const second = await build(p.dir, env);
    expect(second.stdout).toMatch(/: 1 post \(1 from the render cache\)/);
  });
});
