// kramdown's span-level rules (emphasis, code spans, backslashes), with Jekyll 4.3.1's output (kramdown 2.4,
// GFM input) as the expected value. The kramdown test cases (kramdown-testcases.test.ts) and
// tests/fixtures/markdown/posts/2021-04-*-spans-*.md check more shapes against real Jekyll.
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";

const md = createMarkdown();
const render = (source: string) => md.render(source, {}).trim();

describe("emphasis, as kramdown reads it left to right", () => {
  it("leaves underscores after a letter as text", () => {
    expect(render("Use a__dir__ or snake_case_name.")).toBe("<p>Use a__dir__ or snake_case_name.</p>");
  });
  it("opens an em at the first star of an unclosed strong", () => {
    expect(render("This is **a *star*.")).toBe("<p>This is <em>*a *star</em>.</p>");
  });
  it("does not open an em inside an em", () => {
    expect(render("*a _b_ c*")).toBe("<p><em>a _b_ c</em></p>");
  });
  it("puts strong outside when one run opens both", () => {
    expect(render("And ***nested***.")).toBe("<p>And <strong><em>nested</em></strong>.</p>");
  });
});

describe("code spans", () => {
  it("keeps a lone backtick between spaces as text and strips one space only in a double-backtick span", () => {
    expect(render("A lone ` tick, `` `code` `` and x` y `.")).toBe(
      '<p>A lone ` tick, <code class="language-plaintext highlighter-rouge">`code`</code> and x<code class="language-plaintext highlighter-rouge"> y </code>.</p>',
    );
  });
  it("keeps a line break inside a code span as written", () => {
    expect(render("`a\nb`")).toBe('<p><code class="language-plaintext highlighter-rouge">a\nb</code></p>');
  });
});

describe("backslashes", () => {
  it("escapes only the characters kramdown escapes", () => {
    expect(render("Kept \\& and \\/ and \\* here.")).toBe("<p>Kept \\&amp; and \\/ and * here.</p>");
  });
  it("makes a backslash at the end of a line a line break, an escaped one too", () => {
    expect(render("line one\\\\\nline two")).toBe("<p>line one<br />\nline two</p>");
    expect(render("line one\\\nline two")).toBe("<p>line one<br />\nline two</p>");
  });
});

describe("links and images", () => {
  it("writes a URL as typed, escaped, where markdown-it would percent-encode it", () => {
    expect(render('Odd [x](a"b<c>d.html) and [y](<a b.html>)')).toBe(
      '<p>Odd <a href="a&quot;b&lt;c&gt;d.html">x</a> and <a href="a b.html">y</a></p>',
    );
  });
  it("keeps an image's alt as its raw text", () => {
    expect(render("![z `code` w](http://e.com/c.png)")).toBe(
      '<p><img src="http://e.com/c.png" alt="z `code` w" /></p>',
    );
  });
  it("keeps a link inside link text as text, and reads [text] [id] as a reference", () => {
    expect(render("[a [b](c) d](e) and [text] [id]\n\n[id]: /u")).toBe(
      '<p><a href="e">a [b](c) d</a> and <a href="/u">text</a></p>',
    );
  });
  it("writes an autolink's URL as typed and leaves mailto: out of its text", () => {
    expect(render("<http://e.com/%20x> and <me@e.com>")).toBe(
      '<p><a href="http://e.com/%20x">http://e.com/%20x</a> and <a href="mailto:me@e.com">me@e.com</a></p>',
    );
  });
});

describe("span attribute lists", () => {
  it("drops a value in typographic quotes, which kramdown does not read", () => {
    expect(render("[![x](a.png){: .icon width=“70”}](https://e.com/)")).toBe(
      '<p><a href="https://e.com/"><img src="a.png" alt="x" class="icon" /></a></p>',
    );
  });
  it("merges two lists in a row and puts their classes between kramdown's own on inline code", () => {
    expect(render("A `span`{: .hund #dog}{: .katz key='val'}.")).toBe(
      '<p>A <code class="language-plaintext hund katz highlighter-rouge" id="dog" key="val">span</code>.</p>',
    );
  });
  it("leaves a list after plain text as typed", () => {
    expect(render("This is an{: .ignored} span ial.")).toBe("<p>This is an{: .ignored} span ial.</p>");
  });
});

describe("abbreviation definitions", () => {
  it("takes the last definition, marks up one without text, and does not end a paragraph", () => {
    expect(render("The HTML and CSS\n\n*[HTML]: First\n*[HTML]: Second\n*[CSS]:\n")).toBe(
      '<p>The <abbr title="Second">HTML</abbr> and <abbr>CSS</abbr></p>',
    );
    expect(render("Some text\n*[text]: Hyper\n")).toBe("<p>Some text\n*[text]: Hyper</p>");
  });
});

describe("link definitions", () => {
  it("keeps the URL as typed, takes the last definition and a title on the next line", () => {
    expect(
      render('See [one] and [two].\n\n[one]: some file.html\n[one]: last.html\n[two]: <a b.html>\n    "Two"\n'),
    ).toBe('<p>See <a href="last.html">one</a> and <a href="a b.html" title="Two">two</a>.</p>');
  });
});
