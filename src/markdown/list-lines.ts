// How kramdown reads the lines of a list item or a definition (kramdown/parser/kramdown/list.rb,
// parse_first_list_line and the patterns beside it), shared by kramdown-list.ts and kramdown-definitions.ts;
// kramdown-blockquote.ts reads its lines with the same container view and parses them apart the same way.
import type { StateBlock, Token } from "markdown-it";

export const EOB_MARKER = /^\^\s*$/;
export const BLANK = /^\s*$/;
// LIST_ITEM_IAL: an attribute list at the start of the first line gives its attributes to the item.
export const LIST_ITEM_IAL = /^\s*\{:(?!(?:\w[\w-]*)?:|\/)((?:\\\}|[^}])+)\}\s*/;
const LIST_ITEM_IAL_ONLY = new RegExp(`${LIST_ITEM_IAL.source}$|^\\s*$`);
// kramdown's LAZY_END_HTML_SPAN_ELEMENTS: HTML tags that do not stop a lazy line.
const SPAN_ELEMENTS =
  "a|abbr|acronym|b|big|bdo|br|button|cite|code|del|dfn|em|i|img|input|ins|kbd|label|mark|option|q|rb|rbc|rp|rt|rtc|ruby|samp|select|small|span|strong|sub|sup|tt|u|var|script";
const NAME = "(?:[A-Za-z_][\\w.-]*:)?[A-Za-z_][\\w.-]*";
// A block IAL alone on its line, or a block-level HTML tag: lines that are never lazy.
const NOT_LAZY = `(?:\\{:(?!:|\\/)(?:\\\\\\}|[^}])+\\}\\s*$|<\\/(?!(?:${SPAN_ELEMENTS})\\b)${NAME}\\s*>|<(?!(?:${SPAN_ELEMENTS})\\b)${NAME})`;

// kramdown's LAZY_END without the blank line and `^`: the lines that end a paragraph or blockquote's lazy run.
export const LAZY_END_BLOCK = new RegExp(`^ {0,3}${NOT_LAZY}`);

/** An item's content column, with the patterns of the lines that continue it. */
export interface Indentation {
  columns: number;
  /** A line indented at least to the content column. */
  content: RegExp;
  /** Any other non-blank line, which continues the item only right after a non-blank one. */
  lazy: RegExp;
}

/**
 * The line as the container holding the list sees it: inside a blockquote markdown-it has moved the line's
 * start past `>`, inside an indented container the container's indentation is taken off.
 */
export function containerLine(state: StateBlock, line: number): string {
  const start = state.bMarks[line];
  const end = state.eMarks[line];
  if (state.blkIndent === 0) return state.src.slice(start, end);
  return (
    " ".repeat(Math.max(0, state.sCount[line] - state.blkIndent)) + state.src.slice(start + state.tShift[line], end)
  );
}

// kramdown's PARSE_FIRST_LIST_LINE_REGEXP_CACHE: one set of patterns per content column.
const indentations = new Map<number, Indentation>();

function indentationOf(columns: number): Indentation {
  let known = indentations.get(columns);
  if (!known) {
    known = patternsFor(columns);
    indentations.set(columns, known);
  }
  return known;
}

function patternsFor(columns: number): Indentation {
  const groups = Math.floor(columns / 4);
  return {
    columns,
    content: new RegExp(`^(?:(?:\\t| {4}){${groups}} {${columns % 4}}|(?:\\t| {4}){${groups + 1}}).*\\S`),
    lazy: new RegExp(`^(?! {0,${Math.min(columns, 3)}}${NOT_LAZY}).*\\S`),
  };
}

/**
 * parse_first_list_line: the first line after the marker without its leading whitespace (tabs counted to the
 * next multiple of 4), and the content column: the marker's width plus that whitespace, or 4 when the line is
 * empty or holds only an IAL.
 */
export function firstListLine(markerColumns: number, tail: string): { content: string; indentation: Indentation } {
  if (LIST_ITEM_IAL_ONLY.test(tail)) return { content: tail.replace(/^\s*/, ""), indentation: indentationOf(4) };
  let content = tail;
  while (/^ *\t/.test(content)) {
    const spaces = /^ */.exec(content)?.[0].length ?? 0;
    const column = spaces + markerColumns;
    content = content.replace(/^( *)(\t+)/, (_all, lead: string, tabs: string) =>
      lead.concat(" ".repeat(4 - (column % 4) + (tabs.length - 1) * 4)),
    );
  }
  const spaces = /^ */.exec(content)?.[0].length ?? 0;
  return { content: content.replace(/^\s*/, ""), indentation: indentationOf(markerColumns + spaces) };
}

const itemStarts = new Map<string, RegExp>();

/**
 * fetch_pattern: a later item's marker (`marker`, a regexp source) may be indented less than the content
 * column, at most 3 spaces.
 */
export function itemStart(marker: string, indentation: Indentation): RegExp {
  const spaces = Math.min(Math.max(indentation.columns - 1, 0), 3);
  const key = `${spaces}${marker}`;
  let pattern = itemStarts.get(key);
  if (!pattern) {
    pattern = new RegExp(`^( {0,${spaces}}${marker})([\\t| ].*)$`);
    itemStarts.set(key, pattern);
  }
  return pattern;
}

/** A continuation line with leading tabs made 4 spaces each and, when it has it, the content indentation taken off. */
export function continuationLine(text: string, indentation: Indentation): { text: string; indented: boolean } {
  const result = text.replace(/^\t+/, (tabs) => "    ".repeat(tabs.length));
  const indent = " ".repeat(indentation.columns);
  const indented = result.startsWith(indent);
  return { text: indented ? result.slice(indent.length) : result, indented };
}

/** The attribute list at the start of an item's first line, and the line without it. */
export function itemIal(content: string): { content: string; ial?: string } {
  const match = LIST_ITEM_IAL.exec(content);
  return match ? { content: content.slice(match[0].length), ial: match[1] } : { content };
}

/**
 * Lines parsed as a document of their own (kramdown parses an item's text afresh), their tokens placed at the
 * source line of the first (`line`). The state starts at the current nesting level, so that markdown-it's
 * `maxNesting` still bounds how deep items can nest.
 */
export function parseApart(state: StateBlock, lines: string[], line: number): Token[] {
  const tokens: Token[] = [];
  const block = state.md.block;
  const apart = new block.State(`${lines.join("\n")}\n`, state.md, state.env, tokens);
  apart.level = state.level;
  block.tokenize(apart, apart.line, apart.lineMax);
  for (const token of tokens) if (token.map) token.map = [token.map[0] + line, token.map[1] + line];
  return tokens;
}
