// kramdown's extensions ({::comment}, {::nomarkdown}, {::options}), with Jekyll 4.3.1's output (kramdown 2.4,
// GFM input) as the expected value; kramdown's own cases block/12_extension and span/extension run against
// real Jekyll in kramdown-testcases.test.ts.
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { normalizeHtml } from "../helpers/normalize-html.ts";

const md = createMarkdown();
const render = (source: string) => normalizeHtml(md.render(source, {}));

describe("kramdown's extensions", () => {
  it("write a comment as an HTML comment, nomarkdown as it is, options as nothing, as blocks and in text", () => {
    expect(
      render(
        'Intro.\n\n{::comment}\nTODO: *rewrite* this\n{:/comment}\n\n{::nomarkdown}\n<div class="x">*raw*</div>\n{:/nomarkdown}\n\n' +
          '{::options toc_levels="2..3" /}\n\nText {::comment}note{:/} and {::nomarkdown}*raw*{:/} end.\n',
      ),
    ).toBe(
      '<p>Intro.</p><!-- TODO: *rewrite* this --><div class="x">*raw*</div><p>Text <!-- note --> and *raw* end.</p>',
    );
  });
  it("leave an unknown extension, a stop tag alone and a start tag without its stop as text", () => {
    expect(render("a {:/x} b {::foo}c{:/}\n\n{::comment}\nnever closed\n")).toBe(
      "<p>a {:/x} b {::foo}c{:/}</p><p>{::comment} never closed</p>",
    );
  });
});
