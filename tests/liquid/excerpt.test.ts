// An excerpt is rendered as its post is, Liquid first (issue 15 item 10): `{{ site.baseurl }}` and `{{ page.title }}`
// in a post's first paragraph come out rendered on the home page and in the feed's summary, as real Jekyll renders
// them, and the image they point at goes through the image step like any other.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument } from "htmlparser2";
import type { Element } from "domhandler";
import { findAll, findOne, getAttributeValue, textContent } from "domutils";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWithJekyll, type JekyllSite } from "../helpers/jekyll.ts";
import { build, makeProject, post, type BuildResult, type Project } from "../helpers/project.ts";

const FILES = {
  "_config.yml": 'title: "Excerpts"\nurl: "https://example.org"\nbaseurl: "/blog"\ntimezone: Europe/Berlin\n',
  "posts/2021-03-04-pictures.md": post(
    'title: "Pictures"',
    "The diagram of {{ page.title }}: ![A diagram]({{ site.baseurl }}/assets/images/docker-vm-diagram.png)" +
      " and [the about page]({{ site.baseurl }}/about/).\n\nThe second paragraph is not in the excerpt.\n",
  ),
};

const isA = (name: string) => (element: Element) => element.name === name;
const summaries = (feed: string) => [...feed.matchAll(/<summary[^>]*>([\s\S]*?)<\/summary>/g)].map((m) => m[1]);
const normalized = (text: string) => text.replace(/\s+/g, " ").trim();

describe("Liquid in an excerpt", { timeout: 240_000 }, () => {
  let project: Project;
  let result: BuildResult;
  let jekyll: JekyllSite;

  beforeAll(async () => {
    project = makeProject(FILES);
    [result, jekyll] = await Promise.all([build(project.dir), buildWithJekyll(FILES)]);
  });

  it("is rendered on the home page, with the same text as Jekyll's excerpt", () => {
    expect(result.code, result.stderr).toBe(0);
    const home = parseDocument(readFileSync(path.join(project.site, "index.html"), "utf8"));
    const summary = findOne((element) => element.attribs.class === "p-summary", home.children);
    expect(summary).toBeTruthy();
    const text = normalized(textContent(summary!));
    expect(text).not.toContain("{{");
    expect(text).toBe(jekyll.posts[0].excerpt);
    expect(text).toBe("The diagram of Pictures: and the about page.");
    const link = findOne(
      (element) => isA("a")(element) && textContent(element) === "the about page",
      summary!.children,
    );
    expect(link && getAttributeValue(link, "href")).toBe("/blog/about/");
    // The image step found the file the rendered path names and made its <picture>.
    const picture = findOne(isA("picture"), summary!.children);
    const img = picture && findOne(isA("img"), picture.children);
    expect(img && getAttributeValue(img, "alt")).toBe("A diagram");
    expect(getAttributeValue(img!, "src")).toMatch(/^\/blog\/img\/docker-vm-diagram-[\w-]{10}-\d+\.png$/);
    for (const source of findAll(isA("source"), summary!.children))
      expect(getAttributeValue(source, "srcset")).not.toContain("{");
  });

  it("is rendered in the post's description (jekyll-seo-tag's, from the excerpt)", () => {
    const page = readFileSync(path.join(project.site, "2021/03/04/pictures.html"), "utf8");
    expect(page).toContain('<meta name="description" content="The diagram of Pictures: and the about page.">');
  });

  it("is rendered in the feed's summary exactly as jekyll-feed writes it", () => {
    const ours = summaries(readFileSync(path.join(project.site, "feed.xml"), "utf8"));
    const theirs = summaries(jekyll.feed);
    expect(theirs).toHaveLength(1);
    expect(ours).toEqual(theirs);
    expect(ours[0]).toContain("The diagram of Pictures: and the about page.");
  });
});
