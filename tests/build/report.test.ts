// What `npm run build` prints for a failed build (src/build/report.ts), through the errors Eleventy wraps ours in.
import { describe, expect, it } from "vitest";
import { describeFailure } from "../../src/build/report.ts";
import { inputError } from "../../src/site/errors.ts";

/** An error wrapping another as Eleventy's do (`originalError`), or as standard errors do (`cause`). */
function wrapping(message: string, inner: unknown, how: "originalError" | "cause" = "originalError"): Error {
  return Object.assign(new Error(message), { [how]: inner });
}

describe("describeFailure", () => {
  it("gives an author's input error alone, however deep Eleventy wrapped it", () => {
    const input = inputError("posts/a.md", 3, "front matter is not valid YAML", "check that line.");
    const wrapped = wrapping("Having trouble rendering", wrapping("Problem writing", input, "cause"));
    expect(describeFailure(wrapped)).toBe(input.message);
  });

  it("lists the other errors of the chain, outermost first, and stops where the chain loops", () => {
    const inner = new Error("disk full");
    const outer = wrapping("Having trouble writing", inner);
    Object.assign(inner, { cause: outer });
    expect(describeFailure(outer)).toBe("Having trouble writing\n  caused by: disk full");
  });

  it("names what was thrown when it is not an Error", () => {
    expect(describeFailure("plain text")).toBe("plain text");
  });
});
