// The authors' workflow, run as compose.yaml's `dev` service runs it: `npm start` (Eleventy's dev server)
// in a project, a post changed on disk shows on the served page; a broken front matter is reported in the
// terminal while the post's last good page stays up; fixing it recovers. Nothing is ever written into posts/.
// (tests/dev/errors.test.ts: the error in the page, a broken post at start, _config.yml changes.)
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, makeProject, post, type Project } from "../helpers/project.ts";
import { rawRequest } from "../helpers/nginx.ts";
import { readFragments } from "../helpers/search-blog.ts";
import { navigate, pollUntil, startDevServer as start, type DevServer } from "../helpers/dev-server.ts";

const POST = "posts/2024-01-02-hello.md";
const PAGE = "/test/2024/01/02/hello.html";
const FRONT = 'title: "Hello"\ndate: "2024-01-02 10:00:00 -0500"\ncategories: test';

/** `npm start` in the project, once the post's page is served. */
async function startDevServer(project: Project, env: Record<string, string> = {}): Promise<DevServer> {
  const server = await start(project, { env, ready: PAGE });
  expect(server.output()).toContain(`Server at http://localhost:${server.port}/`);
  return server;
}

/** The post's page as a browser navigating to it gets it. */
const page = (server: DevServer) => navigate(server, PAGE);

/** The text Pagefind's bundle holds for each page, [] while the bundle is missing or being written. */
function indexedText(project: Project): string[] {
  try {
    return readFragments(path.join(project.dir, "_site")).map((fragment) => fragment.content);
  } catch {
    return [];
  }
}

/** What the dev command must leave alone: every file in posts/ with its bytes and modification time. */
function snapshot(dir: string): Record<string, string> {
  const posts = path.join(dir, "posts");
  return Object.fromEntries(
    readdirSync(posts, { recursive: true, encoding: "utf8" }).map((f) => {
      const file = path.join(posts, f);
      const stat = statSync(file);
      return [f, stat.isFile() ? `${stat.mtimeMs} ${readFileSync(file, "utf8")}` : "folder"];
    }),
  );
}

const CONFIG = readFileSync(path.join(REPO, "_config.yml"), "utf8");

describe("npm start, as the dev container runs it", () => {
  it("shows a changed post, keeps the last good page on a broken front matter, recovers, and never writes into posts/", async () => {
    const project = makeProject({ "_config.yml": CONFIG, [POST]: post(FRONT, "First version.\n") });
    const server = await startDevServer(project);
    const first = await page(server);
    expect(first.text).toContain("First version.");
    // Live reload: the dev server puts its reload client into every page.
    expect(first.text).toMatch(/<script[^>]+src="\/\.11ty\/reload-client\.js/);
    // assets/ is served from where it is (not copied on each rebuild): the stylesheet the page links, as written.
    expect(first.text).toContain('href="/assets/css/main.css"');
    const css = await rawRequest(server.port, "/assets/css/main.css");
    expect(css.status).toBe(200);
    expect(css.body.toString()).toBe(readFileSync(path.join(project.dir, "assets/css/main.css"), "utf8"));

    project.write(POST, post(FRONT, "Second version.\n"));
    const shown = await pollUntil("the change is served", async () =>
      (await page(server)).text.includes("Second version."),
    );
    console.log(`dev server: change served after ${shown} ms`);

    const logged = server.output().length;
    project.write(POST, post('title: "Hello\ndate: "2024-01-02 10:00:00 -0500"', "Broken version.\n"));
    let before = snapshot(project.dir);
    await pollUntil("the error is shown and watching resumes", () => {
      const since = server.output().slice(logged);
      // The error, then the closing line of the rebuild that reported it (`npm start` is quiet: no "Watching…"
      // after an error). A rebuild already under way when the file was saved closes first, without the error.
      const reported = since.search(/front matter/i);
      return reported >= 0 && /Watching|Wrote \d+ files?/.test(since.slice(reported));
    });
    const error = server.output().slice(logged);
    expect(error).toContain(POST);
    expect(error).toMatch(/front matter/i);
    const during = await page(server);
    expect(during.status).toBe(200);
    expect(during.text).toContain("Second version.");
    expect(during.text).not.toContain("Broken version.");
    expect(snapshot(project.dir)).toEqual(before);

    project.write(POST, post(FRONT, "Third version.\n"));
    before = snapshot(project.dir);
    const recovered = await pollUntil("the fixed post is served", async () =>
      (await page(server)).text.includes("Third version."),
    );
    console.log(`dev server: fixed post served after ${recovered} ms`);
    // The render cache is written once saves pause, not after every rebuild.
    const cache = () => {
      try {
        return readFileSync(path.join(project.dir, ".cache/render/markdown.json"), "utf8");
      } catch {
        return "";
      }
    };
    await pollUntil("the render cache holds the last version", () => cache().includes("Third version."));
    expect(snapshot(project.dir)).toEqual(before);
    expect(Object.keys(before)).toEqual([path.basename(POST)]);
  }, 300_000);

  // The index is written after each rebuild, off the page's path; a save during it stops it and starts anew.
  it("keeps the search index in step with saves, the last of quick saves winning", async () => {
    const project = makeProject({ "_config.yml": CONFIG, [POST]: post(FRONT, "First version, quuxfirst.\n") });
    const server = await startDevServer(project);
    await pollUntil("the first build's index", () => indexedText(project).some((text) => text.includes("quuxfirst")));

    project.write(POST, post(FRONT, "Second version, quuxsecond.\n"));
    await pollUntil("the change is served", async () => (await page(server)).text.includes("quuxsecond"));
    await pollUntil("the change is indexed", () => indexedText(project).some((text) => text.includes("quuxsecond")));
    expect(indexedText(project).join("\n")).not.toContain("quuxfirst");

    project.write(POST, post(FRONT, "Third version, quuxthird.\n"));
    await pollUntil("the third version is served", async () => (await page(server)).text.includes("quuxthird"));
    project.write(POST, post(FRONT, "Fourth version, quuxfourth.\n"));
    await pollUntil("the last save is indexed", () => indexedText(project).some((text) => text.includes("quuxfourth")));
    expect(indexedText(project).join("\n")).not.toContain("quuxthird");
    expect(server.output()).not.toMatch(/Search index \(Pagefind\)/);
  }, 300_000);

  // Pages whose HTML did not change keep their transformed pictures between rebuilds (src/images/rebuilt.ts),
  // but only while nothing but posts changes: here the image's description changes and no post does.
  it("shows an image's new description on a page whose post was not saved", async () => {
    const image = "assets/images/docker-vm-diagram.png";
    const project = makeProject({
      "_config.yml": CONFIG,
      [POST]: post(FRONT, "First version.\n"),
      // The second picture: the first gives the page its og:image (and og:image:alt) in the head.
      "posts/2024-01-03-picture.md": post(
        'title: "Picture"\ndate: "2024-01-03 10:00:00 -0500"\ncategories: test',
        `![First](/assets/images/docker-container-diagram.png)\n\n![](/${image})\n`,
      ),
    });
    project.write(`${image}.yml`, 'alt: "quuxoldalt"\n');
    const server = await startDevServer(project);
    const picture = async () => (await rawRequest(server.port, "/test/2024/01/03/picture.html")).body.toString();
    await pollUntil("the picture's first description", async () => (await picture()).includes('alt="quuxoldalt"'));

    project.write(POST, post(FRONT, "Second version.\n"));
    await pollUntil("the saved post is served", async () => (await page(server)).text.includes("Second version."));
    expect(await picture()).toContain('alt="quuxoldalt"');

    project.write(`${image}.yml`, 'alt: "quuxnewalt"\n');
    await pollUntil("the new description on the unsaved post", async () =>
      (await picture()).includes('alt="quuxnewalt"'),
    );
    expect(await picture()).not.toContain("quuxoldalt");
  }, 300_000);

  it("sees changes with CHOKIDAR_USEPOLLING=true, the switch documented for Docker Desktop mounts", async () => {
    const project = makeProject({ "_config.yml": CONFIG, [POST]: post(FRONT, "First version.\n") });
    const server = await startDevServer(project, { CHOKIDAR_USEPOLLING: "true", CHOKIDAR_INTERVAL: "300" });
    project.write(POST, post(FRONT, "Polled version.\n"));
    const shown = await pollUntil("the change is served", async () =>
      (await page(server)).text.includes("Polled version."),
    );
    console.log(`dev server (polling): change served after ${shown} ms`);
  }, 300_000);
});
