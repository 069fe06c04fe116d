// Code blocks, code spans with a language, tables and strikethrough as kramdown's GFM parser reads them. Every
// expected value is what Jekyll 4.3.1 (kramdown 2.4, kramdown-parser-gfm 1.1, Rouge 3.30) writes for the input,
// normalised as the parity tests do (highlighter token spans unwrapped: Rouge's and Prism's differ by design).
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { normalizeHtml } from "../helpers/normalize-html.ts";

const md = createMarkdown();
const render = (source: string) => normalizeHtml(md.render(source, {}));
const block = (language: string, code: string, classes = "") =>
  `<div class="${[`language-${language}`, "highlighter-rouge", ...classes.split(" ").filter(Boolean)].sort().join(" ")}"><div class="highlight"><pre class="highlight"><code>${code}</code></pre></div></div>`;

describe("indented code blocks", () => {
  it("joins a lazy line to the line before it, after a space, and keeps going after a blank line", () => {
    expect(render("    This is some\ncode\n\n    This is some\n other code\n")).toBe(
      block("plaintext", "This is some code This is some other code "),
    );
  });
  it("swallows headings, list items and fences as lazy lines, and ends at a blank line", () => {
    expect(render("    code\n# Head\n* item\n```\n\n    more\n\n\nafter\n")).toBe(
      `${block("plaintext", "code # Head * item ``` more ")}<p>after</p>`,
    );
  });
  it("ends its lazy lines at an IAL, `^` or a block-level HTML tag, not at a span-level one", () => {
    expect(render("    code\n^\ntext\n")).toBe(`${block("plaintext", "code ")}<p>text</p>`);
    expect(render("    code\n<div>x</div>\n")).toBe(`${block("plaintext", "code ")}<div>x</div>`);
    expect(render("    code\n<em>x</em>\n")).toBe(block("plaintext", "code &lt;em&gt;x&lt;/em&gt; "));
  });
  it("takes its language and other attributes from an IAL on the next line", () => {
    expect(render("    code block\n\n    continued here\n{:.cls}\n    new block here\n")).toBe(
      block("plaintext", "code block continued here ", "cls") + block("plaintext", "new block here "),
    );
    expect(render("    <a>href</a>\n{: .language-html}\n")).toBe(block("html", "&lt;a&gt;href&lt;/a&gt; "));
    expect(render('    x\n{: lang="html"}\n')).toBe(
      '<div class="highlighter-rouge language-plaintext" lang="html"><div class="highlight"><pre class="highlight"><code>x </code></pre></div></div>',
    );
  });
});

describe("fenced code blocks", () => {
  it("is no block without its closing fence, nor with more than one word after the fence", () => {
    expect(render("Some para\n\n~~~~~~\nnot codeblock\n")).toBe("<p>Some para</p><p>~~~~~~ not codeblock</p>");
    expect(render("~~~ a b\nx\n~~~\n")).toBe("<p>~~~ a b x ~~~</p>");
  });
  it("keeps its lines as written under an indented fence", () => {
    expect(md.render('  ```js\n  console.log("hello");\n  ```\n', {})).toMatch(/<code> {2}console/);
  });
  it("highlights `php?start_inline=1` as php, and takes an IAL's classes after the language", () => {
    expect(render("~~~ php?start_inline=1\n$foo = new Bar;\n~~~\n")).toBe(block("php", "$foo = new Bar; "));
    expect(render("~~~ ruby\nx\n~~~\n{:.a}\ntext\n")).toBe(`${block("ruby", "x ", "a")}<p>text</p>`);
    expect(render("~~~\nx\n~~~\n{: .language-ruby}\n")).toBe(block("ruby", "x "));
    expect(render('~~~ ruby\nx\n~~~\n{: class="language-python"}\n')).toBe(block("ruby", "x "));
  });
  it("leaves a language Rouge does not know in a bare <pre>, with the block's attributes on it", () => {
    expect(render("~~~ foo\nx\n~~~\n{:.b}\n")).toBe('<pre class="b"><code class="language-foo">x </code></pre>');
  });
});

describe("code spans with a language", () => {
  it("highlights a span whose IAL names a language Rouge knows, and leaves others bare", () => {
    expect(render("`x = Class.new`{:.language-ruby}")).toBe(
      '<p><code class="highlighter-rouge language-ruby">x = Class.new</code></p>',
    );
    expect(md.render("`x = 1`{:.language-ruby}", {})).toMatch(
      /<code class="language-ruby highlighter-rouge">x <span [^>]*>=<\/span>/,
    );
    expect(render("`x`{:.language-foo}")).toBe('<p><code class="language-foo">x</code></p>');
    expect(render("`x`{:.cls #i}")).toBe(
      '<p><code class="cls highlighter-rouge language-plaintext" id="i">x</code></p>',
    );
  });
});

describe("strikethrough", () => {
  it("runs from `~~` to the first closing `~~`, a third `~` left as text", () => {
    expect(render("~~~This is another test~~~")).toBe("<p>~<del>This is another test</del>~</p>");
    expect(render("I ~~don't even~~~ have")).toBe("<p>I <del>don’t even</del>~ have</p>");
    expect(render("~~ not ~~ and ~~\nnot\n~~")).toBe("<p>~~ not ~~ and ~~ not ~~</p>");
  });
  it("parses its inside apart, so emphasis does not cross it", () => {
    expect(render("This ~~is *strike* and *test ~~with nesting~~ involved* here~~.")).toBe(
      "<p>This <del>is <em>strike</em> and *test ~~with nesting</del> involved* here~~.</p>",
    );
  });
});

describe("tables", () => {
  it("starts a table only after a blank line, and only when one follows it", () => {
    expect(render("## Options\n| a | b |\n|---|---|\n| 1 | 2 |\n")).toBe(
      '<h2 id="options">Options</h2><p>| a | b | |—|—| | 1 | 2 |</p>',
    );
    expect(render("| a | b |\n|---|---|\n| 1 | 2 |\ntext after\n")).toBe("<p>| a | b | |—|—| | 1 | 2 | text after</p>");
    expect(render("| a | b |\n|---|---|\n")).toBe("<p>| a | b | |—|—|</p>");
  });
  it("is tried after quotes, list items and headings, and ends at the next list item", () => {
    expect(render("> | a | b |\n> |---|---|\n> | 1 | 2 |\n")).toBe(
      "<blockquote><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></blockquote>",
    );
    expect(render("* a | b\n* c | d\n")).toBe(
      "<ul><li><table><tbody><tr><td>a</td><td>b</td></tr></tbody></table></li><li><table><tbody><tr><td>c</td><td>d</td></tr></tbody></table></li></ul>",
    );
    expect(render("# a | b\n")).toBe('<h1 id="a--b">a | b</h1>');
  });
  it("needs no header, takes rows without leading pipes and pads rows to the widest", () => {
    expect(render("head1 | head2\ncell1 | cell2\n")).toBe(
      "<table><tbody><tr><td>head1</td><td>head2</td></tr><tr><td>cell1</td><td>cell2</td></tr></tbody></table>",
    );
    expect(render("| a | b |\n|:--|:-:|\n| 1 | 2 | 3 |\n| 4 |\n")).toBe(
      '<table><thead><tr><th style="text-align: left">a</th><th style="text-align: center">b</th><th></th></tr></thead><tbody><tr><td style="text-align: left">1</td><td style="text-align: center">2</td><td>3</td></tr><tr><td style="text-align: left">4</td><td style="text-align: center"></td><td></td></tr></tbody></table>',
    );
  });
  it("writes an empty cell as a no-break space", () => {
    expect(md.render("| a | |\n", {})).toContain("<td>\u00a0</td>");
  });
  it("starts a new body at each later separator, the footer at `|=`, and takes an IAL after it", () => {
    expect(render("| a | b |\n| c | d |\n|---|---|\n| e | f |\n|---|---|\n| g | h |\n")).toBe(
      "<table><thead><tr><th>a</th><th>b</th></tr><tr><th>c</th><th>d</th></tr></thead><tbody><tr><td>e</td><td>f</td></tr></tbody><tbody><tr><td>g</td><td>h</td></tr></tbody></table>",
    );
    expect(render("| a | b |\n|---|---|\n| 1 | 2 |\n|===|===|\n| f | g |\n{: .data}\n")).toBe(
      '<table class="data"><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody><tfoot><tr><td>f</td><td>g</td></tr></tfoot></table>',
    );
  });
  it("keeps a `|` inside a code span in its cell, and makes `\\|` a pipe outside code", () => {
    expect(render('| `Type` | `"A" | "B"` |\n| `x\\|y` | a \\| b |\n')).toBe(
      '<table><tbody><tr><td><code class="highlighter-rouge language-plaintext">Type</code></td><td><code class="highlighter-rouge language-plaintext">"A" | "B"</code></td></tr><tr><td><code class="highlighter-rouge language-plaintext">x\\|y</code></td><td>a | b</td></tr></tbody></table>',
    );
  });
  it("is no table when a code span runs on from a line with no pipe outside code", () => {
    expect(render("cell 1 \\| cell `2 | cell 3\ncell 1` | cell 2 | cell 3\n")).toBe(
      '<p>cell 1 | cell <code class="highlighter-rouge language-plaintext">2 | cell 3 cell 1</code> | cell 2 | cell 3</p>',
    );
  });
});
