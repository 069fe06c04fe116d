import type { StateCore } from "markdown-it";
import { rawTextTag } from "./smart-quotes.ts";

// kramdown's typographic symbols: only these, not `(c)`, `(tm)` or `+-` as markdown-it's replacements do.
// Guillemets take a no-break space for the space inside them (`<< a >>` is `«\u00a0a\u00a0»`); an escaped
// `\<<` stays `<<` (its `<` reaches this rule as a token of its own).
const SUBSTITUTIONS: [RegExp, string][] = [
  [/---/g, "\u2014"],
  [/--/g, "\u2013"],
  [/\.\.\./g, "\u2026"],
  [/<< /g, "\u00ab\u00a0"],
  [/ >>/g, "\u00a0\u00bb"],
  [/<</g, "\u00ab"],
  [/>>/g, "\u00bb"],
];

/** Core rule: kramdown's dashes and ellipses in text, outside autolinks and inline scripts and styles. */
export function kramdownTypography(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    let insideLink = 0;
    let raw = false;
    for (const token of block.children) {
      if (token.type === "link_open" && token.info === "auto") insideLink++;
      if (token.type === "link_close" && token.info === "auto") insideLink--;
      raw = rawTextTag(token) ?? raw;
      if (token.type === "text" && !insideLink && !raw) {
        token.content = SUBSTITUTIONS.reduce((text, [pattern, symbol]) => text.replace(pattern, symbol), token.content);
      }
    }
  }
}
