// Where a post's body starts (src/posts/front-matter.ts), as Jekyll splits the file: the line numbers that errors
// about an image in the body give count from here.
import { describe, expect, it } from "vitest";
import { frontMatterLineCount, splitFrontMatter } from "../../src/posts/front-matter.ts";

describe("front matter block", () => {
  it("counts the lines up to the closing fence, whatever the line endings", () => {
    expect(frontMatterLineCount("---\ntitle: a\ndate: 2020-01-01\n---\n\nBody")).toBe(4);
    expect(frontMatterLineCount("---\r\ntitle: a\r\n---\r\nBody")).toBe(3);
  });

  it("reads the block as Jekyll does: `...` closes it, it may be empty, and a file without one has none", () => {
    expect(frontMatterLineCount("---\ntitle: a\n...\nBody")).toBe(3);
    expect(frontMatterLineCount("---\n---\nBody")).toBe(2);
    expect(frontMatterLineCount("Body\n---\nmore")).toBe(0);
    expect(splitFrontMatter("---\ntitle: a\n...\n\nBody")).toEqual({ yaml: "title: a\n", body: "Body" });
  });
});
