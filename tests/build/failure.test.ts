// A page that fails while others are still being written (issue 15 item 11): one missing image among 300 posts.
// `npm run build` must still print the real error with its file and line, exit 1, remove its staging folder once
// nothing is writing into it any more, and leave the last good `_site/` byte for byte as it was.
import { readdirSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { build, makeProject, post, type BuildResult, type Project } from "../helpers/project.ts";
import { folderSnapshot } from "../helpers/snapshot.ts";

const CONFIG = 'title: "Many"\nurl: "https://example.org"\ntimezone: UTC\n';
const NOW = { BLOG_NOW: "2026-01-01T12:00:00Z" };
const POSTS = 300;
const DIAGRAMS = ["docker-vm-diagram.png", "docker-container-diagram.png"];
const BROKEN = 7;

function posts(brokenImage: boolean): Record<string, string> {
  const files: Record<string, string> = { "_config.yml": CONFIG };
  for (let i = 0; i < POSTS; i++) {
    const day = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
    // Every post shows an image, so pages are still being written (and images copied) when the broken one fails.
    // The broken one's missing image comes second: the first (the social image) is found while data is read,
    // the second only as the page's HTML is written.
    const missing = brokenImage && i === BROKEN ? "\n![Missing](/assets/images/no-such-diagram.png)\n" : "";
    const image = `![The diagram](/assets/images/${DIAGRAMS[i % 2]})\n`;
    const body = `Paragraph of post ${i}.\n\n${"More text, and more. ".repeat(40)}\n\n${image}${missing}`;
    files[`posts/${day}-post-${i}.md`] = post(`title: "Post ${i}"`, body);
  }
  return files;
}

describe("a page failing while others are written", { timeout: 300_000 }, () => {
  let project: Project;
  let before: Record<string, string>;
  let result: BuildResult;
  const brokenFile = `posts/${new Date(Date.UTC(2020, 0, 1 + BROKEN)).toISOString().slice(0, 10)}-post-${BROKEN}.md`;

  beforeAll(async () => {
    project = makeProject(posts(false));
    const good = await build(project.dir, NOW);
    expect(good.code, good.stderr).toBe(0);
    before = folderSnapshot(project.site);
    project.write(brokenFile, posts(true)[brokenFile]);
    result = await build(project.dir, NOW);
  });

  it("exits 1 with the real error: the file, its line, what is missing", () => {
    expect(result.code).toBe(1);
    // Three lines of front matter, a blank line, then the body: the missing image is on its seventh line.
    expect(result.stderr).toContain(`${brokenFile}:11: the image "/assets/images/no-such-diagram.png" does not exist`);
    expect(result.stderr).not.toMatch(/ENOTEMPTY|ENOENT|\n\s+at /);
  });

  it("removes its staging folder", () => {
    expect(readdirSync(project.dir).filter((name) => name.startsWith(".build-"))).toEqual([]);
  });

  it("leaves _site/ exactly as the last good build left it", () => {
    expect(Object.keys(before).length).toBeGreaterThan(POSTS);
    expect(folderSnapshot(project.site)).toEqual(before);
  });
});
