// `npm run build` takes a post's page from the last build when nothing it was made from changed (src/rebuild/).
// Whatever changed (a post's text or front matter, a layout, an include, a page, a data file, the config, an
// image) and whatever happened to `_site/` or the manifest since, the built site must be byte for byte what a
// build from scratch of the same inputs makes.
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, makeProject, post, REPO, type Project } from "../helpers/project.ts";

const ENV = { TZ: "UTC", BLOG_NOW: "2026-12-01T00:00:00Z" };
const CONFIG = readFileSync(path.join(REPO, "_config.yml"), "utf8");
const DAYS = [1, 2, 3, 4, 5, 6];

const postFile = (day: number) => `posts/2024-03-0${day}-note-${day}.md`;
const postText = (day: number, words: string, frontMatter = "") =>
  post(`title: "Note ${day}"\ndate: "2024-03-0${day} 10:00:00 +0000"\ncategories: notes\n${frontMatter}`, `${words}\n`);
// Post 5's layout shows the bodies of posts 3 and 4: one through `collections.posts`, one through `site.posts`.
const SHOWCASE = `---
layout: post
---
{{ content }}
<aside>{{ collections.posts[2].content }}</aside>
<aside>{% for p in site.posts %}{% if p.title == "Note 4" %}{{ p.content }}{% endif %}{% endfor %}</aside>
`;

function inputs(changes: Record<string, string | null> = {}): Record<string, string> {
  const files: Record<string, string> = {
    "_config.yml": CONFIG,
    "pages/about.md": "---\ntitle: About\n---\nAbout this blog.\n",
    "_data/links.yml": "- name: Home\n",
    "_includes/layouts/showcase.liquid": SHOWCASE,
  };
  for (const day of DAYS) files[postFile(day)] = postText(day, `The word quuxnote${day} is here.\n\nMore on ${day}.`);
  files[postFile(5)] = postText(5, "Post five shows its neighbours.", "layout: showcase");
  files[postFile(2)] = postText(2, "A diagram:\n\n![Containers](/assets/images/docker-vm-diagram.png)");
  // Post 6 shows a draft's text: a file no build renders, read with include_relative.
  files[postFile(6)] = postText(6, "The word quuxnote6 is here.\n\n{% include_relative _drafts/snippet.md %}");
  files["posts/_drafts/snippet.md"] = "A draft's words.\n";
  for (const [file, text] of Object.entries(changes)) {
    if (text === null) delete files[file];
    else files[file] = text;
  }
  return files;
}

/** A project with its own copy of the repo's layouts and includes, so that a test may change them. */
function ownProject(files: Record<string, string>): Project {
  const project = makeProject({}, { assets: true });
  rmSync(path.join(project.dir, "_includes"));
  cpSync(path.join(REPO, "_includes"), path.join(project.dir, "_includes"), { recursive: true });
  for (const [file, text] of Object.entries(files)) project.write(file, text);
  return project;
}

/** "N post pages kept from the last build" from the summary line, or 0. */
function keptPosts(stdout: string): number {
  expect(stdout).toMatch(/^Built /m);
  return Number(/([\d,]+) post pages? kept from the last build/.exec(stdout)?.[1] ?? 0);
}

describe("a warm build keeps the post pages whose inputs did not change", { timeout: 900_000 }, () => {
  let project: Project;
  const current = inputs();
  const change = (changes: Record<string, string | null>) => {
    for (const [file, text] of Object.entries(changes)) {
      if (text === null) rmSync(path.join(project.dir, file));
      else project.write(file, text);
    }
    for (const [file, text] of Object.entries(changes)) {
      if (text === null) delete current[file];
      else current[file] = text;
    }
  };
  const warmBuild = async (env: Record<string, string> = {}) => {
    const result = await build(project.dir, { ...ENV, ...env });
    expect(result.code, result.stderr).toBe(0);
    return keptPosts(result.stdout);
  };
  /** The site a build from scratch makes of the current inputs; the images come from the warm project's cache. */
  const expectSameAsScratch = async (env: Record<string, string> = {}) => {
    const scratch = ownProject(current);
    for (const file of readdirSync(path.join(project.dir, "_includes"), { recursive: true }).map(String)) {
      const own = path.join(project.dir, "_includes", file);
      try {
        writeFileSync(path.join(scratch.dir, "_includes", file), readFileSync(own));
      } catch {
        // A folder.
      }
    }
    rmSync(path.join(scratch.dir, "assets"), { recursive: true });
    cpSync(path.join(project.dir, "assets"), path.join(scratch.dir, "assets"), { recursive: true });
    cpSync(path.join(project.dir, ".cache/images"), path.join(scratch.dir, ".cache/images"), { recursive: true });
    const result = await build(scratch.dir, { ...ENV, ...env });
    expect(result.code, result.stderr).toBe(0);
    expect(keptPosts(result.stdout)).toBe(0);
    // diff -r prints nothing only when both trees hold the same files with the same bytes.
    const diff = spawnSync("diff", ["-r", project.site, scratch.site], { encoding: "utf8" });
    expect(diff.stdout.slice(0, 2000)).toBe("");
    expect(diff.status).toBe(0);
  };
  const page = (day: number) => path.join(project.site, `notes/2024/03/0${day}/note-${day}.html`);

  beforeAll(async () => {
    project = ownProject(current);
    expect(await warmBuild()).toBe(0);
  });

  it("keeps every post page when nothing changed", async () => {
    expect(await warmBuild()).toBe(DAYS.length);
    await expectSameAsScratch();
  });

  it("renders a post whose text changed, the posts showing its body or a file it read, and keeps the others", async () => {
    // Below the first paragraph: the excerpt, which other pages show, is the same.
    change({ [postFile(3)]: postText(3, "The word quuxnote3 is here.\n\nNow the word quuxchanged is here.") });
    // Post 3, and post 5 whose layout shows post 3's body.
    expect(await warmBuild()).toBe(DAYS.length - 2);
    expect(readFileSync(page(5), "utf8")).toContain("quuxchanged");
    await expectSameAsScratch();

    change({ [postFile(4)]: postText(4, "The word quuxnote4 is here.\n\nThe word quuxsiteposts is here.") });
    expect(await warmBuild()).toBe(DAYS.length - 2);
    expect(readFileSync(page(5), "utf8")).toContain("quuxsiteposts");
    await expectSameAsScratch();

    change({ "posts/_drafts/snippet.md": "A draft's other words.\n" });
    expect(await warmBuild()).toBe(DAYS.length - 1);
    expect(readFileSync(page(6), "utf8")).toContain("other words");
    await expectSameAsScratch();
  });

  it("renders every page when a post's front matter or excerpt changes: other pages show them", async () => {
    change({ [postFile(3)]: current[postFile(3)].replace("Note 3", "Note three") });
    expect(await warmBuild()).toBe(0);
    expect(readFileSync(page(2), "utf8")).toContain("Note three");
    await expectSameAsScratch();
    change({ [postFile(3)]: current[postFile(3)].replace("The word quuxnote3", "The word quuxexcerpt") });
    expect(await warmBuild()).toBe(0);
    await expectSameAsScratch();
  });

  it("renders every page after a post is added or removed", async () => {
    change({ [postFile(7)]: postText(7, "The word quuxnote7 is here.\n\nMore on 7.") });
    expect(await warmBuild()).toBe(0);
    await expectSameAsScratch();
    change({ [postFile(7)]: null });
    expect(await warmBuild()).toBe(0);
    await expectSameAsScratch();
  });

  it("renders every page when a layout, an include, a page, a data file, the config or an image changes", async () => {
    const edits: [string, () => void][] = [
      ["layout", () => appendFileSync(path.join(project.dir, "_includes/layouts/post.liquid"), "<!-- post -->\n")],
      ["include", () => appendFileSync(path.join(project.dir, "_includes/post-list.liquid"), "<!-- list -->\n")],
      ["page", () => change({ "pages/about.md": "---\ntitle: About us\n---\nAbout this blog.\n" })],
      ["data file", () => change({ "_data/links.yml": "- name: Elsewhere\n" })],
      ["config", () => change({ "_config.yml": CONFIG.replace('title: "Notes on Containers"', 'title: "Notes"') })],
      [
        "image",
        () =>
          cpSync(
            path.join(REPO, "assets/images/docker-container-diagram.png"),
            path.join(project.dir, "assets/images/docker-vm-diagram.png"),
          ),
      ],
    ];
    for (const [what, edit] of edits) {
      expect(await warmBuild(), `nothing changed before the ${what}`).toBe(DAYS.length);
      edit();
      expect(await warmBuild(), `after the ${what} changed`).toBe(0);
      await expectSameAsScratch();
    }
    // The build's settings from the environment (here the clock) are inputs too.
    expect(await warmBuild({ BLOG_NOW: "2026-12-02T00:00:00Z" })).toBe(0);
    expect(await warmBuild()).toBe(0);
  });

  it("renders again what is damaged or missing in _site/, and everything when the manifest is", async () => {
    expect(await warmBuild()).toBe(DAYS.length);
    // A kept page cut short, another gone, an image file gone (post 2 shows it).
    writeFileSync(page(1), readFileSync(page(1), "utf8").slice(0, 100));
    rmSync(page(3));
    const image = readdirSync(path.join(project.site, "img")).find((file) => file.startsWith("docker-vm-diagram"));
    rmSync(path.join(project.site, "img", String(image)));
    expect(await warmBuild()).toBe(DAYS.length - 3);
    await expectSameAsScratch();

    // A page with other bytes of the same length: its stamp (size, time, inode) differs.
    const text = readFileSync(page(4), "utf8");
    writeFileSync(page(4), text.replace("quuxnote4", "quuxnoteX"));
    expect(await warmBuild()).toBe(DAYS.length - 1);
    await expectSameAsScratch();

    const manifest = path.join(project.dir, ".cache/rebuild/manifest.json");
    writeFileSync(manifest, readFileSync(manifest, "utf8").slice(0, 60));
    expect(await warmBuild()).toBe(0);
    rmSync(path.join(project.site), { recursive: true });
    expect(await warmBuild()).toBe(0);
    await expectSameAsScratch();
  });

  it("keeps the last good site's manifest when a build fails", async () => {
    expect(await warmBuild()).toBe(DAYS.length);
    project.write(postFile(3), postText(3, "Broken {% if %} Liquid."));
    const failed = await build(project.dir, ENV);
    expect(failed.code).not.toBe(0);
    project.write(postFile(3), current[postFile(3)]);
    expect(await warmBuild()).toBe(DAYS.length);
    await expectSameAsScratch();
  });
});
