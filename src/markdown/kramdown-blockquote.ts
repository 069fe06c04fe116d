// kramdown's blockquotes (kramdown/parser/kramdown/blockquote.rb), in place of markdown-it's: from a `>` line
// every following line belongs to the quote up to a blank line, a block IAL, an end-of-block marker or a
// block-level HTML tag (LAZY_END), `>` or not; each line loses its `>` and one space, and the text is
// parsed afresh. So a list or a definition right under a quoted line is inside the quote, as in Jekyll.
import type { StateBlock } from "markdown-it";
import { BLANK, EOB_MARKER, LAZY_END_BLOCK, containerLine, parseApart } from "./list-lines.ts";

const BLOCKQUOTE_START = /^ {0,3}> ?/;

/** Block rule in place of markdown-it's `blockquote`. */
export function kramdownBlockquote(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const first = containerLine(state, startLine);
  if (!BLOCKQUOTE_START.test(first)) return false;
  if (silent) return true;
  const lines = [first.replace(BLOCKQUOTE_START, "")];
  let line = startLine + 1;
  for (; line < endLine; line++) {
    if (state.blkIndent > 0 && state.sCount[line] < state.blkIndent && !state.isEmpty(line)) break;
    const text = containerLine(state, line);
    if (BLANK.test(text) || EOB_MARKER.test(text) || LAZY_END_BLOCK.test(text)) break;
    lines.push(text.replace(BLOCKQUOTE_START, ""));
  }
  const open = state.push("blockquote_open", "blockquote", 1);
  open.markup = ">";
  open.map = [startLine, line];
  state.tokens.push(...parseApart(state, lines, startLine));
  const close = state.push("blockquote_close", "blockquote", -1);
  close.markup = ">";
  state.line = line;
  return true;
}
