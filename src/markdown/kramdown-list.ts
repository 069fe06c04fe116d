// kramdown's lists (kramdown/parser/kramdown/list.rb, parse_list), in place of markdown-it's CommonMark list.
// kramdown reads an item line by line: the content column is the marker plus all the whitespace after it on
// the first line (4 when the first line is empty or only an IAL), a line indented that far belongs to the
// item with that indentation removed, any other non-blank line right after a non-blank one belongs to it as
// it is (lazily, a line starting another kind of list marker included), and a blank line is kept until a
// line that is neither ends the list. The item's text is then parsed afresh as a document of its own. With
// GFM input a list start also ends a paragraph, whatever its number (`1984. It was great`).
import type { StateBlock } from "markdown-it";
import { applyIal } from "./attributes.ts";
import { END_OF_BLOCK } from "./end-of-block.ts";
import {
  BLANK,
  EOB_MARKER,
  containerLine,
  continuationLine,
  firstListLine,
  itemIal,
  itemStart,
  parseApart,
} from "./list-lines.ts";
import type { Indentation } from "./list-lines.ts";

const LIST_START_UL = /^( {0,3}[+*-])([\t| ].*)$/;
const LIST_START_OL = /^( {0,3}\d+\.)([\t| ].*)$/;
const LIST_START = /^ {0,3}(?:[+*-]|\d+\.)[\t| ]/;
const HR_START = /^ {0,3}([*_-])[ \t]*\1[ \t]*\1(?:\1|[ \t])*$/;

interface Chunk {
  /** The source line of the chunk's first line. */
  line: number;
  lines: string[];
}

interface Item {
  line: number;
  ial?: string;
  /** kramdown parses an item's text in parts: a nested list found right after the item's text starts one. */
  chunks: Chunk[];
}

/** Block rule in place of markdown-it's `list`. */
export function kramdownList(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const first = containerLine(state, startLine);
  const ordered = !LIST_START_UL.test(first);
  let start = ordered ? LIST_START_OL : LIST_START_UL;
  if (!start.test(first)) return false;
  if (silent) return true;

  const items: Item[] = [];
  let indentation: Indentation | undefined;
  let lastIsBlank = false;
  let nestedListFound = false;
  let endOfBlock = false;
  let line = startLine;
  for (; line < endLine; line++) {
    if (state.blkIndent > 0 && state.sCount[line] < state.blkIndent && !state.isEmpty(line)) break;
    const text = containerLine(state, line);
    if (lastIsBlank && HR_START.test(text)) break;
    if (EOB_MARKER.test(text)) {
      endOfBlock = true;
      line++;
      break;
    }
    const marker = start.exec(text);
    const item = items.at(-1);
    if (marker) {
      const firstLine = firstListLine(marker[1].length, marker[2]);
      indentation = firstLine.indentation;
      const { content, ial } = itemIal(firstLine.content);
      items.push({ line, ial, chunks: [{ line, lines: [content] }] });
      start = itemStart(ordered ? "\\d+\\." : "[+*-]", indentation);
      nestedListFound = LIST_START.test(content);
      lastIsBlank = false;
    } else if (
      item &&
      indentation &&
      (indentation.content.test(text) || (!lastIsBlank && indentation.lazy.test(text)))
    ) {
      const continuation = continuationLine(text, indentation);
      let result = continuation.text;
      const indentationFound = continuation.indented;
      if (!nestedListFound && indentationFound && LIST_START.test(result)) {
        item.chunks.push({ line, lines: [] });
        nestedListFound = true;
      } else if (nestedListFound && !indentationFound && LIST_START.test(result)) {
        result = " ".repeat(indentation.columns + 4) + result;
      }
      item.chunks.at(-1)?.lines.push(result);
      lastIsBlank = false;
    } else if (item && BLANK.test(text)) {
      nestedListFound = true;
      lastIsBlank = true;
      item.chunks.at(-1)?.lines.push("");
    } else break;
  }

  const kind = ordered ? "ordered_list" : "bullet_list";
  const tag = ordered ? "ol" : "ul";
  const open = state.push(`${kind}_open`, tag, 1);
  open.map = [startLine, line];
  open.markup = (LIST_START_UL.exec(first) ?? LIST_START_OL.exec(first))?.[1].trim() ?? "";
  items.forEach((item, index) => {
    const itemEnd = items[index + 1]?.line ?? line - (endOfBlock ? 1 : 0);
    const li = state.push("list_item_open", "li", 1);
    li.map = [item.line, itemEnd];
    li.markup = open.markup;
    if (item.ial !== undefined) applyIal(li, item.ial);
    for (const chunk of item.chunks) state.tokens.push(...parseApart(state, chunk.lines, chunk.line));
    state.push("list_item_close", "li", -1);
  });
  state.push(`${kind}_close`, tag, -1);
  if (endOfBlock) {
    const eob = state.push(END_OF_BLOCK, "", 0);
    eob.map = [line - 1, line];
    eob.hidden = true;
  }
  state.line = line;
  return true;
}
