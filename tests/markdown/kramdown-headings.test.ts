// Headings as kramdown's GFM parser reads them, with Jekyll 4.3.1's output (kramdown 2.4, GFM input) as the
// expected value; kramdown's own cases block/04_header run against real Jekyll in kramdown-testcases.test.ts.
import { describe, expect, it } from "vitest";
import { createMarkdown } from "../../src/markdown/index.ts";
import { normalizeHtml } from "../helpers/normalize-html.ts";

const md = createMarkdown();
const render = (source: string) => normalizeHtml(md.render(source, {}));

describe("headings", () => {
  it("take {#id} only after a space, closing hashes before it dropped; # alone is text", () => {
    expect(render("### Header ## {#Id}\n\n### Title{#noid}\n\n#\n\n# \n\n## A {#b}\n")).toBe(
      '<h3 id="Id">Header</h3><h3 id="titlenoid">Title{#noid}</h3><p>#</p><p>#</p><h2 id="b">A</h2>',
    );
  });
  it("are Setext headings only for one line of text after a blank line", () => {
    expect(render("One\nTwo\n===\n\nSingle\n---\n\n# H\nText\n===\n")).toBe(
      '<p>One Two ===</p><h2 id="single">Single</h2><h1 id="h">H</h1><p>Text ===</p>',
    );
  });
});
