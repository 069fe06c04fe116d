// Bad input stops `npm run build` with a message naming the file, the line and the fix, and the last
// good `_site/` is left exactly as it was (the build writes elsewhere and swaps only on success).
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, makeProject, post, type BuildResult, type Project } from "../helpers/project.ts";
import { folderSnapshot } from "../helpers/snapshot.ts";

const CONFIG = 'title: "Bad Input"\nurl: "https://example.org"\ntimezone: America/New_York\npermalink: date\n';
// A fixed clock: the feed's <updated> is the build time, and the last test compares two builds.
const NOW = { BLOG_NOW: "2026-01-01T12:00:00Z" };
const GOOD: Record<string, string> = {
  "_config.yml": CONFIG,
  "posts/2021-01-01-first.md": post('title: "First"\ncategories: notes'),
  "posts/2021-02-01-second.md": post(
    'title: "Second"\ntags: [howto]',
    "See [the first]({% post_url 2021-01-01-first %}).\n",
  ),
};

describe("bad input", () => {
  let project: Project;
  let goodSite: Record<string, string>;

  beforeAll(async () => {
    project = makeProject(GOOD);
    const result = await build(project.dir, NOW);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    goodSite = folderSnapshot(project.site);
    expect(Object.keys(goodSite)).toContain("notes/2021/01/01/first.html");
  });

  /** Builds with `broken` files over the good ones, then puts the good project back. */
  async function buildBroken(broken: Record<string, string | null>): Promise<BuildResult> {
    for (const [file, text] of Object.entries(broken)) {
      if (text === null) rmSync(path.join(project.dir, file));
      else project.write(file, text);
    }
    try {
      return await build(project.dir, NOW);
    } finally {
      for (const file of Object.keys(broken)) {
        if (file in GOOD) project.write(file, GOOD[file]);
        else rmSync(path.join(project.dir, file), { force: true });
      }
    }
  }

  /** The failure is reported cleanly, and the previous site is byte for byte what it was. */
  function expectCleanFailure(result: BuildResult): string {
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^Build failed, _site\/ left as it was\.\n/);
    expect(result.stderr).toContain("Fix: ");
    // No stack traces, no Eleventy log prefixes, no staging folder names.
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toContain("[11ty]");
    expect(result.stderr).not.toContain(".build-");
    expect(folderSnapshot(project.site)).toEqual(goodSite);
    expect(readdirSync(project.dir).filter((name) => name.startsWith(".build-"))).toEqual([]);
    return result.stderr;
  }

  it("broken YAML front matter: names the file and the line of the open quote", async () => {
    const message = expectCleanFailure(
      await buildBroken({ "posts/2021-01-01-first.md": '---\ntitle: "First\ncategories: notes\n---\n\nText.\n' }),
    );
    expect(message).toContain("posts/2021-01-01-first.md:2: front matter is not valid YAML");
  });

  it("broken YAML front matter: names the line of a bad indentation", async () => {
    const message = expectCleanFailure(
      await buildBroken({
        "posts/2021-01-01-first.md": "---\ntitle: First\ncategories: notes\n  tags: x\n---\n\nText.\n",
      }),
    );
    expect(message).toContain("posts/2021-01-01-first.md:4: front matter is not valid YAML");
    expect(message).toMatch(/Fix: .*indentation/);
  });

  it("a date no Jekyll form matches: names the file, the line and the form to use", async () => {
    const message = expectCleanFailure(
      await buildBroken({
        "posts/2021-01-01-first.md": post('title: "First"\ncategories: notes\ndate: "the 32nd of Smarch"'),
      }),
    );
    expect(message).toContain('posts/2021-01-01-first.md:4: the date "the 32nd of Smarch" is not a date Jekyll reads');
    expect(message).toMatch(/Fix: .*YYYY-MM-DD HH:MM:SS/);
  });

  it("two posts at one URL: names both files and the URL", async () => {
    const message = expectCleanFailure(
      await buildBroken({ "posts/2021-03-01-copy.md": post('title: "Copy"\npermalink: /notes/2021/01/01/first.html') }),
    );
    expect(message).toContain("posts/2021-03-01-copy.md");
    expect(message).toContain("posts/2021-01-01-first.md");
    expect(message).toContain(" /notes/2021/01/01/first.html");
    expect(message).toMatch(/Fix: .*permalink/);
  });

  it("an unknown layout: names the file, the line and the layouts there are", async () => {
    const message = expectCleanFailure(
      await buildBroken({ "posts/2021-01-01-first.md": post('title: "First"\nlayout: nope') }),
    );
    expect(message).toContain('posts/2021-01-01-first.md:3: there is no layout "nope"');
    expect(message).toMatch(/Fix: use one of .*\bpost\b.*_includes\/layouts\/nope\.liquid/);
  });

  it("post_url to a post that does not exist: names the file, the line and a post that does", async () => {
    const message = expectCleanFailure(
      await buildBroken({
        "posts/2021-02-01-second.md": post(
          'title: "Second"',
          "Intro.\n\nSee [gone]({% post_url 2020-01-01-gone %}).\n",
        ),
      }),
    );
    expect(message).toContain("posts/2021-02-01-second.md:7: {% post_url 2020-01-01-gone %} names no post");
    expect(message).toMatch(/Fix: .*post_url 2021-0[12]-01-(first|second)/);
  });

  it("an unknown timezone in _config.yml: names the key's line and a valid form", async () => {
    const message = expectCleanFailure(
      await buildBroken({ "_config.yml": CONFIG.replace("America/New_York", "Mars/Olympus_Mons") }),
    );
    expect(message).toContain('_config.yml:3: unknown timezone "Mars/Olympus_Mons"');
    expect(message).toMatch(/Fix: .*America\/New_York/);
  });

  it("an unknown permalink style in _config.yml: names the key's line and the styles", async () => {
    const message = expectCleanFailure(
      await buildBroken({ "_config.yml": CONFIG.replace("permalink: date", "permalink: fancy") }),
    );
    expect(message).toContain('_config.yml:4: unknown permalink style "fancy"');
    expect(message).toMatch(/Fix: .*\bpretty\b/);
  });

  it("broken YAML in _config.yml: names the line", async () => {
    const message = expectCleanFailure(await buildBroken({ "_config.yml": `${CONFIG}nav: [home, about\n` }));
    expect(message).toMatch(/^_config\.yml:\d+: not valid YAML/m);
  });

  it("builds again once the input is fixed", async () => {
    const result = await build(project.dir, NOW);
    expect(result.code).toBe(0);
    expect(folderSnapshot(project.site)).toEqual(goodSite);
  });
});
