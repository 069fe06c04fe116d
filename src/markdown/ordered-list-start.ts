// kramdown writes every ordered list as `<ol>`: the number of its first item is not kept (`3.` starts at 1 too).
import type { StateBlock } from "markdown-it";

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/** markdown-it's `list` rule, without the `start` attribute it gives a list whose first number is not 1. */
export function listWithoutStartNumber(list: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    const from = state.tokens.length;
    if (!list(state, startLine, endLine, silent)) return false;
    for (const token of state.tokens.slice(from)) {
      if (token.type === "ordered_list_open" && token.attrs) {
        token.attrs = token.attrs.filter(([name]) => name !== "start");
        if (token.attrs.length === 0) token.attrs = null;
      }
    }
    return true;
  };
}
