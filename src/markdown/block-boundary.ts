// kramdown's after_block_boundary? (parser/kramdown/block_boundary.rb): some blocks (display math, Setext
// headings) start only at the start of their container or after a blank line, `^` or a block IAL, never
// right below another block's last line.
import type { StateBlock } from "markdown-it";
import { BLOCK_IAL } from "./block-ial.ts";
import { END_OF_BLOCK } from "./end-of-block.ts";

export function afterBlockBoundary(state: StateBlock, startLine: number): boolean {
  const last = state.tokens.at(-1);
  if (!last || last.nesting === 1 || last.type === END_OF_BLOCK || last.type === BLOCK_IAL) return true;
  return startLine > 0 && state.isEmpty(startLine - 1);
}
