// Twenty posts of the kind real Jekyll blogs have (tests/fixtures/markdown-corpus/: Liquid, raw, highlight,
// post_url, includes, tables, footnotes, images, TOC), written without looking at this project's output,
// built by real Jekyll 4.3 and by this project. Every post's URL, title, date, categories and heading ids
// must agree, and at least 95% of the normalised bodies (README reports the measured share).
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/project.ts";
import { compareBodies, firstDifference, readFixtures, type BodyComparison } from "../helpers/markdown-parity.ts";

const files = readFixtures(path.join(REPO, "tests/fixtures/markdown-corpus"));
const postCount = Object.keys(files).filter((file) => file.startsWith("posts/")).length;

describe("a corpus of real-style posts against real Jekyll", () => {
  let results: BodyComparison[] = [];
  beforeAll(async () => {
    results = await compareBodies(files);
  }, 120_000);

  it("builds every post at Jekyll's URL", () => {
    expect(postCount).toBeGreaterThanOrEqual(20);
    expect(results).toHaveLength(postCount);
  });

  it("gives every post Jekyll's title, date, categories and heading ids", () => {
    for (const result of results) expect(result.ourMeta, result.post).toEqual(result.jekyllMeta);
  });

  it("renders at least 95% of the bodies as Jekyll does", () => {
    const differing = results.filter((r) => !r.same);
    const agree = (results.length - differing.length) / results.length;
    console.log(
      `markdown corpus: ${results.length - differing.length}/${results.length} bodies agree (${(agree * 100).toFixed(1)}%)`,
    );
    for (const r of differing) console.log(`${r.post}:\n${firstDifference(r.jekyll, r.ours)}`);
    expect(agree).toBeGreaterThanOrEqual(0.95);
  });
});
