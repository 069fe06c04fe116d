// Hostile input (issue 14): what the engine does per post grows with the post's size, not its square. Work is
// counted, not timed: the string operations markdown-it and our rules make on an input ten times larger.
import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { plainText, wordCount } from "../../src/site/text.ts";
import { parseFrontMatter } from "../../src/posts/front-matter.ts";
import { REPO } from "../helpers/project.ts";

/** How many `slice` and `matchAll` calls on strings `run` makes: a count of the work done over the text. */
function stringOperations(run: () => void): number {
  const proto = String.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const originals = { slice: proto.slice, matchAll: proto.matchAll };
  let count = 0;
  for (const [name, original] of Object.entries(originals)) {
    proto[name] = function (this: string, ...args: unknown[]) {
      count += 1;
      return original.apply(this, args);
    };
  }
  try {
    run();
  } finally {
    Object.assign(proto, originals);
  }
  return count;
}

describe("raw HTML blocks left open", () => {
  const md = createMarkdown();
  // Each block tag that is never closed used to be followed to the end of the post: quadratic.
  for (const [what, unit] of [
    ["<div> and a blank line", "<div>\n\n"],
    ["pasted HTML without </p>", "<p>Some text\n\n"],
    ["nested blocks in a list", "- <section>\n\n  text\n\n"],
    ["in a blockquote", "> <div>\n>\n"],
    ["a paragraph of quotes and emphasis", "'a' *b* \"c\" "],
  ]) {
    it(`take ten times the work for ten times the input: ${what}`, () => {
      const small = stringOperations(() => md.render(unit.repeat(400), {}));
      const large = stringOperations(() => md.render(unit.repeat(4000), {}));
      expect(large / small).toBeLessThan(13);
    });
  }
});

describe("plain text of HTML with unclosed comments, scripts and tags", () => {
  // The definition the one-pass removal must keep: each hidden part removed left to right, lazily.
  const HIDDEN = /<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/gi;
  const reference = (html: string) =>
    html
      .replace(HIDDEN, "")
      .replace(/<[^>]*>/g, "")
      .replace(/\s+/g, " ")
      .trim();
  const PIECES = [
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<STYLE>",
    "</style>",
    "<",
    ">",
    "<p>",
    "word",
    " ",
    "-",
    "<!-->",
  ];

  it("gives what removing them with the regular expressions gave", () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let run = 0; run < 5000; run++) {
      const html = Array.from({ length: 1 + next(14) }, () => PIECES[next(PIECES.length)]).join("");
      expect(plainText(html), html).toBe(reference(html));
      expect(wordCount(html), html).toBe(reference(html) === "" ? 0 : reference(html).split(" ").length);
    }
  });

  it("read 2 MB of `<!--`, `<script` or `<` well within a generous budget the old regular expressions overran a hundredfold", async () => {
    // The old removal scanned to the end from each opening: 0.2 MB took 11 s, so 2 MB would take about
    // twenty minutes. A child process, so that a regression is stopped rather than blocking the test runner.
    const code = `
      const { plainText, wordCount } = await import(${JSON.stringify(`${REPO}/src/site/text.ts`)});
      for (const unit of ["<!--", "<script", "<style", "<"]) {
        const html = unit.repeat(2_000_000 / unit.length);
        plainText(html);
        wordCount(html);
      }`;
    const outcome = await new Promise<string>((resolve) =>
      execFile(
        process.execPath,
        ["--import", "tsx", "--input-type=module", "-e", code],
        { cwd: REPO, timeout: 60_000 },
        (error, _stdout, stderr) => resolve(error ? `${error.signal ?? error.code}: ${stderr}` : "done"),
      ),
    );
    expect(outcome).toBe("done");
  }, 90_000);
});

describe("a YAML alias bomb in front matter", () => {
  const levels = "abcdefgh".split("");
  const bomb = [
    `a: &a [${Array(9).fill('"lol"').join(", ")}]`,
    ...levels.slice(1).map((name, at) => `${name}: &${name} [${Array(9).fill(`*${levels[at]}`).join(", ")}]`),
  ].join("\n");

  for (const key of ["tags", "categories"]) {
    it(`is refused at once, naming the file and the line where the values pass the limit (as ${key})`, () => {
      const text = `\ntitle: bomb\n${bomb}\n${key}: *h\n`;
      // Line 1 of the file is `---`; `f` (9^6 values once expanded) is the first key past the limit.
      expect(() => parseFrontMatter(text, { filePath: "./posts/2021-01-01-bomb.md" })).toThrow(
        /^posts\/2021-01-01-bomb\.md:8: front matter holds more than 100,000 values once its aliases/,
      );
    });
  }

  it("still reads front matter with aliases of a sane size", () => {
    const data = parseFrontMatter(`\nbase: &base [docker, linux]\ntags: *base\ncategories: [*base, *base]\n`);
    expect(data.tags).toEqual(["docker", "linux"]);
  });
});

describe("an inline script or style in a post", () => {
  const md = createMarkdown();
  it("keeps its quotes and dashes as typed, as kramdown does, while the text around is curled", () => {
    // kramdown 2 (Jekyll 4.3): <p>Say ‘hi’ <script>alert('raw' -- 1)</script> and <style>a::after { content: '--' }</style> ‘bye’</p>
    const html = md.render(
      `Say 'hi' <script>alert('raw' -- 1)</script> and <style>a::after { content: '--' }</style> 'bye'\n`,
    );
    expect(html).toBe(
      `<p>Say ‘hi’ <script>alert('raw' -- 1)</script> and <style>a::after { content: '--' }</style> ‘bye’</p>\n`,
    );
  });
});
