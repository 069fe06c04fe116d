import type { StateCore } from "markdown-it";
import { rawTextTag } from "./smart-quotes.ts";

// kramdown's typographic symbols: only these, not `(c)`, `(tm)` or `+-` as markdown-it's replacements do.
const SUBSTITUTIONS: [RegExp, string][] = [
  [/---/g, "\u2014"],
  [/--/g, "\u2013"],
  [/\.\.\./g, "\u2026"],
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
