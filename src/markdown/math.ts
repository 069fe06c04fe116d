// kramdown's math (kramdown/parser/kramdown/math.rb) as Jekyll writes it with kramdown's default MathJax
// engine: `$$...$$` inside text is inline math, `\(...\)`; `$$...$$` standing as a block of its own (after a
// blank line or at the start of its container, and followed by one or the container's end) is display math,
// `\[...\]`, without a paragraph. The TeX is escaped for HTML and otherwise written as typed.
import type { RendererRule, StateBlock, StateInline } from "markdown-it";
import { escapeXml } from "../site/text.ts";
import { afterBlockBoundary } from "./block-boundary.ts";

export const MATH_INLINE = "kramdown_math_inline";
export const MATH_BLOCK = "kramdown_math_block";

const DOLLAR = 0x24;
// What ends a block in kramdown's eyes (BLOCK_BOUNDARY): a blank line, `^`, a block IAL line.
const BOUNDARY_LINE = /^\s*$|^ {0,3}\^\s*$|^ {0,3}\{:(?![:/])(?:\\\}|[^}])+\}\s*$/;

/** Inline rule: `$$TeX$$`, which may run over lines of the same paragraph. */
export function kramdownInlineMath(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== DOLLAR || state.src.charCodeAt(start + 1) !== DOLLAR) return false;
  const end = state.src.indexOf("$$", start + 2);
  if (end < 0 || end + 2 > state.posMax) return false;
  if (!silent) state.push(MATH_INLINE, "math", 0).content = state.src.slice(start + 2, end).trim();
  state.pos = end + 2;
  return true;
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

/** Block rule (before `paragraph`): a block of `$$TeX$$`, one line or several. */
export function kramdownBlockMath(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const first = lineText(state, startLine);
  if (!first.startsWith("$$") || !afterBlockBoundary(state, startLine)) return false;
  const lines: string[] = [];
  for (let line = startLine; line < endLine; line++) {
    const text = line === startLine ? first.slice(2) : state.src.slice(state.bMarks[line], state.eMarks[line]);
    const close = text.indexOf("$$");
    if (close < 0) {
      // A blank line ends the paragraph the `$$` would have to close in.
      if (line > startLine && state.isEmpty(line)) return false;
      lines.push(text);
      continue;
    }
    if (text.slice(close + 2).trim() !== "") return false;
    const next = line + 1;
    if (next < endLine && !state.isEmpty(next) && !BOUNDARY_LINE.test(lineText(state, next))) return false;
    if (silent) return true;
    lines.push(text.slice(0, close));
    const token = state.push(MATH_BLOCK, "math", 0);
    token.block = true;
    token.map = [startLine, next];
    token.content = lines.join("\n").trim();
    state.line = next;
    return true;
  }
  return false;
}

export const renderInlineMath: RendererRule = (tokens, index) =>
  `\\(${escapeXml(tokens[index].content, { keepApostrophes: true })}\\)`;

/** `\[TeX\]`, in a `<div>` only when an IAL gave it attributes (as kramdown's MathJax engine writes it). */
export const renderBlockMath: RendererRule = (tokens, index, _options, _env, self) => {
  const token = tokens[index];
  const math = `\\[${escapeXml(token.content, { keepApostrophes: true })}\\]\n`;
  return token.attrs?.length ? `<div${self.renderAttrs(token)}>${math}</div>\n` : math;
};
