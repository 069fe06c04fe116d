// Post metadata as real Jekyll 4.3.1 + jekyll-feed gives it, against this project's build: the fixture posts
// cover every rule of issue 2 item 4, built under several site configs (timezones, permalink styles, future
// posts and drafts on and off). Dates are also checked form by form against real Ruby (Time.parse, Psych).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, build, makeProject } from "../helpers/project.ts";
import { buildWithJekyll } from "../helpers/jekyll.ts";
import {
  compareFacts,
  compareWithJekyll,
  formatReport,
  readPostsFolder,
  staticFoldersBeside,
  type PostFacts,
} from "../helpers/parity.ts";
import { parseFrontMatterDate, parseRubyTime } from "../../src/posts/date.ts";
import { parseFrontMatter } from "../../src/posts/front-matter.ts";
import { defaultsFor } from "../../src/posts/defaults.ts";

const FIXTURES = path.join(REPO, "tests/fixtures/parity");
const RULES = readPostsFolder(path.join(FIXTURES, "rules/_posts"));
const BUILD_TIMEOUT = 180_000;

const published = Object.entries(RULES).filter(
  ([file, text]) => file.startsWith("_posts/") && !/^published: false$/m.test(text),
);
const FUTURE = published.filter(([file]) => file.includes("/2999-")).length;
const DRAFTS = Object.keys(RULES).filter((file) => file.startsWith("_drafts/")).length;
const PAST = published.length - FUTURE;

const VARIANTS: { name: string; overrides: Record<string, unknown>; built: number }[] = [
  {
    name: "New York, permalink date",
    overrides: { timezone: "America/New_York", permalink: "date", url: "https://blog.example.com" },
    built: PAST,
  },
  {
    name: "Berlin, permalink pretty, future posts and drafts, site excerpt separator, baseurl",
    overrides: {
      timezone: "Europe/Berlin",
      permalink: "pretty",
      future: true,
      show_drafts: true,
      excerpt_separator: "<!--more-->",
      url: "https://example.org",
      baseurl: "/blog",
    },
    built: PAST + FUTURE + DRAFTS,
  },
  {
    name: "Kolkata (+05:30), permalink ordinal, url and baseurl written with slashes",
    overrides: { timezone: "Asia/Kolkata", permalink: "ordinal", url: "https://Example.com/", baseurl: "blog/" },
    built: PAST,
  },
  {
    name: "Auckland, permalink weekdate, drafts",
    overrides: { timezone: "Pacific/Auckland", permalink: "weekdate", show_drafts: true },
    built: PAST + DRAFTS,
  },
  {
    name: "UTC, permalink none, future posts",
    overrides: { timezone: "UTC", permalink: "none", future: true, url: "https://x.example" },
    built: PAST + FUTURE,
  },
  {
    name: "Los Angeles, a custom template with every placeholder",
    overrides: {
      timezone: "America/Los_Angeles",
      permalink:
        "/:categories/:year/:month/:day/:i_month/:i_day/:short_year/:hour/:minute/:second/:y_day/:title/:slug:output_ext",
    },
    built: PAST,
  },
];

describe("post metadata equals real Jekyll's", () => {
  it("covers the seed article and every rule with fixtures", () => {
    expect(RULES["_posts/2020-02-21-docker-versus-virtual-machines.md"]).toBe(
      readFileSync(path.join(REPO, "posts/2020-02-21-docker-versus-virtual-machines.md"), "utf8"),
    );
    expect(FUTURE).toBeGreaterThan(0);
    expect(DRAFTS).toBeGreaterThan(0);
    expect(PAST).toBeGreaterThan(40);
  });

  for (const variant of VARIANTS) {
    it(
      variant.name,
      async () => {
        const report = await compareWithJekyll({
          posts: RULES,
          config: "title: Parity\n",
          overrides: variant.overrides,
          staticFolders: staticFoldersBeside(path.join(FIXTURES, "rules/_posts")),
        });
        expect(report.mismatches, formatReport(report)).toEqual([]);
        // Jekyll's own count; unpublished posts, and future posts and drafts unless asked for, are left out.
        expect(report.compared).toBe(variant.built);
      },
      BUILD_TIMEOUT,
    );
  }

  it(
    "holds for realistic posts with Liquid, links and a config of their own",
    async () => {
      const config = readFileSync(path.join(FIXTURES, "unseen/_config.yml"), "utf8");
      const posts = readPostsFolder(path.join(FIXTURES, "unseen/_posts"));
      const report = await compareWithJekyll({
        posts,
        config,
        staticFolders: staticFoldersBeside(path.join(FIXTURES, "unseen/_posts")),
      });
      expect(report.mismatches, formatReport(report)).toEqual([]);
      expect(report.compared).toBe(Object.values(posts).filter((text) => !/^published: false$/m.test(text)).length);
    },
    BUILD_TIMEOUT,
  );
});

describe("the comparison", () => {
  const facts = (over: Partial<PostFacts> = {}): PostFacts => ({
    url: "/a/2020/01/01/x.html",
    file: "a/2020/01/01/x.html",
    title: "X",
    date: "2020-01-01T00:00:00-05:00",
    categories: ["a"],
    tags: [],
    headingIds: ["one"],
    feedId: "https://e.x/a/2020/01/01/x",
    feedTitle: "X",
    feedSummary: "text",
    ...over,
  });

  it("reports a field that differs, a post only one side built, and pairs posts whose URL differs", () => {
    const jekyll = new Map([
      ["_posts/x.md", facts()],
      ["_posts/y.md", facts({ url: "/y.html", title: "Y" })],
      ["_posts/z.md", facts({ url: "/z.html", title: "Z" })],
    ]);
    const ours = new Map([
      ["/a/2020/01/01/x.html", facts({ headingIds: ["one-1"] })],
      ["/elsewhere/y.html", facts({ url: "/elsewhere/y.html", title: "Y" })],
      ["/extra.html", facts({ url: "/extra.html", title: "Extra" })],
    ]);
    expect(compareFacts(jekyll, ours)).toEqual([
      { post: "_posts/x.md", field: "headingIds", jekyll: '["one"]', ours: '["one-1"]' },
      { post: "_posts/y.md", field: "url", jekyll: "/y.html", ours: "/elsewhere/y.html" },
      { post: "_posts/z.md", field: "built", jekyll: "built at /z.html", ours: "not built" },
      { post: "/extra.html", field: "built", jekyll: "not built", ours: "built at /extra.html" },
    ]);
  });
});

// Forms people write in `date:`, each read by Ruby exactly as Jekyll reads it.
const DATE_TEXTS = readFileSync(path.join(FIXTURES, "date-forms.txt"), "utf8")
  .split("\n")
  .filter((line) => line && !line.startsWith("#"));
const ZONES = ["America/New_York", "Europe/Berlin", "Asia/Kolkata"];
const RUBY_TIME_PARSE = `require "time"; STDIN.read.split("\\n").each { |s| puts((Time.parse(s).localtime.strftime("%Y-%m-%dT%H:%M:%S.%L%:z") rescue "invalid")) }`;
const RUBY_YAML = `require "yaml"; require "time"; STDIN.read.split("\\n").each { |s| v = YAML.safe_load("date: " + s, permitted_classes: [Date, Time])["date"]; puts((Time.parse(v.to_s).localtime.strftime("%Y-%m-%dT%H:%M:%S.%L%:z") rescue "invalid")) }`;

function ruby(script: string, zone: string): string[] {
  return execFileSync("ruby", ["-e", script], {
    input: DATE_TEXTS.join("\n"),
    env: { ...process.env, TZ: zone },
    encoding: "utf8",
  })
    .trimEnd()
    .split("\n");
}

const show = (result: ReturnType<typeof parseRubyTime>) =>
  result.ok ? result.date.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ") : "invalid";

describe("dates read as Ruby reads them", () => {
  it.each(ZONES)("a quoted date is Time.parse in %s", (zone) => {
    const expected = ruby(RUBY_TIME_PARSE, zone);
    expect(DATE_TEXTS.map((text) => `${text} => ${show(parseRubyTime(text, zone))}`)).toEqual(
      DATE_TEXTS.map((text, i) => `${text} => ${expected[i]}`),
    );
  });

  it.each(ZONES)("an unquoted date is a YAML value (Psych) then Time.parse in %s", (zone) => {
    const expected = ruby(RUBY_YAML, zone);
    const ours = DATE_TEXTS.map((text) => {
      try {
        return show(parseFrontMatterDate(parseFrontMatter(`date: ${text}`).date, zone));
      } catch {
        return "invalid";
      }
    });
    expect(DATE_TEXTS.map((text, i) => `${text} => ${ours[i]}`)).toEqual(
      DATE_TEXTS.map((text, i) => `${text} => ${expected[i]}`),
    );
  });
});

describe("page.path", () => {
  it(
    "names a post _posts/NAME and a draft _drafts/NAME, as Jekyll --drafts does",
    async () => {
      const body = "path=[{{ page.path }}]\n";
      const files = {
        "_config.yml": "title: Paths\ntimezone: UTC\nshow_drafts: true\n",
        "posts/2020-01-01-a-post.md": `---\ntitle: A post\n---\n\n${body}`,
        "posts/_drafts/a-draft.md": `---\ntitle: A draft\ndate: 2020-01-02\n---\n\n${body}`,
      };
      // The two post pages (the default `date` permalink): what each body prints for page.path.
      const pathsIn = (site: string) =>
        ["2020/01/01/a-post.html", "2020/01/02/a-draft.html"].map(
          (page) => /<p>path=\[([^\]]*)\]<\/p>/.exec(readFileSync(path.join(site, page), "utf8"))?.[1],
        );
      const jekyll = await buildWithJekyll(files, { drafts: true });
      const project = makeProject(files);
      const result = await build(project.dir);
      expect(result.code, result.stderr).toBe(0);
      expect(pathsIn(jekyll.site)).toEqual(["_posts/2020-01-01-a-post.md", "_drafts/a-draft.md"]);
      expect(pathsIn(project.site)).toEqual(pathsIn(jekyll.site));
    },
    BUILD_TIMEOUT,
  );
});

describe("defaults scopes with a glob", () => {
  // Each scope sets a key named after it; a post's body prints the keys it got.
  const SCOPES: Record<string, string> = {
    question: "_posts/202?-01-*",
    questionWithoutStar: "_posts/202?-",
    bracket: "_posts/[a-z]*",
    bang: "_posts/[!s]*",
    caret: "_posts/[^s]*",
    range: "_posts/2020-0[1-3]*",
    brace: "_posts/{sub,x}/*",
    globstar: "_posts/**/*-delta.md",
    globstarAlone: "_posts/**",
    partOfName: "_posts/*-al",
    folder: "_posts/*/deep",
    trailingSlash: "_posts/*/*/",
    wholeName: "_posts/2021-02-0*.md",
    leadingSlash: "/_posts/*",
    drafts: "_drafts/*",
    top: "*",
  };
  const sets = Object.keys(SCOPES).map((name) => ({ scope: { path: SCOPES[name] }, values: { [name]: name } }));

  it(
    "apply to the posts real Jekyll applies them to",
    async () => {
      const body = `<p>got=[${Object.keys(SCOPES)
        .map((name) => `{{ page.${name} }}`)
        .join(" ")}]</p>\n`;
      const files: Record<string, string> = {
        "_config.yml": `timezone: UTC\ndefaults: ${JSON.stringify([{ scope: { path: "" }, values: { layout: "post" } }, ...sets])}\n`,
      };
      for (const file of [
        "posts/2020-01-01-alpha.md",
        "posts/2021-02-02-beta.md",
        "posts/sub/2020-03-03-gamma.md",
        "posts/sub/deep/2020-04-04-delta.md",
        "posts/_drafts/my-draft.md",
      ]) {
        files[file] = `---\ntitle: t\n---\n\n${body}`;
      }
      const jekyll = await buildWithJekyll(files, { drafts: true });
      expect(jekyll.posts).toHaveLength(5);
      for (const post of jekyll.posts) {
        const theirs = (/got=\[([^\]]*)\]/.exec(jekyll.body(post.url))?.[1] ?? "").split(/\s+/).filter(Boolean);
        const ours = Object.keys(defaultsFor(post.path, sets));
        expect(ours.sort(), post.path).toEqual(theirs.sort());
      }
      // Jekyll's glob names whole files and folders, not the start of a name, and none from a leading `/`.
      expect(Object.keys(defaultsFor("_posts/2020-01-01-alpha.md", sets)).sort()).toEqual(
        ["bang", "caret", "globstarAlone", "question", "range", "top"].sort(),
      );
    },
    BUILD_TIMEOUT,
  );
});
