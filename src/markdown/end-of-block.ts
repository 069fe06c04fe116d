// kramdown's end-of-block marker: a line holding only `^` (kramdown/parser/kramdown/eob.rb) ends the
// paragraph, list or definition list before it and is not written, so that two lists or two blocks that
// would otherwise join stay apart.
import type { StateBlock } from "markdown-it";

/** The token the marker leaves: hidden, so it renders as nothing; list-paragraphs.ts looks for it. */
export const END_OF_BLOCK = "kramdown_eob";

/** Block rule (before `paragraph`; ends paragraphs, lists and blockquotes): a line holding only `^`. */
export function kramdownEndOfBlock(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  // kramdown matches `^` at the start of its container's content, or at the very start of the line (where it
  // ends the list, blockquote or definition the line would otherwise continue lazily), never indented.
  if (state.sCount[startLine] !== state.blkIndent && state.sCount[startLine] !== 0) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(start) !== 0x5e) return false;
  if (state.src.slice(start + 1, state.eMarks[startLine]).trim() !== "") return false;
  if (silent) return true;
  const token = state.push(END_OF_BLOCK, "", 0);
  token.map = [startLine, startLine + 1];
  token.hidden = true;
  state.line = startLine + 1;
  return true;
}
