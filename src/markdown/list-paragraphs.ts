// Which paragraphs in list items and definitions get `<p>`, decided per item as kramdown decides it
// (kramdown/parser/kramdown/list.rb, parse_list and parse_definition_list), where markdown-it makes a whole
// list tight or loose. Only an item's first paragraph can go without `<p>` ("transparent" in kramdown):
// - in a list item, when no blank line follows it inside the item (a blank line after the last item's only
//   paragraph is the list's end, not the item's, unless an end-of-block marker `^` ends the list), and, for
//   the last of several items, only when some earlier item does not start with a wrapped paragraph;
// - in a definition, when no blank line comes right before the definition's `:` line.
import type { StateCore, Token } from "markdown-it";
import { END_OF_BLOCK } from "./end-of-block.ts";

/** Core rule (after `block`): sets `hidden` on every paragraph directly inside a list item or definition. */
export function kramdownListParagraphs(state: StateCore): void {
  const lines = state.src.split("\n");
  const tokens = state.tokens;
  let quoteDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === "blockquote_open") quoteDepth++;
    else if (token.type === "blockquote_close") quoteDepth--;
    else if (token.type === "bullet_list_open" || token.type === "ordered_list_open")
      markListItems(tokens, i, (line) => isBlank(lines[line], quoteDepth));
    else if (token.type === "dd_open") markDefinition(tokens, i, (line) => isBlank(lines[line], quoteDepth));
  }
}

/** A line with nothing but the markers of the blockquotes around it. */
function isBlank(line: string | undefined, quoteDepth: number): boolean {
  if (line === undefined) return false;
  let rest = line;
  for (let depth = 0; depth < quoteDepth; depth++) rest = rest.replace(/^ {0,3}> ?/, "");
  return rest.trim() === "";
}

/** Index of the token closing the block opened at `open`. */
function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i].nesting;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}

/** The blocks directly inside the block opened at `open`: [open index, close index] of each. */
function children(tokens: Token[], open: number): [number, number][] {
  const blocks: [number, number][] = [];
  const end = closing(tokens, open);
  for (let i = open + 1; i < end; i++) {
    const last = tokens[i].nesting === 1 ? closing(tokens, i) : i;
    blocks.push([i, last]);
    i = last;
  }
  return blocks;
}

function setParagraph(tokens: Token[], [open, close]: [number, number], hidden: boolean): void {
  if (tokens[open].type !== "paragraph_open") return;
  tokens[open].hidden = hidden;
  tokens[close].hidden = hidden;
}

function markListItems(tokens: Token[], list: number, blankLine: (line: number) => boolean): void {
  const items = children(tokens, list).filter(([open]) => tokens[open].type === "list_item_open");
  const endMarked = tokens[closing(tokens, list) + 1]?.type === END_OF_BLOCK;
  // Per earlier item: it has no blocks, or does not start with a wrapped paragraph.
  let someUnwrapped = false;
  items.forEach(([open], index) => {
    const blocks = children(tokens, open);
    const first = blocks[0];
    for (const block of blocks) setParagraph(tokens, block, false);
    if (!first || tokens[first[0]].type !== "paragraph_open") {
      someUnwrapped = true;
      return;
    }
    const isLast = index === items.length - 1;
    const end = tokens[first[0]].map?.[1];
    const blankAfter = end !== undefined && blankLine(end);
    const transparent =
      (!blankAfter || (isLast && blocks.length === 1 && !endMarked)) &&
      (!isLast || items.length === 1 || someUnwrapped);
    setParagraph(tokens, first, transparent);
    if (transparent) someUnwrapped = true;
  });
}

function markDefinition(tokens: Token[], dd: number, blankLine: (line: number) => boolean): void {
  const blocks = children(tokens, dd);
  for (const block of blocks) setParagraph(tokens, block, false);
  // The first block starts on the `:` line (the dd's own map can start at the term, in markdown-it-deflist).
  const start = blocks[0] && tokens[blocks[0][0]].map?.[0];
  if (blocks[0] && start !== undefined) setParagraph(tokens, blocks[0], !(start > 0 && blankLine(start - 1)));
}
