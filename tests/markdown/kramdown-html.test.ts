// Raw HTML as kramdown reads it, block and span. Every expected value is what Debian's Jekyll 4.3.1 (kramdown
// 2.4, GFM input) wrote for the same Markdown, normalised as the parity tests do;
// tests/fixtures/markdown/posts/2021-04-20-html-blocks.md checks these shapes against real Jekyll in one post.
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { normalizeHtml } from "../helpers/normalize-html.ts";

const md = createMarkdown();
const render = (source: string) => normalizeHtml(md.render(source, {}));

describe("where an HTML block ends", () => {
  it("ends at the end tag, and what follows on its line starts a new block", () => {
    const html = md.render('<script src="x.js"></script><noscript><p><a href="/x">See it</a></p></noscript>\n', {});
    expect(html).toBe('<script src="x.js"></script>\n<noscript><p><a href="/x">See it</a></p></noscript>\n');
    expect(render("<div>id\n</div> text after\n")).toBe("<div>id</div><p>text after</p>");
    expect(render("<!-- a comment\n\nwith a blank line --> then text\n")).toBe(
      "<!-- a comment with a blank line --><p>then text</p>",
    );
  });
  it("reads on after thousands of blocks each followed by text on its line, without running out of stack", () => {
    const html = md.render("<div>x</div> tail\n\n".repeat(5000), {});
    expect(html.startsWith("<div>x</div>\n<p>tail</p>\n<div>x</div>\n<p>tail</p>\n")).toBe(true);
  });
  it("keeps blank lines and Markdown-looking lines inside the element as they are", () => {
    expect(render('<div class="note">\n\n<p>Inside with *stars*</p>\n\n</div>\nText after the div.\n')).toBe(
      '<div class="note"><p>Inside with *stars*</p></div><p>Text after the div.</p>',
    );
    expect(render("<details>\n<summary>Click</summary>\n\n```\ncode a < b\n```\n</details>\n")).toBe(
      "<details><summary>Click</summary>``` code a &lt; b ```</details>",
    );
  });
  it("runs an element never closed to the end of the post", () => {
    expect(render('Some text.\n\n<div class="unclosed">\nNot closed.\n\n## Heading?\n\nMore *text*.\n')).toBe(
      '<p>Some text.</p><div class="unclosed">Not closed. ## Heading? More *text*.</div>',
    );
  });
  it("counts nested elements of the same name, and reads a <script> to its own end tag", () => {
    expect(render("<div><div>\ntext\n</div>\n<script>'</div>'</script>\n</div>\nafter\n")).toBe(
      "<div><div>text</div><script>'&lt;/div&gt;'</script></div><p>after</p>",
    );
  });
  it("writes an end tag that closes nothing as text", () => {
    expect(render("para\n\n</div>\n\npara\n")).toBe("<p>para</p><p>&lt;/div&gt;</p><p>para</p>");
    expect(render("<div>\n</p>\n</div>\n")).toBe("<div>&lt;/p&gt;</div>");
  });
  it("leaves processing instructions, doctypes and CDATA to paragraphs", () => {
    expect(render("<?xml version='1.0'?>\n\npara\n")).toBe("<p>&lt;?xml version=’1.0’?&gt;</p><p>para</p>");
    expect(render("<!DOCTYPE html>\n\n<![CDATA[ x ]]>\n")).toBe(
      "<p>&lt;!DOCTYPE html&gt;</p><p>&lt;![CDATA[ x ]]&gt;</p>",
    );
  });
});

describe("paragraphs around HTML", () => {
  it("ends a paragraph at a block-level tag, not at <script> or a span-level tag", () => {
    expect(render("A paragraph\n<div>interrupted</div>\nand a paragraph\n<script>x()</script>\nkept.\n")).toBe(
      "<p>A paragraph</p><div>interrupted</div><p>and a paragraph <script>x()</script> kept.</p>",
    );
  });
  it("starts a paragraph with a span-level tag", () => {
    expect(render('<img src="/x.png" alt="">\nsome text\n')).toBe('<p><img alt="" src="/x.png"> some text</p>');
  });
});

describe("the markdown attribute on blocks", () => {
  it("reads a span-level element's content as one span of Markdown, and drops the attribute", () => {
    expect(render('<p markdown="1">A *span* para</p>\n')).toBe("<p>A <em>span</em> para</p>");
    expect(render('<div markdown="span">*para*</div>\n')).toBe("<div><em>para</em></div>");
  });
  it("leaves the content raw with markdown=0, dropping the attribute", () => {
    expect(render('<div markdown="0">*para*</div>\n')).toBe("<div>*para*</div>");
  });
});

describe("HTML inside a paragraph", () => {
  it("keeps the content of raw elements as typed: no dashes, quotes or emphasis; < and & escaped", () => {
    expect(md.render('Run <kbd>--version</kbd> and <script>if (a) { x = "y" && 1 < 2 }</script>.\n', {})).toBe(
      '<p>Run <kbd>--version</kbd> and <script>if (a) { x = "y" &amp;&amp; 1 &lt; 2 }</script>.</p>\n',
    );
    expect(render("<mark>*raw*</mark> <em>*parsed*</em>\n")).toBe("<p><mark>*raw*</mark> <em><em>parsed</em></em></p>");
  });
  it("reads and drops the markdown attribute", () => {
    expect(render('<span markdown="1">*em*</span> <span markdown="0">*text*</span>\n')).toBe(
      "<p><span><em>em</em></span> <span>*text*</span></p>",
    );
  });
  it("writes an end tag that closes nothing, and a block-level tag, as text", () => {
    expect(render("a </em> stray and <hR> rule\n")).toBe("<p>a &lt;/em&gt; stray and &lt;hR&gt; rule</p>");
  });
});

describe("the markdown attribute inside raw HTML", () => {
  it("reads a cell's content as Markdown blocks, to its end tag at the start of a line", () => {
    expect(
      render(
        '<table>\n<tr><td markdown="1">*a* and `b`</td><td markdown="block">\n## H\n\n* item\n</td></tr>\n</table>\n',
      ),
    ).toBe(
      '<table><tr><td><p><em>a</em> and <code class="highlighter-rouge language-plaintext">b</code>&lt;/td&gt;&lt;td markdown="block"&gt;</p><h2 id="h">H</h2><ul><li>item</li></ul></td></tr></table>',
    );
  });
  it("reads a span of Markdown inside an element kept raw", () => {
    expect(render('A <span markdown="0">*raw* <b markdown="1">*md*</b> end</span> here.\n')).toBe(
      "<p>A <span>*raw* <b><em>md</em></b> end</span> here.</p>",
    );
  });
});
