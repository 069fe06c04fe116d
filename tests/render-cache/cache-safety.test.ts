// Every cache a build keeps (.cache/render, .cache/images, .cache/engine) is only ever a shortcut: whatever
// changed, the next build's pages and search index are what a build without caches would make. The render
// cache's own keys are tested in render-cache.test.ts, images in images.test.ts, the engine in launch.test.ts;
// here the search index, which is made from the pages, must not keep what a change removed.
import { cpSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { build, makeProject, post, REPO } from "../helpers/project.ts";
import { readAllBundleText } from "../helpers/search-blog.ts";

const ENV = { TZ: "UTC" };
const front = (title: string, date: string) => `title: "${title}"\ndate: "${date} 10:00:00 +0000"\ncategories: notes`;

describe("a rebuild after a change", { timeout: 300_000 }, () => {
  it("leaves no stale search hit from a changed post, a changed include or a deleted post", async () => {
    const project = makeProject(
      {
        "_config.yml": readFileSync(path.join(REPO, "_config.yml"), "utf8"),
        "posts/2024-03-05-changed.md": post(front("Changed", "2024-03-05"), "The word quuxalpha is here.\n"),
        "posts/2024-03-06-deleted.md": post(front("Deleted", "2024-03-06"), "The word quuxbravo is here.\n"),
        "posts/2024-03-07-included.md": post(front("Included", "2024-03-07"), "{% include note.html %}\n"),
      },
      { assets: false },
    );
    // The shared _includes/ is a symlink: the project gets its own copy, to add an include to.
    rmSync(path.join(project.dir, "_includes"));
    cpSync(path.join(REPO, "_includes"), path.join(project.dir, "_includes"), { recursive: true });
    project.write("_includes/note.html", "A note with quuxcharlie.\n");

    const first = await build(project.dir, ENV);
    expect(first.code, first.stderr).toBe(0);
    const before = readAllBundleText(project.site);
    for (const word of ["quuxalpha", "quuxbravo", "quuxcharlie"]) expect(before).toContain(word);

    project.write("posts/2024-03-05-changed.md", post(front("Changed", "2024-03-05"), "Now quuxdelta.\n"));
    rmSync(path.join(project.dir, "posts/2024-03-06-deleted.md"));
    project.write("_includes/note.html", "A note with quuxecho.\n");
    const second = await build(project.dir, ENV);
    expect(second.code, second.stderr).toBe(0);
    // The render cache served nothing stale to the pages the index is made from.
    expect(second.stdout).toMatch(/2 posts \(0 from the render cache\)/);
    const after = readAllBundleText(project.site);
    expect(after).toContain("quuxdelta");
    expect(after).toContain("quuxecho");
    for (const word of ["quuxalpha", "quuxbravo", "quuxcharlie"]) expect(after).not.toContain(word);
  });
});
