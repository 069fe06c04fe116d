// `<<` is kramdown's opening guillemet even right before a tag name (`<<word>>` is «word»): kramdown tries its
// typographic symbols before raw HTML there, where markdown-it would read `<word>` as an HTML tag. The pair
// stays text here, and typography.ts turns it into «.
import type { StateInline } from "markdown-it";

/** Inline rule (before `html_inline`): `<<` as text. */
export function kramdownGuillemets(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x3c || state.src.charCodeAt(state.pos + 1) !== 0x3c) return false;
  if (!silent) state.pending += "<<";
  state.pos += 2;
  return true;
}
