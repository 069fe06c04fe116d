// Code blocks as kramdown's GFM parser reads them (kramdown/parser/kramdown/codeblock.rb, parser/gfm.rb):
// an indented block takes lazy lines (a line with less indentation joins the line before it, after a
// space) until a blank line, an IAL, `^` or a block-level HTML tag; a fence is one of ``` or ~~~ with at most
// one word after it and needs its closing fence, else it is no fence at all; its lines are kept as written.
// An IAL on the line right after either block gives that block its attributes.
import type { StateBlock } from "markdown-it";
import { applyIal } from "./attributes.ts";
import { SPAN_ELEMENTS } from "./html-syntax.ts";
import { IAL_LINE } from "./block-ial.ts";

// kramdown's EOB_MARKER.
const END_OF_BLOCK_LINE = /^\^\s*$/;
// kramdown's LAZY_END_HTML_START and LAZY_END_HTML_STOP: a tag whose name is not a span-level element's.
const HTML_TAG_LINE = /^ {0,3}<(\/?)([A-Za-z_:][-\w.:]*)/;
// kramdown's FENCED_CODEBLOCK_MATCH of the GFM parser, for the opening line: the fence, then at most one word
// (the language, with Rouge's `?option=value` after it).
const FENCE_OPENING = /^ {0,3}(([~`])\2{2,})[ \t]*(?:((\S+?)(?:\?\S*)?)[ \t]*)?$/;

/** A line's text with `indent` columns of its container's indentation taken off. */
const lineFrom = (state: StateBlock, line: number, indent: number): string =>
  state.getLines(line, line + 1, indent, false);

// A line that ends an indented code block's lazy lines.
function endsLazyLines(text: string): boolean {
  if (IAL_LINE.test(text) || END_OF_BLOCK_LINE.test(text)) return true;
  const tag = HTML_TAG_LINE.exec(text);
  if (!tag) return false;
  const name = /^[A-Za-z0-9]+/.exec(tag[2])?.[0] ?? "";
  // kramdown's names are matched with `\b` after them: `<abbr>` is span-level, `<article>` is not.
  const spanLevel = (SPAN_ELEMENTS.has(name) || name === "script") && !/^[-.:]/.test(tag[2].slice(name.length));
  if (spanLevel) return false;
  return tag[1] === "" || /^ {0,3}<\/[A-Za-z_:][-\w.:]*\s*>/.test(text);
}

// An IAL on `line`, right after a code block: given to the block's token and the line consumed.
function takeIal(state: StateBlock, line: number, endLine: number): string | undefined {
  if (line >= endLine || state.sCount[line] < state.blkIndent) return undefined;
  return IAL_LINE.exec(lineFrom(state, line, state.blkIndent))?.[1];
}

/** Block rule in place of markdown-it's `code`: kramdown's indented code block, lazy lines included. */
export function kramdownIndentedCode(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent < 4 || state.isEmpty(startLine)) return false;
  if (silent) return true;
  let content = "";
  let last = startLine;
  let lazyAllowed = false;
  for (let line = startLine; line < endLine; line++) {
    if (state.isEmpty(line)) continue;
    if (state.sCount[line] - state.blkIndent >= 4) {
      // Blank lines count only when an indented line follows them.
      for (let blank = last; blank < line; blank++) content += `${lineFrom(state, blank, state.blkIndent + 4)}\n`;
      content += `${lineFrom(state, line, state.blkIndent + 4)}\n`;
      last = line + 1;
      lazyAllowed = true;
      continue;
    }
    const text = lineFrom(state, line, state.blkIndent);
    if (!lazyAllowed || last !== line || state.sCount[line] < state.blkIndent || endsLazyLines(text)) break;
    content = `${content.slice(0, -1)} ${text}\n`;
    last = line + 1;
  }
  const token = state.push("code_block", "code", 0);
  token.content = content;
  const ial = takeIal(state, last, endLine);
  if (ial !== undefined) applyIal(token, ial);
  state.line = ial === undefined ? last : last + 1;
  token.map = [startLine, state.line];
  return true;
}

/** Block rule in place of markdown-it's `fence`: kramdown's GFM fence, which exists only with its closing fence. */
export function kramdownFence(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const opening = FENCE_OPENING.exec(lineFrom(state, startLine, state.blkIndent));
  if (!opening) return false;
  const [, fence, char, info = "", language] = opening;
  const closing = new RegExp(`^ {0,3}${fence.replace(/[`~]/g, "\\$&")}\\${char}*\\s*$`);
  let close = startLine + 1;
  const closes = (line: number) => closing.test(lineFrom(state, line, state.blkIndent));
  // A line less indented than the container (the next list item) ends its content before any closing fence.
  const outside = (line: number) => !state.isEmpty(line) && state.sCount[line] < state.blkIndent;
  while (close < endLine && !outside(close) && !closes(close)) close++;
  if (close >= endLine || outside(close)) return false;
  if (silent) return true;
  const token = state.push("fence", "code", 0);
  token.info = info;
  token.markup = fence;
  token.content = close > startLine + 1 ? `${state.getLines(startLine + 1, close, state.blkIndent, false)}\n` : "";
  if (language) token.attrSet("class", `language-${language}`);
  const ial = takeIal(state, close + 1, endLine);
  if (ial !== undefined) applyIal(token, ial);
  state.line = ial === undefined ? close + 1 : close + 2;
  token.map = [startLine, state.line];
  return true;
}
