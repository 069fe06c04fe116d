// kramdown's math (as its default MathJax engine writes it) and its footnotes' back links and placement, with
// Jekyll 4.3.1's output (kramdown 2.4, GFM input) as the expected value; kramdown's own cases block/15_math,
// span/math and span/04_footnote run against real Jekyll in kramdown-testcases.test.ts.
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { normalizeHtml } from "../helpers/normalize-html.ts";

const md = createMarkdown();
const render = (source: string) => normalizeHtml(md.render(source, {}));

describe("math", () => {
  it("writes $$...$$ in text as \\(...\\), a block of its own as \\[...\\], the TeX escaped and not read as Markdown", () => {
    expect(render("Euler: $$e^{i\\pi} + 1 = 0$$ and $$a<b$$, $$a_1 * b_2$$.\n\n$$\n\\sum_{i=1}^n i\n$$\n")).toBe(
      "<p>Euler: \\(e^{i\\pi} + 1 = 0\\) and \\(a&lt;b\\), \\(a_1 * b_2\\).</p>\\[\\sum_{i=1}^n i\\]",
    );
  });
  it("is inline when the $$ line continues a paragraph or text follows it", () => {
    expect(render("Text\n$$x$$\n\n$$y$$ then text\n")).toBe("<p>Text \\(x\\)</p><p>\\(y\\) then text</p>");
  });
  it("counts in a heading's id", () => {
    expect(render("## With $$x_1$$\n")).toBe('<h2 id="with-x_1">With \\(x_1\\)</h2>');
  });
});

describe("footnotes", () => {
  it("put the back link in a paragraph of its own when the note ends with another block or is empty", () => {
    expect(render("a[^n] b[^e]\n\n[^n]:\n    ```\n    code\n    ```\n[^e]:\n")).toContain(
      '<code>code </code></pre></div></div><p><a class="reversefootnote" href="#fnref:n" role="doc-backlink">↩</a></p></li>' +
        '<li id="fn:e" role="doc-endnote"><p><a class="reversefootnote" href="#fnref:e" role="doc-backlink">↩</a></p></li>',
    );
  });
  it("stand where a list given {:footnotes} stands, in its place", () => {
    expect(render("* placeholder\n{:footnotes}\n\nText[^1].\n\n[^1]: Note.\n")).toBe(
      '<div class="footnotes" role="doc-endnotes"><ol><li id="fn:1" role="doc-endnote"><p>Note. <a class="reversefootnote" href="#fnref:1" role="doc-backlink">↩</a></p></li></ol></div>' +
        '<p>Text<sup id="fnref:1" role="doc-noteref"><a class="footnote" href="#fn:1" rel="footnote">1</a></sup>.</p>',
    );
  });
});
