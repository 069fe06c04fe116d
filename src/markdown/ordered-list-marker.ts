// kramdown's ordered list items start `1.` only: `1)` (CommonMark's other marker) is a paragraph's text.
import type { StateBlock } from "markdown-it";

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

const PAREN_MARKER = /^\d{1,9}\)/;

/** markdown-it's `list` rule, except that a line starting `1)` starts no list and interrupts nothing. */
export function listWithoutParenMarker(list: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    const start = state.bMarks[startLine] + state.tShift[startLine];
    if (PAREN_MARKER.test(state.src.slice(start, start + 11))) return false;
    return list(state, startLine, endLine, silent);
  };
}
