// Tables as kramdown reads them (kramdown/parser/kramdown/table.rb, which its GFM parser keeps): a table starts
// only after a blank line (or first in its container) and must end before one; every line holds a `|` outside
// code; a header needs no separator (a table without one is all body); a `|-` line after the first rows makes
// them the header and later ones start a new body; a `|=` line starts the footer. Rows are split at each `|`
// that is neither escaped (`\|` is a pipe in the cell) nor inside a code span or a `<code>` element, and padded
// with empty cells to the widest row.
import type { StateBlock } from "markdown-it";
import { applyIal } from "./attributes.ts";
import { IAL_LINE } from "./block-ial.ts";
import { END_OF_BLOCK } from "./end-of-block.ts";
import {
  BLOCK_ELEMENTS,
  CLOSE_TAG,
  COMMENT,
  ELEMENTS_WITHOUT_BODY,
  START_TAG,
  elementName,
  matchAt,
} from "./html-syntax.ts";
import { readRawElement } from "./html-raw.ts";

type Alignment = "left" | "right" | "center" | undefined;
interface Section {
  type: "thead" | "tbody" | "tfoot";
  rows: { cells: string[]; line: number }[];
}

// kramdown's TABLE_START and TABLE_LINE: an unescaped `|` somewhere on the line.
const TABLE_START = /^ {0,3}(?=\S)(?:\||.*?[^\\]\|)/;
const TABLE_LINE = /^(?:\||.*?[^\\]\|)/;
// kramdown's TABLE_SEP_LINE, TABLE_HSEP_ALIGN and TABLE_FSEP_LINE.
const SEPARATOR = /^([+|: \t-]*?-[+|: \t-]*?)[ \t]*$/;
const ALIGNMENT = /[ \t]?(:?)-+(:?)[ \t]?/g;
const FOOTER_SEPARATOR = /^[+|: \t=]*?=[+|: \t=]*?[ \t]*$/;
const CODE_ELEMENT = /^<code.*?>.*?<\/code>/;

const lineText = (state: StateBlock, line: number): string => state.getLines(line, line + 1, state.blkIndent, false);

// kramdown's codespan parser on its own: the backtick run at `at` and the index after its closing run, or
// undefined when it is text (no closing run, or a lone backtick between spaces).
function codeSpanEnd(text: string, at: number): { run: string; end: number | undefined } {
  const run = /^`+/.exec(text.slice(at))?.[0] ?? "`";
  const lone = run.length === 1 && /\s/.test(text[at - 1] ?? "") && /\s/.test(text[at + 1] ?? "");
  const close = lone ? -1 : text.indexOf(run, at + run.length);
  return { run, end: close < 0 ? undefined : close + run.length };
}

/** A row's cells as kramdown splits them: at each `|` neither escaped nor inside a code span or `<code>`. */
export function splitRow(text: string): string[] {
  const cells = [""];
  for (let i = 0; i < text.length;) {
    const element = CODE_ELEMENT.exec(text.slice(i))?.[0];
    let verbatim = element;
    if (!verbatim && text[i] === "`") {
      const { run, end } = codeSpanEnd(text, i);
      verbatim = end === undefined ? run : text.slice(i, end);
    }
    if (verbatim) {
      cells[cells.length - 1] += verbatim;
      i += verbatim.length;
    } else if (text.startsWith("\\|", i)) {
      cells[cells.length - 1] += "|";
      i += 2;
    } else if (text[i] === "|") {
      cells.push("");
      i += 1;
    } else {
      cells[cells.length - 1] += text[i];
      i += 1;
    }
  }
  return cells;
}

// Ruby's String#split("\n"), which drops trailing empty strings.
const rubyLines = (text: string): string[] => {
  const kept = text.replace(/\n+$/, "");
  return kept === "" ? [] : kept.split("\n");
};

/**
 * kramdown's check over the whole table, code spans read across lines: every line holds a `|` outside code
 * (a code span may carry on to the next line only from a line that has one).
 */
function pipeOnEveryLine(text: string): boolean {
  let pipeOnLine = false;
  const hasPipe = (line: string) => /^(?:\||.*?[^\\]\|)/.test(line);
  const rawText = (raw: string): boolean => {
    const lines = rubyLines(raw);
    if (lines.length === 0) return true;
    if (lines.length > 1 && !pipeOnLine && !hasPipe(lines[0])) return false;
    pipeOnLine = (lines.length > 1 ? false : pipeOnLine) || hasPipe(lines[lines.length - 1]);
    return true;
  };
  let rawStart = 0;
  for (let i = 0; i < text.length;) {
    if (text[i] === "<") {
      const element = spanElementAt(text, i);
      if (element.kind === "text") {
        i = element.end;
        continue;
      }
      // An element is one node to kramdown's check: what it holds (pipes, lines) does not count.
      if (!rawText(text.slice(rawStart, i))) return false;
      i = rawStart = element.end;
      continue;
    }
    if (text[i] !== "`") {
      i++;
      continue;
    }
    const { run, end } = codeSpanEnd(text, i);
    if (end === undefined) {
      i += run.length;
      continue;
    }
    if (!rawText(text.slice(rawStart, i))) return false;
    const lines = rubyLines(text.slice(i + run.length, end - run.length)).length;
    if (lines > 2 || (lines === 2 && !pipeOnLine)) return false;
    if (lines === 2) pipeOnLine = false;
    i = rawStart = end;
  }
  return rawText(text.slice(rawStart)) && pipeOnLine;
}

/**
 * kramdown's span HTML parser at a `<`, as the table check runs it: a comment, a stray end tag or a block-level
 * tag is text; a span element runs through its end tag (read as html-raw.ts reads an element), or to the end.
 */
function spanElementAt(text: string, at: number): { kind: "text" | "element"; end: number } {
  const comment = matchAt(COMMENT, text, at, text.length);
  if (comment) return { kind: "text", end: at + comment[0].length };
  const close = matchAt(CLOSE_TAG, text, at, text.length);
  if (close) return { kind: "text", end: at + close[0].length };
  const tag = matchAt(START_TAG, text, at, text.length);
  if (!tag) return { kind: "text", end: at + 1 };
  const name = elementName(tag[1]);
  const afterTag = at + tag[0].length;
  if (BLOCK_ELEMENTS.has(name)) return { kind: "text", end: afterTag };
  if (tag[4] || ELEMENTS_WITHOUT_BODY.has(name)) return { kind: "element", end: afterTag };
  return { kind: "element", end: readRawElement(text, afterTag, text.length, name).end };
}

// kramdown's after_block_boundary?: first in its container, or after a blank line, `^` or an IAL line (which
// kramdown keeps for the next block).
function afterBlockBoundary(state: StateBlock, startLine: number): boolean {
  const previous = state.tokens.at(-1);
  if (!previous || previous.nesting === 1 || previous.type === END_OF_BLOCK) return true;
  return startLine > 0 && (state.isEmpty(startLine - 1) || IAL_LINE.test(lineText(state, startLine - 1)));
}

// kramdown's before_block_boundary?: the end, a blank line, `^` or an IAL next.
function beforeBlockBoundary(state: StateBlock, line: number, endLine: number): boolean {
  if (line >= endLine || state.isEmpty(line)) return true;
  const text = lineText(state, line);
  return /^\^\s*$/.test(text) || IAL_LINE.test(text);
}

/** Block rule in place of markdown-it's `table`: kramdown's tables. */
export function kramdownTable(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  if (!TABLE_START.test(lineText(state, startLine)) || !afterBlockBoundary(state, startLine)) return false;
  const leadingPipe = /^\s*\|/.test(lineText(state, startLine));
  const sections: Section[] = [];
  let rows: Section["rows"] = [];
  let alignments: Alignment[] | undefined;
  let hasFooter = false;
  let columns = 0;
  const addSection = (type: Section["type"], force: boolean) => {
    if (hasFooter && type === "tbody" && !force) return;
    sections.push({ type, rows });
    rows = [];
  };
  let line = startLine;
  if (SEPARATOR.test(lineText(state, line))) line++;
  // A line less indented than the container (the next list item) ends its content, as the end of the text.
  const inside = (at: number) => at < endLine && state.sCount[at] >= state.blkIndent;
  for (; inside(line); line++) {
    const text = lineText(state, line);
    if (!TABLE_LINE.test(text)) break;
    const separator = SEPARATOR.exec(text);
    if (separator) {
      if (rows.length === 0) continue;
      if (!alignments && !hasFooter) {
        addSection("thead", false);
        alignments = [...separator[1].matchAll(ALIGNMENT)].map(([, left, right]) =>
          left && right ? "center" : right ? "right" : left ? "left" : undefined,
        );
      } else addSection("tbody", false);
    } else if (FOOTER_SEPARATOR.test(text)) {
      if (rows.length > 0) addSection("tbody", true);
      hasFooter = true;
    } else {
      const cells = splitRow(text.replace(/[ \t]+$/, ""));
      if (leadingPipe && cells[0].trim() === "") cells.shift();
      if (cells.length > 0 && cells[cells.length - 1].trim() === "") cells.pop();
      columns = Math.max(columns, cells.length);
      rows.push({ cells: cells.map((cell) => cell.trim()), line });
    }
  }
  if (inside(line) && !beforeBlockBoundary(state, line, endLine)) return false;
  if (!pipeOnEveryLine(state.getLines(startLine, line, state.blkIndent, false))) return false;
  if (rows.length > 0) addSection(hasFooter ? "tfoot" : "tbody", false);
  if (!sections.some((section) => section.type === "tbody")) return false;
  if (silent) return true;

  const aligned = Array.from({ length: columns }, (_, i) => alignments?.[i]);
  const table = state.push("table_open", "table", 1);
  table.map = [startLine, line];
  for (const section of sections) {
    state.push(`${section.type}_open`, section.type, 1);
    const cellTag = section.type === "thead" ? "th" : "td";
    for (const row of section.rows) {
      state.push("tr_open", "tr", 1).map = [row.line, row.line + 1];
      for (let i = 0; i < columns; i++) {
        const cell = state.push(`${cellTag}_open`, cellTag, 1);
        if (aligned[i]) cell.attrSet("style", `text-align: ${aligned[i]}`);
        const inline = state.push("inline", "", 0);
        // kramdown writes an empty cell as a no-break space.
        inline.content = row.cells[i] || "\u00a0";
        inline.map = [row.line, row.line + 1];
        inline.children = [];
        state.push(`${cellTag}_close`, cellTag, -1);
      }
      state.push("tr_close", "tr", -1);
    }
    state.push(`${section.type}_close`, section.type, -1);
  }
  state.push("table_close", "table", -1);
  const ial = inside(line) ? IAL_LINE.exec(lineText(state, line))?.[1] : undefined;
  if (ial !== undefined) applyIal(table, ial);
  state.line = ial === undefined ? line : line + 1;
  return true;
}
