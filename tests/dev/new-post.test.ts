// `npm run new` and `npm run publish`, run as an author runs them in a project: file names from titles
// (Jekyll's slugify), front matter that this engine and real Jekyll read to the same URL and date, no file
// ever overwritten, and titles that make no file name refused with a message.
import { execFile } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, build, makeProject, type Project } from "../helpers/project.ts";
import { buildWithJekyll } from "../helpers/jekyll.ts";

const CONFIG = readFileSync(path.join(REPO, "_config.yml"), "utf8");
// 03:30 UTC is the evening before in the site's timezone (America/New_York): the file's date is the site's.
const NOW = "2024-03-10T03:30:00Z";
const DAY = "2024-03-09";
const DATE_LINE = 'date: "2024-03-09 22:30:00 -0500"';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function npmRun(project: Project, script: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      "npm",
      ["run", "-s", script, "--", ...args],
      { cwd: project.dir, env: { ...process.env, BLOG_NOW: NOW } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const postsIn = (project: Project) =>
  readdirSync(path.join(project.dir, "posts"), { recursive: true, encoding: "utf8" }).sort();

describe("npm run new and npm run publish", () => {
  it("names files from titles, writes Jekyll's front matter, and this engine and Jekyll agree on URL and date", async () => {
    const project = makeProject({ "_config.yml": CONFIG });
    const made = await npmRun(project, "new", "My Title: Docker & VMs", "--categories", "docker,linux", "--tags", "x");
    expect(made.stderr).toBe("");
    expect(made.code).toBe(0);
    const file = `posts/${DAY}-my-title-docker-vms.md`;
    expect(made.stdout).toContain(`Wrote ${file}`);
    expect(made.stdout).toContain("https://blog.example.com/docker/linux/2024/03/09/my-title-docker-vms.html");
    expect(readFileSync(path.join(project.dir, file), "utf8")).toBe(
      `---\nlayout: post\ntitle: "My Title: Docker & VMs"\n${DATE_LINE}\ncategories: [docker, linux]\ntags: [x]\n---\n\n`,
    );
    // Non-Latin titles keep their letters, as Jekyll's slugify does; the URL is percent-encoded.
    const russian = await npmRun(project, "new", "Привет, мир!");
    expect(russian.stdout).toContain(`Wrote posts/${DAY}-привет-мир.md`);
    const chinese = await npmRun(project, "new", "你好，世界", "--categories", "notes");
    expect(chinese.stdout).toContain(`Wrote posts/${DAY}-你好-世界.md`);
    // A draft: no date until it is published, which dates it now.
    const draft = await npmRun(project, "new", "Draft Idea", "--draft", "--categories", "docker");
    expect(draft.stdout).toContain("Wrote posts/_drafts/draft-idea.md");
    expect(readFileSync(path.join(project.dir, "posts/_drafts/draft-idea.md"), "utf8")).not.toMatch(/^date:/m);
    project.write(
      "posts/_drafts/draft-idea.md",
      `${readFileSync(path.join(project.dir, "posts/_drafts/draft-idea.md"), "utf8")}Idea body.\n`,
    );
    const published = await npmRun(project, "publish", "posts/_drafts/draft-idea.md");
    expect(published.code).toBe(0);
    expect(published.stdout).toContain(`as posts/${DAY}-draft-idea.md`);
    expect(existsSync(path.join(project.dir, "posts/_drafts/draft-idea.md"))).toBe(false);
    expect(readFileSync(path.join(project.dir, `posts/${DAY}-draft-idea.md`), "utf8")).toBe(
      `---\nlayout: post\ntitle: "Draft Idea"\n${DATE_LINE}\ncategories: [docker]\n---\n\nIdea body.\n`,
    );

    // Real Jekyll and this engine on the same files: the same URLs and dates, and the URLs printed.
    const files = Object.fromEntries(
      postsIn(project)
        .filter((name) => name.endsWith(".md"))
        .map((name) => [`posts/${name}`, readFileSync(path.join(project.dir, "posts", name), "utf8")]),
    );
    expect(Object.keys(files)).toHaveLength(4);
    const jekyll = await buildWithJekyll({ "_config.yml": CONFIG, ...files });
    expect(jekyll.posts).toHaveLength(4);
    const ours = await build(project.dir, { BLOG_NOW: NOW });
    expect(ours.code).toBe(0);
    const printed = [made, russian, chinese, published].map((run) => run.stdout).join("\n");
    for (const post of jekyll.posts) {
      expect(post.date).toBe("2024-03-09T22:30:00-05:00");
      expect(printed).toContain(`https://blog.example.com${post.url}`);
      const page = readFileSync(path.join(project.site, decodeURI(post.url)), "utf8");
      expect(page).toContain(`datetime="${post.date}"`);
    }
  }, 300_000);

  it("never overwrites: a second post of the same title, or a draft published onto an existing post", async () => {
    const project = makeProject({ "_config.yml": CONFIG });
    expect((await npmRun(project, "new", "Same Title")).code).toBe(0);
    const file = path.join(project.dir, `posts/${DAY}-same-title.md`);
    project.write(`posts/${DAY}-same-title.md`, "---\ntitle: Mine\n---\n\nMy words.\n");
    const again = await npmRun(project, "new", "Same Title");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`posts/${DAY}-same-title.md already exists`);
    expect(readFileSync(file, "utf8")).toContain("My words.");

    expect((await npmRun(project, "new", "Same Title", "--draft")).code).toBe(0);
    const publish = await npmRun(project, "publish", "posts/_drafts/same-title.md");
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain("already exists");
    expect(readFileSync(file, "utf8")).toContain("My words.");
    expect(existsSync(path.join(project.dir, "posts/_drafts/same-title.md"))).toBe(true);

    const notDraft = await npmRun(project, "publish", `posts/${DAY}-same-title.md`);
    expect(notDraft.code).toBe(1);
    expect(notDraft.stderr).toContain("is not a draft");
    const missing = await npmRun(project, "publish", "posts/_drafts/nothing.md");
    expect(missing.stderr).toContain("There is no posts/_drafts/nothing.md");
  }, 300_000);

  it("refuses titles that make no file name, and shortens very long ones at a word", async () => {
    const project = makeProject({ "_config.yml": CONFIG });
    for (const title of ["", "   ", "!!! ??? ...", "—"]) {
      const run = await npmRun(project, "new", title);
      expect(run.code, title).toBe(1);
      expect(run.stderr, title).toContain("has no letter or digit to name the file with");
    }
    expect((await npmRun(project, "new")).stderr).toContain("Give the title");
    expect(postsIn(project)).toEqual([]);

    const long = `${"Containers ".repeat(30)}end`;
    const run = await npmRun(project, "new", long);
    expect(run.code).toBe(0);
    const [name] = postsIn(project);
    const slug = name.slice(`${DAY}-`.length, -".md".length);
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^(containers-)+containers$/);
    expect(readFileSync(path.join(project.dir, "posts", name), "utf8")).toContain(`title: "${long}"`);
  }, 300_000);
});
