// kramdown's block attribute lists (IALs, ALDs) and its table of contents, with Jekyll 4.3.1's output
// (kramdown 2.4, GFM input) as the expected value; kramdown's own cases block/10_ald, block/11_ial and
// block/16_toc run against real Jekyll in kramdown-testcases.test.ts.
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { normalizeHtml } from "../helpers/normalize-html.ts";

const md = createMarkdown();
const render = (source: string) => normalizeHtml(md.render(source, {}));

describe("block attribute lists", () => {
  it("give a line's attributes to the block right above it, or after a blank line to the next block", () => {
    expect(render('{:.lead}\npara\n\ntext\n{: #x data-a="1"}\n\n{:.c}\n\n## H\n')).toBe(
      '<p class="lead">para</p><p data-a="1" id="x">text</p><h2 class="c" id="h">H</h2>',
    );
  });
  it("end a table, which keeps the attributes instead of gaining a row", () => {
    expect(render("| a | b |\n|---|---|\n| 1 | 2 |\n{: .table}\n")).toBe(
      '<table class="table"><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
    );
  });
  it("end a paragraph and the list it lies lazily in", () => {
    expect(render("* list\n{: .l}\n\n    code\n{: #c}\n")).toBe(
      '<ul class="l"><li>list</li></ul><div class="highlighter-rouge language-plaintext" id="c"><div class="highlight"><pre class="highlight"><code>code </code></pre></div></div>',
    );
  });
  it("take an attribute list definition's attributes by name, wherever it is defined", () => {
    expect(render('> q\n{: ref .own}\n\n{:ref: .r key="v"}\n')).toBe(
      '<blockquote class="own r" key="v"><p>q</p></blockquote>',
    );
  });
  it("join the attributes of an HTML block's first tag", () => {
    expect(render('{:.cls}\n<div class="a" id="b">\ntest\n</div>\n{:#id}\n')).toBe(
      '<div class="a cls" id="id">test</div>',
    );
  });
});

describe("the table of contents", () => {
  it("replaces the first list given {:toc}, whatever it holds, keeping its attributes; a later one stays a list", () => {
    expect(render("* one\n* two\n{: .toc-list #contents toc}\n\n# A\n\n## B [l](/x)\n\n1. other\n{:toc}\n")).toBe(
      '<ul class="toc-list" id="contents"><li><a href="#a" id="contents-a">A</a><ul><li><a href="#b-l" id="contents-b-l">B l</a></li></ul></li></ul>' +
        '<h1 id="a">A</h1><h2 id="b-l">B <a href="/x">l</a></h2><ol><li>other</li></ol>',
    );
  });
  it("is not made from a list that {:toc} follows after a blank line", () => {
    expect(render("* item\n\n{:toc}\n\n# A\n")).toBe('<ul><li>item</li></ul><h1 id="a">A</h1>');
  });
});
