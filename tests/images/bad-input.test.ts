// Bad image input stops the build with what to change, and leaves the last good _site/ alone.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build, makeProject, post } from "../helpers/project.ts";

const CONFIG = 'title: "T"\nurl: "https://example.com"\ntimezone: UTC\n';

async function failingBuild(files: Record<string, string>, setUp: (dir: string) => void = () => undefined) {
  const project = makeProject({ "_config.yml": CONFIG, ...files });
  setUp(project.dir);
  const result = await build(project.dir);
  expect(result.code).toBe(1);
  expect(existsSync(project.site)).toBe(false);
  return result.stderr;
}

describe("bad image input", () => {
  it("a missing local image names the post, its line, the reference and the path looked for", async () => {
    const stderr = await failingBuild({
      "posts/2021-01-01-missing.md": post(
        'title: "Missing"',
        "Text.\n\n![A chart](/assets/images/no-such-chart.png)\n",
      ),
    });
    expect(stderr).toContain(
      'posts/2021-01-01-missing.md:7: the image "/assets/images/no-such-chart.png" does not exist (looked for assets/images/no-such-chart.png)',
    );
    expect(stderr).toContain("Fix: add the file assets/images/no-such-chart.png");
  }, 120_000);

  it("a corrupt image names the file", async () => {
    const stderr = await failingBuild(
      { "posts/2021-01-01-corrupt.md": post('title: "Corrupt"', "![A chart](/assets/images/broken.png)\n") },
      (dir) => {
        writeFileSync(path.join(dir, "assets/images/broken.png"), "this is not a PNG file\n");
      },
    );
    expect(stderr).toMatch(
      /assets\/images\/broken\.png: is not an image sharp can read \(.+\); posts\/2021-01-01-corrupt\.md shows it/,
    );
    expect(stderr).toContain("Fix: replace it with a valid PNG, JPEG or WebP file");
  }, 120_000);

  it("a path that leaves the project is refused, not read", async () => {
    const stderr = await failingBuild({
      "posts/2021-01-01-escape.md": post('title: "Escape"\npermalink: /escape.html', "![x](../../etc/passwd)\n"),
    });
    expect(stderr).toContain(
      'posts/2021-01-01-escape.md:6: the image "../../etc/passwd" is refused: it climbs above the site\'s root folder',
    );
    expect(stderr).not.toContain("root:x:0:0");
  }, 120_000);

  it("a front-matter image that does not exist names the post and the line of `image`", async () => {
    const stderr = await failingBuild(
      { "posts/2021-01-01-card.md": post('title: "Card"\nimage: /assets/images/card.png', "No images here.\n") },
      (dir) => {
        mkdirSync(path.join(dir, "assets/images"), { recursive: true });
      },
    );
    expect(stderr).toContain(
      'posts/2021-01-01-card.md:3: the image "/assets/images/card.png" does not exist (looked for assets/images/card.png)',
    );
  }, 120_000);
});
