// Headings as kramdown's GFM parser reads them: an ATX heading needs text after its `#`s (a line of `#` alone
// is paragraph text, where markdown-it writes an empty <h1>), and a Setext heading is one line of text right
// under a block boundary (a blank line, the container's start), its underline on the next line; the lines of
// a longer paragraph and its `===` stay a paragraph.
import type { StateBlock } from "markdown-it";
import { afterBlockBoundary } from "./block-boundary.ts";

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

const HASHES_ONLY = /^#{1,6}[\t ]*$/;
const UNDERLINE = /^[-=]+[ \t]*$/;

const lineText = (state: StateBlock, line: number) =>
  state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);

/** markdown-it's `heading` rule, except on a line holding nothing but the opening hashes. */
export function headingWithText(heading: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) =>
    HASHES_ONLY.test(lineText(state, startLine)) ? false : heading(state, startLine, endLine, silent);
}

/** markdown-it's `lheading` rule, for one line of text after a block boundary only. */
export function setextHeadingOfOneLine(lheading: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    const next = startLine + 1;
    if (next >= endLine || state.sCount[next] - state.blkIndent >= 4 || !UNDERLINE.test(lineText(state, next)))
      return false;
    return afterBlockBoundary(state, startLine) && lheading(state, startLine, endLine, silent);
  };
}
