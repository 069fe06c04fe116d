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

describe("the end-of-block marker", () => {
  it("ends a list, a paragraph or a definition list on a line holding only ^, and is not written", () => {
    expect(render("* a\n^\n* b\n")).toBe("<ul><li>a</li></ul><ul><li>b</li></ul>");
    expect(render("para one\n^\npara two\n")).toBe("<p>para one</p><p>para two</p>");
    expect(render("kram\n: down\n^\nkram\n: down\n")).toBe(
      "<dl><dt>kram</dt><dd>down</dd></dl><dl><dt>kram</dt><dd>down</dd></dl>",
    );
  });
  it("keeps the last item wrapped when it ends the list after a blank line", () => {
    expect(render("* a\n* b\n\n^\n\n* c\n")).toBe("<ul><li>a</li><li><p>b</p></li></ul><ul><li>c</li></ul>");
  });
  it("is text when indented or not alone", () => {
    expect(render("  ^\ntext\n")).toBe("<p>^ text</p>");
    expect(render("text ^\nmore\n")).toBe("<p>text ^ more</p>");
  });
});

describe("guillemets", () => {
  it("turns << and >> into « and », with a no-break space for a space inside, even around a word", () => {
    expect(md.render("a << b >> c <<d>> e\n", {})).toBe("<p>a «\u00a0b\u00a0» c «d» e</p>\n");
  });
  it("leaves escaped and coded ones alone", () => {
    expect(render("`a << 2` and \\<< and \\>>")).toBe(
      '<p><code class="highlighter-rouge language-plaintext">a &lt;&lt; 2</code> and &lt;&lt; and &gt;&gt;</p>',
    );
  });
});

describe("strong and emphasis from one delimiter run", () => {
  it("puts strong outside, as kramdown does", () => {
    expect(render("***bold italic*** and ___both___, *__x__* and **_z_**")).toBe(
      "<p><strong><em>bold italic</em></strong> and <strong><em>both</em></strong>, <em><strong>x</strong></em> and <strong><em>z</em></strong></p>",
    );
  });
});

describe("heading ids numbered as kramdown numbers them", () => {
  it("turns a tab into - as it does a space", () => {
    expect(ids("## before\tafter tab\n")).toEqual(["before-after-tab"]);
  });
  it("gives a heading with nothing to make an id of no id and no link, and numbers the next such one", () => {
    expect(md.render("### ;.;;\n\n### ;;\n", {})).toBe(
      '<h3>;.;;</h3>\n<h3 id="-1"><a class="heading-link" href="#-1">;;</a></h3>\n',
    );
  });
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
