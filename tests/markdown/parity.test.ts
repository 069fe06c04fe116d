// Differential test: the fixture posts in tests/fixtures/markdown/ (one per feature of kramdown and Jekyll's
// Liquid) built by real Jekyll 4.3 and by this project; normalised post bodies must be identical, except
// the differences README.md lists under "What differs from Jekyll".
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../helpers/project.ts";
import { compareBodies, firstDifference, readFixtures, type BodyComparison } from "../helpers/markdown-parity.ts";

const FIXTURES = path.join(REPO, "tests/fixtures/markdown");
const files = readFixtures(FIXTURES);
const posts = Object.keys(files)
  .filter((file) => file.startsWith("posts/"))
  .map((file) => path.basename(file))
  .sort();

// Fixture -> the README line that explains why it differs.
const KNOWN: Record<string, string> = {};

describe("post bodies against real Jekyll", () => {
  let results: BodyComparison[] = [];
  beforeAll(async () => {
    results = await compareBodies(files);
  }, 120_000);

  it("builds every fixture post in both", () => {
    expect(results.map((r) => r.post).sort()).toEqual(posts);
  });

  for (const post of posts.filter((p) => !(p in KNOWN))) {
    it(`${post} has Jekyll's body`, () => {
      const result = results.find((r) => r.post === post);
      expect(result, post).toBeDefined();
      if (result && !result.same)
        expect.fail(`${post} differs from Jekyll:\n${firstDifference(result.jekyll, result.ours)}`);
    });
  }

  for (const [post, readmeLine] of Object.entries(KNOWN)) {
    it(`${post} differs only as README says (${readmeLine})`, () => {
      expect(readFileSync(path.join(REPO, "README.md"), "utf8")).toContain(readmeLine);
      expect(results.find((r) => r.post === post)?.same).toBe(false);
    });
  }
});
