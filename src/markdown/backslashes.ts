// Backslashes as kramdown's GFM parser reads them: it escapes fewer characters than CommonMark (`\&`, `\/`, `\@`
// keep their backslash), and a backslash that ends a line, escaped one included (`line\\`), is a line break.
import type { StateCore, StateInline } from "markdown-it";

// kramdown-parser-gfm's ESCAPED_CHARS_GFM; CommonMark also escapes % & , / ; ? @ ^.
const KRAMDOWN_ESCAPABLE = new Set("\\.*_+`<>()[]{}#!:|\"'$=-~");

type InlineRule = (state: StateInline, silent: boolean) => boolean;

/** markdown-it's `escape`, leaving the backslash as text before a character kramdown does not escape. */
export function escapeOnlyKramdownChars(escape: InlineRule): InlineRule {
  // Returning false leaves the backslash to markdown-it's text handling, which writes it and goes on with the
  // next character (so `\&amp;` still reads the entity).
  return (state, silent) => {
    const next = state.src[state.pos + 1];
    const kept = state.src[state.pos] === "\\" && next !== undefined && next !== "\n" && !KRAMDOWN_ESCAPABLE.has(next);
    return kept ? false : escape(state, silent);
  };
}

/** Core rule (after `text_join`): text ending in a backslash before a line break ends with <br>, as in kramdown. */
export function kramdownBackslashBreak(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    const children = block.children;
    for (let i = 1; i < children.length; i++) {
      const text = children[i - 1];
      if (children[i].type !== "softbreak" || text.type !== "text" || !text.content.endsWith("\\")) continue;
      text.content = text.content.slice(0, -1);
      children[i].type = "hardbreak";
      children[i].tag = "br";
    }
  }
}
