// kramdown's per-item paragraphs and its heading id numbering, with Jekyll 4.3.1's output (kramdown 2.4) as
// the expected value. tests/fixtures/markdown/posts/2021-03-12-list-paragraphs.md and -13-repeated-ids.md
// check many more shapes against real Jekyll.
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { normalizeHtml } from "../helpers/normalize-html.ts";

const md = createMarkdown();
const render = (source: string) => normalizeHtml(md.render(source, {}));
const ids = (source: string) => [...md.render(source, {}).matchAll(/<h\d[^>]* id="([^"]+)"/g)].map((m) => m[1]);

describe("paragraphs in list items and definitions, decided per item", () => {
  it("leaves an item's text bare before a nested list", () => {
    expect(render("* Language core features\n    * Keyword arguments\n")).toBe(
      "<ul><li>Language core features<ul><li>Keyword arguments</li></ul></li></ul>",
    );
  });
  it("wraps an item followed by a blank line, and the last item when every earlier one is wrapped", () => {
    expect(render("* a\n\n* b\n  c\n\n  d\n* e\n")).toBe(
      "<ul><li><p>a</p></li><li><p>b c</p><p>d</p></li><li><p>e</p></li></ul>",
    );
    expect(render("* a\n* b\n\n* c\n")).toBe("<ul><li>a</li><li><p>b</p></li><li>c</li></ul>");
  });
  it("wraps a definition only after a blank line", () => {
    expect(render("Term\n: text\n  * nested\n\nTerm 2\n\n: after a blank line\n")).toBe(
      "<dl><dt>Term</dt><dd>text<ul><li>nested</li></ul></dd><dt>Term 2</dt><dd><p>after a blank line</p></dd></dl>",
    );
  });
});

describe("heading ids numbered as kramdown numbers them", () => {
  it("writes a repeated {#id} as given, and numbers automatic ids per base only", () => {
    expect(ids("## A {#same}\n\n## B {#same}\n\n## same\n\n## same\n\n## a\n## a\n## a-1\n## a\n")).toEqual([
      "same",
      "same",
      "same",
      "same-1",
      "a",
      "a-1",
      "a-1",
      "a-2",
    ]);
  });
});
