// GFM strikethrough as kramdown's GFM parser reads it (parser/gfm.rb, STRIKETHROUGH_MATCH): `~~` not followed
// by a space or `~`, up to the first `~~` after a character that is neither; what lies between is parsed as
// spans on its own. markdown-it pairs `~~` delimiters instead, which nests and crosses emphasis differently.
import type { StateInline } from "markdown-it";

const STRIKETHROUGH = /^~~(?![\s~])[\s\S]*?[^\s~]~~/;

/** Inline rule in place of markdown-it's `strikethrough`: `~~text~~` as one <del>, found as kramdown finds it. */
export function kramdownStrikethrough(state: StateInline, silent: boolean): boolean {
  if (!state.src.startsWith("~~", state.pos)) return false;
  const match = STRIKETHROUGH.exec(state.src.slice(state.pos, state.posMax));
  if (!match) return false;
  const end = state.pos + match[0].length;
  if (!silent) {
    const posMax = state.posMax;
    state.push("s_open", "s", 1).markup = "~~";
    state.pos += 2;
    state.posMax = end - 2;
    state.md.inline.tokenize(state);
    state.push("s_close", "s", -1).markup = "~~";
    state.posMax = posMax;
  }
  state.pos = end;
  return true;
}
