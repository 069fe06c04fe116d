// kramdown's lists, definition lists and blockquotes (kramdown/parser/kramdown/list.rb, blockquote.rb) read
// line by line as kramdown reads them; every expected value is Jekyll 4.3.1's output (kramdown 2.4, GFM
// input) for the same source.
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { normalizeHtml } from "../helpers/normalize-html.ts";

const md = createMarkdown();
const render = (source: string) => normalizeHtml(md.render(source, {}));
const code = (text: string) =>
  `<div class="highlighter-rouge language-plaintext"><div class="highlight"><pre class="highlight"><code>${text} </code></pre></div></div>`;

describe("lists", () => {
  it("start inside a paragraph at any number, as GFM input has it", () => {
    expect(render("Registration opens on March 28 and 29,\n2008. Registration is free.\n")).toBe(
      "<p>Registration opens on March 28 and 29,</p><ol><li>Registration is free.</li></ol>",
    );
  });
  it("take a code block's indentation from the first line's marker and the whitespace after it", () => {
    expect(render("* \n        code in item\n")).toBe(`<ul><li>${code("code in item")}</li></ul>`);
    expect(render("1.  a\n\n        code\n")).toBe(`<ol><li><p>a</p>${code("code")}</li></ol>`);
    expect(render("*     five spaces\n      continued\n")).toBe("<ul><li>five spaces continued</li></ul>");
  });
  it("keep lazy lines, another marker kind among them, in the item", () => {
    expect(render("* item\nlazy line\n* next\n")).toBe("<ul><li>item lazy line</li><li>next</li></ul>");
    expect(render("* bullet\n1. ordered right after\n")).toBe(
      "<ul><li>bullet<ol><li>ordered right after</li></ol></li></ul>",
    );
    expect(render("1. a\n   * nested\n* bullet after nested\n")).toBe(
      "<ol><li>a<ul><li>nested * bullet after nested</li></ul></li></ol>",
    );
  });
  it("nest a list indented under an item's text, and start a new list after a blank line and another marker", () => {
    expect(render("* Language core\n  1. first\n  2. second\n* next\n")).toBe(
      "<ul><li>Language core<ol><li>first</li><li>second</li></ol></li><li>next</li></ul>",
    );
    expect(render("* bullet\n\n1. ordered\n")).toBe("<ul><li>bullet</li></ul><ol><li>ordered</li></ol>");
    expect(render("* star\n- dash\n+ plus\n")).toBe("<ul><li>star</li><li>dash</li><li>plus</li></ul>");
    expect(render("* a\n * b\n  * c\n")).toBe("<ul><li>a</li><li>b</li><li>c</li></ul>");
  });
  it("read a tab after the marker to the next multiple of 4, and number from the marker's place no matter its value", () => {
    expect(render("*\tTab item\n\tcontinued\n")).toBe("<ul><li>Tab item continued</li></ul>");
    expect(render("3. three\n4. four\n")).toBe("<ol><li>three</li><li>four</li></ol>");
  });
  it("give an IAL at the start of an item to the item, and make any list before `{:toc}` the table of contents", () => {
    expect(render("*   {:.cls} first item\n* second\n")).toBe(
      '<ul><li class="cls">first item</li><li>second</li></ul>',
    );
    expect(render("* TOC\n{:toc}\n\n## One\n")).toBe(
      '<ul id="markdown-toc"><li><a href="#one" id="markdown-toc-one">One</a></li></ul><h2 id="one">One</h2>',
    );
  });
});

describe("blockquotes", () => {
  it("take every line up to a blank line, so a list right under a quoted line is in the quote", () => {
    expect(render("> quote\n* item\n")).toBe("<blockquote><p>quote</p><ul><li>item</li></ul></blockquote>");
    expect(render("> > nested\n> back\nlazy\n")).toBe(
      "<blockquote><blockquote><p>nested back lazy</p></blockquote></blockquote>",
    );
    expect(render("> a\n\n> b\n")).toBe("<blockquote><p>a</p></blockquote><blockquote><p>b</p></blockquote>");
  });
  it("end at a block IAL, which goes to the quote, or at a block-level HTML tag", () => {
    expect(render("> quote\n{:.x}\n")).toBe('<blockquote class="x"><p>quote</p></blockquote>');
    expect(render("> a\n<div>x</div>\n")).toBe("<blockquote><p>a</p></blockquote><div>x</div>");
  });
});

describe("nesting", () => {
  it("stops at markdown-it's maxNesting however deep the items go", () => {
    const deep = Array.from({ length: 300 }, (_, i) => `${" ".repeat(2 * i)}* x\n`).join("");
    const lists = md.render(deep, {}).match(/<ul>/g) ?? [];
    expect(lists.length).toBeGreaterThan(10);
    expect(lists.length).toBeLessThanOrEqual(100);
  });
});

describe("task lists", () => {
  it("mark every later item of a list that has a task, as kramdown-parser-gfm does", () => {
    expect(render("* a\n  * d\n* [ ] task\n    * e\n+ c\n")).toBe(
      '<ul class="task-list"><li>a<ul><li>d</li></ul></li><li class="task-list-item"><input class="task-list-item-checkbox" disabled="disabled" type="checkbox">task<ul><li>e</li></ul></li><li class="task-list-item">c</li></ul>',
    );
  });
});

describe("definition lists", () => {
  it("take each line of the paragraph before as a term", () => {
    expect(render("Term one\nTerm two\n: definition\n\n: second\n")).toBe(
      "<dl><dt>Term one</dt><dt>Term two</dt><dd>definition</dd><dd><p>second</p></dd></dl>",
    );
  });
  it("join the list before them, with the IAL above the first terms", () => {
    expect(render("{:.wide}\nTerm\n: def\n\nOther\n: def 2\n")).toBe(
      '<dl class="wide"><dt>Term</dt><dd>def</dd><dt>Other</dt><dd>def 2</dd></dl>',
    );
  });
  it("give terms ids when the list's IAL says auto_ids", () => {
    expect(render("{:auto_ids}\nFirst term\n: def\n")).toBe('<dl><dt id="first-term">First term</dt><dd>def</dd></dl>');
  });
  it("read a definition's lines from its content column", () => {
    expect(render("Term\n:   definition\n    continued\n\n    second para\n")).toBe(
      "<dl><dt>Term</dt><dd>definition continued<p>second para</p></dd></dl>",
    );
  });
});
