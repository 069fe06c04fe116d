// One test per kramdown rule, with Jekyll 4.3.1's output (kramdown 2, Rouge 3.30) as the expected value.
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { gfmHeadingId } from "../../src/markdown/heading-ids.ts";
import { smartQuotes } from "../../src/markdown/smart-quotes.ts";
import { highlightFigure, parseHighlightArgs } from "../../src/liquid/highlight.ts";
import { jsonify, withoutLiquid } from "../../src/liquid/index.ts";
import { normalizeHtml } from "../helpers/normalize-html.ts";

const md = createMarkdown();
const render = (source: string) => normalizeHtml(md.render(source, {}));
const ids = (source: string) => [...md.render(source, {}).matchAll(/<h\d[^>]* id="([^"]+)"/g)].map((m) => m[1]);

describe("heading ids (kramdown's GFM algorithm)", () => {
  it("keeps Unicode letters and letter numbers, drops other symbols, does not collapse runs", () => {
    expect(gfmHeadingId("Ünïcödé Ελληνικά 日本語")).toBe("ünïcödé-ελληνικά-日本語");
    expect(gfmHeadingId("Heading ❤️ x² Ⅻ ß İstanbul _under_ a&b")).toBe("heading-️-x-ⅻ-ß-i̇stanbul-_under_-ab");
    expect(gfmHeadingId("Spaces   inside")).toBe("spaces---inside");
  });
  it("works on the typographer's output and numbers duplicates", () => {
    expect(ids('## Ruby vs. Python -- "fast" or not...\n## C++ & C# -- what\'s "new"?')).toEqual([
      "ruby-vs-python--fast-or-not",
      "c--c--whats-new",
    ]);
    expect(ids("## Naïve approach with `cat` & grep\n## Naïve approach with `cat` & grep")).toEqual([
      "naïve-approach-with-cat--grep",
      "naïve-approach-with-cat--grep-1",
    ]);
    expect(ids("## Emoji 🚀 rocket :smile:\n## <em>html</em> heading\n## Hello ##")).toEqual([
      "emoji--rocket-smile",
      "html-heading",
      "hello",
    ]);
  });
  it("takes an id written as {#id}", () => {
    expect(ids("## First {#custom-id}")).toEqual(["custom-id"]);
  });
});

describe("heading links", () => {
  it("makes the heading's own text the link to it: one focusable element, read once", () => {
    expect(md.render("## How Is Docker Different?", {})).toBe(
      '<h2 id="how-is-docker-different"><a class="heading-link" href="#how-is-docker-different">How Is Docker Different?</a></h2>\n',
    );
  });
  it("adds no link to a heading that holds one, since links cannot nest", () => {
    expect(md.render("## [link](http://x.com) heading", {})).toBe(
      '<h2 id="link-heading"><a href="http://x.com">link</a> heading</h2>\n',
    );
  });
});

describe("typography", () => {
  it("uses kramdown's quotes, dashes and ellipsis only", () => {
    expect(render("Quotes \"double\" and 'single' and it's -- dash --- em... (c) (tm) +- the '80s.")).toBe(
      "<p>Quotes “double” and ‘single’ and it’s – dash — em… (c) (tm) +- the ’80s.</p>",
    );
  });
  it("curls lone quotes by their neighbours, as kramdown does", () => {
    expect(smartQuotes('two 27" 1440p')).toBe("two 27” 1440p");
    expect(smartQuotes('[{"name":"zed","kind":"a"}]')).toBe("[{“name”:”zed”,”kind”:”a”}]");
  });
  it("links only <https://...>, not bare URLs, and keeps soft line breaks", () => {
    expect(render("See https://example.com/foo and <https://auto.link>\nnext line")).toBe(
      '<p>See https://example.com/foo and <a href="https://auto.link">https://auto.link</a> next line</p>',
    );
  });
});

describe("code", () => {
  it("wraps fenced and indented code in Rouge's markup", () => {
    expect(render("```ruby\nputs 1\n```")).toMatch(
      /^<div class="highlighter-rouge language-ruby"><div class="highlight"><pre class="highlight"><code>puts 1 <\/code><\/pre><\/div><\/div>$/,
    );
    expect(render("    indented\n")).toBe(
      '<div class="highlighter-rouge language-plaintext"><div class="highlight"><pre class="highlight"><code>indented </code></pre></div></div>',
    );
  });
  it("leaves a language Rouge does not know bare", () => {
    expect(render("```foo\nunknown <lang>\n```")).toBe(
      '<pre><code class="language-foo">unknown &lt;lang&gt; </code></pre>',
    );
  });
  it("marks inline code", () => {
    expect(render("`x`")).toBe('<p><code class="highlighter-rouge language-plaintext">x</code></p>');
  });
  it("highlights at build time, with Jekyll's figure and Rouge's line-number table", () => {
    const plain = highlightFigure("\ndef x\n  1\nend\n", { language: "ruby", lineNumbers: false });
    expect(plain).toMatch(
      /^<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby"><span class="token keyword">def<\/span>/,
    );
    expect(plain).toMatch(/end<\/span><\/code><\/pre><\/figure>$/);
    const numbered = highlightFigure("a = 1\nb = 2", { language: "python", lineNumbers: true });
    expect(normalizeHtml(numbered)).toBe(
      '<figure class="highlight"><pre><code class="language-python" data-lang="python"><table class="rouge-table"><tbody><tr><td class="gl gutter"><pre class="lineno">1 2</pre></td><td class="code"><pre>a = 1 b = 2</pre></td></tr></tbody></table></code></pre></figure>',
    );
    expect(parseHighlightArgs("C++ linenos")).toEqual({ language: "c++", lineNumbers: true });
  });
});

describe("attribute lists", () => {
  it("applies block and span IALs", () => {
    expect(render('A paragraph.\n{: .lead #intro data-x="1"}')).toBe(
      '<p class="lead" data-x="1" id="intro">A paragraph.</p>',
    );
    expect(render("*em*{: .hl} and **strong**{:.s}")).toBe(
      '<p><em class="hl">em</em> and <strong class="s">strong</strong></p>',
    );
    expect(render("## Second\n{: .no_toc}")).toBe('<h2 class="no_toc" id="second">Second</h2>');
  });
  it("leaves a malformed attribute list as text and drops words kramdown ignores", () => {
    expect(render("Bad attr {: .oops\n{: this is not valid}")).toBe("<p>Bad attr {: .oops</p>");
  });
});

describe("table of contents", () => {
  it("lists headings with markdown-toc ids, nested, without .no_toc ones", () => {
    expect(render("* TOC\n{:toc}\n\n## One\n### Two [link](/x)\n## Skip\n{: .no_toc}")).toBe(
      '<ul id="markdown-toc"><li><a href="#one" id="markdown-toc-one">One</a><ul><li><a href="#two-link" id="markdown-toc-two-link">Two link</a></li></ul></li></ul>' +
        '<h2 id="one">One</h2><h3 id="two-link">Two <a href="/x">link</a></h3><h2 class="no_toc" id="skip">Skip</h2>',
    );
  });
});

describe("footnotes, definition lists, abbreviations, tables, task lists, HTML", () => {
  it("writes footnotes as kramdown does", () => {
    expect(render("A[^1] b[^1]\n\n[^1]: Note.")).toBe(
      '<p>A<sup id="fnref:1" role="doc-noteref"><a class="footnote" href="#fn:1" rel="footnote">1</a></sup> b<sup id="fnref:1:1" role="doc-noteref"><a class="footnote" href="#fn:1" rel="footnote">1</a></sup></p>' +
        '<div class="footnotes" role="doc-endnotes"><ol><li id="fn:1" role="doc-endnote"><p>Note. <a class="reversefootnote" href="#fnref:1" role="doc-backlink">↩</a> <a class="reversefootnote" href="#fnref:1:1" role="doc-backlink">↩<sup>2</sup></a></p></li></ol></div>',
    );
  });
  it("writes definition lists and abbreviations", () => {
    expect(render("Term\n: Def A\n: Def B")).toBe("<dl><dt>Term</dt><dd>Def A</dd><dd>Def B</dd></dl>");
    expect(render("*[HTML]: Hyper Text Markup Language\n\nHTML is.")).toBe(
      '<p><abbr title="Hyper Text Markup Language">HTML</abbr> is.</p>',
    );
  });
  it("writes GFM tables, strikethrough and task lists", () => {
    expect(render("| a | b |\n|---|:-:|\n| 1 | 2 |")).toBe(
      '<table><thead><tr><th>a</th><th style="text-align: center">b</th></tr></thead><tbody><tr><td>1</td><td style="text-align: center">2</td></tr></tbody></table>',
    );
    expect(render("~~x~~")).toBe("<p><del>x</del></p>");
    expect(render("- [ ] task\n- [x] done")).toBe(
      '<ul class="task-list"><li class="task-list-item"><input class="task-list-item-checkbox" disabled="disabled" type="checkbox">task</li><li class="task-list-item"><input checked="checked" class="task-list-item-checkbox" disabled="disabled" type="checkbox">done</li></ul>',
    );
  });
  it('keeps HTML blocks whole across blank lines, renders markdown="1", puts span tags in paragraphs', () => {
    expect(render('<div class="box">\nfirst\n\nsecond\n</div>')).toBe('<div class="box">first second</div>');
    expect(render('<div markdown="1">\nInside **markdown** div.\n</div>')).toBe(
      "<div><p>Inside <strong>markdown</strong> div.</p></div>",
    );
    expect(render('<img src="/a.png" alt="x">')).toBe('<p><img alt="x" src="/a.png"></p>');
  });
});

describe("Liquid helpers", () => {
  it("jsonify prints dates as Ruby does", () => {
    expect(jsonify({ a: [1, "x"], at: new Date("2020-01-02T05:00:00Z") }, "America/New_York")).toBe(
      '{"a":[1,"x"],"at":"2020-01-02 00:00:00 -0500"}',
    );
  });
  it("render_with_liquid: false keeps even {% endraw %} literal", () => {
    expect(withoutLiquid("a {{ b }} {% endraw %} c")).toBe(
      "{% raw %}a {{ b }} {% endraw %}{{ '{% endraw %}' }}{% raw %} c{% endraw %}",
    );
  });
});

describe("ordered list markers", () => {
  // kramdown 2 (Jekyll 4.3.1) reads `1.` only: `1)` is text, whether it would start a list, continue one or
  // interrupt a paragraph.
  it("takes `1.` and leaves `1)` as text", () => {
    expect(render("1) one\n2) two\n")).toBe(normalizeHtml("<p>1) one\n2) two</p>"));
    expect(render("1. a\n2) b\n")).toBe(normalizeHtml("<ol>\n  <li>a\n2) b</li>\n</ol>"));
    expect(render("text\n1) not\n")).toBe(normalizeHtml("<p>text\n1) not</p>"));
    expect(render("1. one\n2. two\n")).toBe(normalizeHtml("<ol>\n  <li>one</li>\n  <li>two</li>\n</ol>"));
  });
});
