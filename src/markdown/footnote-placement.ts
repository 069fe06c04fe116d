// kramdown writes the footnotes where a list given `{:footnotes}` stands (the first such list, unless it is the
// table of contents' list), in place of that list; with no footnotes the list is simply not written.
import type { StateCore, Token } from "markdown-it";
import { ialRefs } from "./block-ial.ts";

function closingIndex(tokens: Token[], i: number): number {
  for (let j = i, depth = 0; j < tokens.length; j++) {
    depth += tokens[j].nesting;
    if (depth === 0) return j;
  }
  return tokens.length - 1;
}

/** Core rule, after markdown-it-footnote's footnote_tail and kramdown_toc_mark: the notes moved to the list. */
export function kramdownFootnotePlacement(state: StateCore): void {
  const tokens = state.tokens;
  const at = tokens.findIndex(
    (t) => (t.type === "bullet_list_open" || t.type === "ordered_list_open") && ialRefs(t).includes("footnotes"),
  );
  if (at < 0) return;
  const start = tokens.findIndex((t) => t.type === "footnote_block_open");
  const notes = start < 0 ? [] : tokens.splice(start, closingIndex(tokens, start) - start + 1);
  tokens.splice(at, closingIndex(tokens, at) - at + 1, ...notes);
}
