// `npm run build` keeps the search index's parts in .cache/search/ and indexes again only the parts whose pages
// changed (src/search/kept-parts.ts). Whatever changed, and whatever happened to the kept parts, the built site,
// its index included, must be byte for byte what a build from scratch of the same inputs makes.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, makeProject, post, REPO, type Project } from "../helpers/project.ts";
import { readBundleFile } from "../helpers/search-blog.ts";

// Two pages a part: the six posts make three parts.
const ENV = { TZ: "UTC", BLOG_NOW: "2026-12-01T00:00:00Z", BLOG_SEARCH_PART_PAGES: "2" };
const CONFIG = readFileSync(path.join(REPO, "_config.yml"), "utf8");

const postFile = (day: number) => `posts/2024-03-0${day}-note-${day}.md`;
const postText = (day: number, words: string) =>
  post(`title: "Note ${day}"\ndate: "2024-03-0${day} 10:00:00 +0000"\ncategories: notes`, `${words}\n`);

function inputs(changes: Record<string, string | null> = {}): Record<string, string> {
  const files: Record<string, string> = { "_config.yml": CONFIG };
  for (const day of [1, 2, 3, 4, 5, 6]) files[postFile(day)] = postText(day, `The word quuxnote${day} is here.`);
  for (const [file, text] of Object.entries(changes)) {
    if (text === null) delete files[file];
    else files[file] = text;
  }
  return files;
}

/** Builds `files` in a project of their own, with no cache: what every warm build must equal. */
async function fromScratch(files: Record<string, string>): Promise<Project> {
  const project = makeProject(files, { assets: false });
  const result = await build(project.dir, ENV);
  expect(result.code, result.stderr).toBe(0);
  return project;
}

function expectSameSite(warm: Project, scratch: Project): void {
  // diff -r exits 0 only when both trees hold the same files with the same bytes.
  expect(() => execFileSync("diff", ["-r", warm.site, scratch.site], { encoding: "utf8" })).not.toThrow();
}

/** "N pages indexed (K from kept parts)" from the build's summary line: K, or 0 when no part was kept. */
function keptPages(stdout: string): number {
  expect(stdout).toMatch(/pages? indexed/);
  return Number(/indexed \(([\d,]+) from kept parts\)/.exec(stdout)?.[1] ?? 0);
}

/** The decompressed fragments, words and filters of every part of a site's index. */
function indexText(site: string): string {
  return readdirSync(path.join(site, "pagefind"), { recursive: true })
    .map(String)
    .filter((file) => /(^|\/)(fragment|index|filter)\//.test(file))
    .map((file) => readBundleFile(path.join(site, "pagefind", file)).toString("latin1"))
    .join("\n");
}

describe("search index parts kept between builds", { timeout: 600_000 }, () => {
  let project: Project;
  const files = (changes: Record<string, string | null>) => {
    for (const [file, text] of Object.entries(changes)) {
      if (text === null) rmSync(path.join(project.dir, file));
      else project.write(file, text);
    }
  };
  const warmBuild = async () => {
    const result = await build(project.dir, ENV);
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  };
  const keptFolder = (n: number) => path.join(project.dir, ".cache/search", `part-${n}`);

  beforeAll(async () => {
    project = makeProject(inputs(), { assets: false });
    await warmBuild();
  });

  it("keeps every part when nothing changed, and the site is as before", async () => {
    expect(existsSync(path.join(project.site, "pagefind/part-3/pagefind-entry.json"))).toBe(true);
    expect(keptPages(await warmBuild())).toBe(6);
    expectSameSite(project, await fromScratch(inputs()));
  });

  it("indexes again only the part of a changed post; its old words are gone from the index", async () => {
    const changes = { [postFile(3)]: postText(3, "Now the word quuxchanged is here.") };
    files(changes);
    // Posts 1-2, 3-4, 5-6 by path: the part of post 3 is indexed again, the other two are kept.
    expect(keptPages(await warmBuild())).toBe(4);
    const text = indexText(project.site);
    expect(text).toContain("quuxchanged");
    expect(text).not.toContain("quuxnote3");
    expectSameSite(project, await fromScratch(inputs(changes)));
  });

  it("matches a build from scratch after a post is added and another removed", async () => {
    const changes = {
      [postFile(3)]: postText(3, "Now the word quuxchanged is here."),
      [postFile(7)]: postText(7, "The word quuxnote7 is here."),
      [postFile(1)]: null,
    };
    files(changes);
    await warmBuild();
    const text = indexText(project.site);
    expect(text).toContain("quuxnote7");
    expect(text).not.toContain("quuxnote1");
    expectSameSite(project, await fromScratch(inputs(changes)));
    // Six posts again: a fourth part, kept by the build before, would be stale; it is gone.
    expect(existsSync(keptFolder(4))).toBe(false);
  });

  it("indexes again a kept part that is damaged, cut short, without its manifest or missing", async () => {
    const now = inputs({
      [postFile(3)]: postText(3, "Now the word quuxchanged is here."),
      [postFile(7)]: postText(7, "The word quuxnote7 is here."),
      [postFile(1)]: null,
    });
    const scratch = await fromScratch(now);
    expect(keptPages(await warmBuild())).toBe(6);

    // A fragment of part 1 with other bytes of the same length: the part is not trusted.
    const fragments = path.join(keptFolder(1), "fragment");
    const fragment = path.join(fragments, readdirSync(fragments)[0]);
    const bytes = readFileSync(fragment);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(fragment, bytes);
    // Part 2's manifest cut short, part 3 gone.
    const manifest = path.join(keptFolder(2), "kept-part.json");
    writeFileSync(manifest, readFileSync(manifest, "utf8").slice(0, 40));
    rmSync(keptFolder(3), { recursive: true });
    expect(keptPages(await warmBuild())).toBe(0);
    expectSameSite(project, scratch);

    // A file the manifest does not list, and the manifest gone: both parts indexed again.
    writeFileSync(path.join(keptFolder(1), "fragment", "extra.pf_fragment"), "not Pagefind's");
    rmSync(path.join(keptFolder(2), "kept-part.json"));
    expect(keptPages(await warmBuild())).toBe(2);
    expectSameSite(project, scratch);

    // The whole cache gone: a full index, and the parts kept again for the next build.
    rmSync(path.join(project.dir, ".cache/search"), { recursive: true });
    expect(keptPages(await warmBuild())).toBe(0);
    expectSameSite(project, scratch);
    expect(keptPages(await warmBuild())).toBe(6);
  });
});

describe("a kept part", () => {
  const page = (file: string, hash: string) => ({ file, hash });
  const pages = [page("a/one.html", "1"), page("b/two.html", "2")];

  function keptOne() {
    const dir = mkdtempSync(path.join(tmpdir(), "kept-part-"));
    const written = path.join(dir, "written");
    const manifest = path.join(dir, "cache/part-1/kept-part.json");
    return { dir, written, manifest };
  }

  it("is reused only for the same pages, in the same order, made by the same code and Pagefind", async () => {
    const { keptParts } = await import("../../src/search/kept-parts.ts");
    const { dir, written, manifest } = keptOne();
    const cache = keptParts(path.join(dir, "cache"));
    mkdirSync(path.join(written, "index"), { recursive: true });
    writeFileSync(path.join(written, "pagefind-entry.json"), "{}");
    writeFileSync(path.join(written, "index", "en_1.pf_index"), "words");
    await cache.keep(1, pages, written);

    const target = (name: string) => path.join(dir, name);
    expect(await cache.reuse(1, pages, target("same"))).toBe(true);
    expect(readFileSync(target("same/index/en_1.pf_index"), "utf8")).toBe("words");
    expect(await cache.reuse(1, [pages[0], page("b/two.html", "changed")], target("hash"))).toBe(false);
    expect(await cache.reuse(1, [pages[1], pages[0]], target("order"))).toBe(false);
    expect(await cache.reuse(1, pages.slice(0, 1), target("fewer"))).toBe(false);
    expect(await cache.reuse(2, pages, target("other-part"))).toBe(false);

    // Another Pagefind binary (Pagefind's PAGEFIND_BINARY_PATH) is another engine.
    process.env.PAGEFIND_BINARY_PATH = "/elsewhere/pagefind";
    try {
      expect(await keptParts(path.join(dir, "cache")).reuse(1, pages, target("binary"))).toBe(false);
    } finally {
      delete process.env.PAGEFIND_BINARY_PATH;
    }
    // Another engine (src/search/ or the lockfile changed since) made it: never reused.
    const kept = JSON.parse(readFileSync(manifest, "utf8")) as { engine: string };
    writeFileSync(manifest, JSON.stringify({ ...kept, engine: "another" }));
    expect(await cache.reuse(1, pages, target("engine"))).toBe(false);
    // Nothing is written for a part that is not reused.
    for (const name of ["hash", "order", "fewer", "other-part", "binary", "engine"])
      expect(existsSync(target(name))).toBe(false);
  });
});
