// Raw HTML blocks as kramdown reads them: a block-level tag at the start of a line opens a block that runs
// to its matching end tag (blank lines included, so `{% highlight %}` output and `<div>`s with empty lines
// stay whole); a span-level tag (`<img>`, `<a>`, `<span>`...) starts a paragraph; `markdown="1"` makes the
// content Markdown. Anything else falls back to markdown-it's own rule.
import type { StateBlock } from "markdown-it";
import { type RawPart, readRawElement, rawTextElement } from "./html-raw.ts";
import {
  commentAt,
  ELEMENTS_WITHOUT_BODY,
  SPAN_ELEMENTS,
  START_TAG,
  elementName,
  endTagAt,
  markdownAttributeModel,
  matchAt,
  withoutMarkdownAttribute,
} from "./html-syntax.ts";

const lineText = (state: StateBlock, line: number) =>
  state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);

/**
 * The line holding the end tag that closes the element opened on `start`, counting nested ones: the first
 * line where the depth (1 after the opening tag, up at each `<name>`, down at each `</name>`) reaches 0,
 * unless a line indented less than the block comes first. Looked up in an index of the whole text, so that
 * a post full of unclosed `<div>`s is not read to its end once for each of them.
 */
function closingLine(
  state: StateBlock,
  start: number,
  end: number,
  name: string,
  afterOpen: string,
): number | undefined {
  let depth = 1;
  for (const match of afterOpen.matchAll(tagPattern(name))) {
    depth += eventOf(match);
    if (depth === 0) return start;
  }
  const index = tagIndexOf(state, name);
  // The running sum of events over whole lines, through `start`; the closing line is the first after it
  // whose lowest point falls `depth` below that.
  const from = firstAfter(index.lines, start);
  const through = from > 0 ? index.before[from - 1] + index.net[from - 1] : 0;
  const at = firstAtMost(index.tree, from, through - depth);
  const line = at === undefined ? undefined : index.lines[at];
  if (line === undefined || line >= end) return undefined;
  return nextShallowerLine(state, start, end) <= line ? undefined : line;
}

const tagPattern = (name: string) => new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*?(/?)>`, "gi");
const eventOf = (match: RegExpMatchArray) => (match[1] ? -1 : match[2] ? 0 : 1);

/** For one tag name, the lines holding its tags: each line's net change, lowest point and the sum before it. */
interface TagIndex {
  lines: number[];
  net: number[];
  before: number[];
  /** A segment tree over `before + lowest`, for the first line at or under a level. */
  tree: number[];
}

const indexes = new WeakMap<
  StateBlock,
  { src: string; byName: Map<string, TagIndex>; candidates: Map<string, number[]> }
>();

function tagIndexOf(state: StateBlock, name: string): TagIndex {
  let cache = indexes.get(state);
  if (!cache || cache.src !== state.src) {
    cache = { src: state.src, byName: new Map(), candidates: candidateLines(state.src) };
    indexes.set(state, cache);
  }
  const key = name.toLowerCase();
  let index = cache.byName.get(key);
  if (!index) {
    index = buildIndex(state.src, cache.candidates.get(key) ?? [], tagPattern(name));
    cache.byName.set(key, index);
  }
  return index;
}

// Lines as markdown-it numbers them (its source has `\n` line ends only). Container prefixes (`> `, list
// markers, indentation) hold no `<`, so a line's tags are the same with or without them.
function lineStarts(src: string): number[] {
  const starts = [0];
  for (let at = src.indexOf("\n"); at !== -1; at = src.indexOf("\n", at + 1)) starts.push(at + 1);
  return starts;
}

/** Each tag name (lower case) with the lines where `<name` or `</name` appears, in one pass. */
function candidateLines(src: string): Map<string, number[]> {
  const starts = lineStarts(src);
  const byName = new Map<string, number[]>();
  let line = 0;
  for (const match of src.matchAll(/<\/?([A-Za-z][A-Za-z0-9-]*)/g)) {
    while (line + 1 < starts.length && starts[line + 1] <= match.index) line++;
    const name = match[1].toLowerCase();
    const lines = byName.get(name) ?? [];
    if (lines[lines.length - 1] !== line) lines.push(line);
    byName.set(name, lines);
  }
  return byName;
}

function buildIndex(src: string, candidates: number[], pattern: RegExp): TagIndex {
  const starts = lineStarts(src);
  const index: TagIndex = { lines: [], net: [], before: [], tree: [] };
  const lows: number[] = [];
  let sum = 0;
  for (const line of candidates) {
    const text = src.slice(starts[line], line + 1 < starts.length ? starts[line + 1] - 1 : src.length);
    let net = 0;
    let low = 0;
    for (const match of text.matchAll(pattern)) {
      net += eventOf(match);
      low = Math.min(low, net);
    }
    if (net === 0 && low === 0) continue;
    index.lines.push(line);
    index.net.push(net);
    index.before.push(sum);
    lows.push(sum + low);
    sum += net;
  }
  index.tree = minTree(lows);
  return index;
}

/** A tree of minimums over `values` (leaves padded to a power of two), root at 1. */
function minTree(values: number[]): number[] {
  let size = 1;
  while (size < values.length) size *= 2;
  const tree = new Array<number>(2 * size).fill(Infinity);
  for (let i = 0; i < values.length; i++) tree[size + i] = values[i];
  for (let i = size - 1; i > 0; i--) tree[i] = Math.min(tree[2 * i], tree[2 * i + 1]);
  return tree;
}

/** The first position at or after `from` whose value is at most `level`. */
function firstAtMost(tree: number[], from: number, level: number): number | undefined {
  const size = tree.length / 2;
  if (from >= size) return undefined;
  // Up and right, one whole subtree at a time, until one holds such a value; then down into it.
  let node = from + size;
  while (tree[node] > level) {
    while (node % 2 === 1) node = node >> 1;
    if (node === 0) return undefined;
    node += 1;
  }
  while (node < size) node = tree[2 * node] <= level ? 2 * node : 2 * node + 1;
  return node - size;
}

/** The position of the first value in a sorted list greater than `value`. */
function firstAfter(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The last stretch searched for a line indented less than the block, so no stretch is searched twice. */
const shallower = new WeakMap<StateBlock, { blkIndent: number; end: number; from: number; line: number }>();

/** The first line after `start` (before `end`) that is not blank and is indented less than the block, else `end`. */
function nextShallowerLine(state: StateBlock, start: number, end: number): number {
  const known = shallower.get(state);
  if (known && known.blkIndent === state.blkIndent && known.end === end && known.from <= start && start < known.line) {
    return known.line;
  }
  let line = start + 1;
  while (line < end && !(state.sCount[line] < state.blkIndent && !state.isEmpty(line))) line++;
  shallower.set(state, { blkIndent: state.blkIndent, end, from: start, line });
  return line;
}

/** Block rule: an HTML block as kramdown reads one (see the top of this file); false leaves the line to others. */
export function kramdownHtmlBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const from = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(from) !== 0x3c /* < */) return false;
  const text = lineText(state, startLine);
  if (silent) {
    // kramdown's paragraphs end at a line starting with a tag other than a span-level one or `<script>`.
    const tag = matchAt(START_TAG, text, 0, text.length);
    const tagName = tag && elementName(tag[1]);
    return tagName !== undefined && !SPAN_ELEMENTS.has(tagName) && tagName !== "script";
  }
  const source = blockSource(state, startLine, endLine);
  const comment = commentAt(source.text, source.at, source.limit);
  const open = comment ? undefined : matchAt(START_TAG, source.text, source.at, source.limit);
  const name = open && elementName(open[1]);
  if (!comment && (!open || !name || SPAN_ELEMENTS.has(name))) return false;
  if (comment) return finishBlock(state, startLine, endLine, source, comment.index + comment[0].length, comment[0]);
  if (!open || !name) return false;

  const afterTag = open.index + open[0].length;
  const tag = withoutMarkdownAttribute(open[0]);
  if (name === "script" || name === "style") {
    const [body, end] = rawTextElement(source.text, afterTag, source.limit, name);
    return finishBlock(state, startLine, endLine, source, end, tag + body);
  }
  if (open[4] || ELEMENTS_WITHOUT_BODY.has(name)) {
    return finishBlock(state, startLine, endLine, source, afterTag, tag);
  }
  const model = markdownAttributeModel(open[2], name) ?? "raw";
  if (model === "block") {
    const last = closingLine(state, startLine, endLine, open[1], text.slice(open[0].length));
    const closeText = last === undefined ? "" : lineText(state, last).trim();
    if (
      last !== undefined &&
      last > startLine &&
      open[0].length === text.trimEnd().length &&
      closeText.toLowerCase() === `</${name}>`
    ) {
      // `<div markdown="1">`: the tags stay HTML (without the attribute), the lines between are Markdown.
      pushHtml(state, `${tag}\n`, startLine, startLine + 1);
      const oldParent = state.parentType;
      const oldLineMax = state.lineMax;
      state.parentType = "reference" as typeof state.parentType;
      state.lineMax = last;
      state.md.block.tokenize(state, startLine + 1, last);
      state.lineMax = oldLineMax;
      state.parentType = oldParent;
      pushHtml(state, `${closeText}\n`, last, last + 1);
      state.line = last + 1;
      return true;
    }
  }
  if (model === "span") {
    // `<p markdown="1">`: the content, to the first end tag, is one span of Markdown.
    const close = endTagAt(source.text, afterTag, source.limit, name);
    const end = close ? close.index + close[0].length : source.limit;
    const lines = lineOf(source, end) - startLine;
    pushHtml(state, tag, startLine, startLine + 1);
    const inline = state.push("inline", "", 0);
    inline.content = source.text.slice(afterTag, close ? close.index : source.limit).trim();
    inline.map = [startLine, startLine + lines + 1];
    inline.children = [];
    return finishBlock(state, startLine, endLine, source, end, `</${name}>`);
  }
  const raw = readRawElement(source.text, afterTag, source.limit, name, { tail: "\n" });
  const last = pushParts(state, startLine, [{ html: tag }, ...raw.parts]);
  return finishBlock(state, startLine, endLine, source, raw.end, last);
}

/** The text an HTML block is read from: the source itself at the top level, else the container's lines. */
interface BlockSource {
  text: string;
  /** Where the block starts in `text`. */
  at: number;
  /** Where the container's text ends: nothing after it belongs to the block. */
  limit: number;
  /** Whether `text` is the source itself (else the container's lines from the block's first one). */
  isSource: boolean;
}

function blockSource(state: StateBlock, startLine: number, endLine: number): BlockSource {
  const at = state.bMarks[startLine] + state.tShift[startLine];
  if (state.blkIndent === 0 && state.parentType !== "blockquote" && linesAreWhole(state, startLine, endLine)) {
    return { text: state.src, at, limit: state.eMarks[endLine - 1], isSource: true };
  }
  const rest = endLine > startLine + 1 ? `\n${state.getLines(startLine + 1, endLine, state.blkIndent, false)}` : "";
  const text = state.src.slice(at, state.eMarks[startLine]) + rest;
  return { text, at: 0, limit: text.length, isSource: false };
}

/** Whether lines after `startLine` begin where the source's lines begin (no `>` or indentation taken off). */
function linesAreWhole(state: StateBlock, startLine: number, endLine: number): boolean {
  const known = wholeLines.get(state);
  if (known && known.src === state.src && known.from <= startLine && known.to >= endLine) return true;
  for (let line = startLine + 1; line < endLine; line++) {
    if (state.bMarks[line] !== state.eMarks[line - 1] + 1) return false;
  }
  wholeLines.set(state, { src: state.src, from: startLine, to: endLine });
  return true;
}
const wholeLines = new WeakMap<StateBlock, { src: string; from: number; to: number }>();

/** The line of the block's source holding position `at`. */
function lineOf(source: BlockSource, at: number): number {
  let line = 0;
  for (let i = source.at; i < at; i++) if (source.text.charCodeAt(i) === 0x0a) line++;
  return line;
}

/** Writes an element's parts but the last stretch of HTML, which it returns; Markdown parts are read here. */
function pushParts(state: StateBlock, line: number, parts: RawPart[]): string {
  let html = "";
  for (const part of parts) {
    if ("html" in part) {
      html += part.html;
      continue;
    }
    if (html) pushHtml(state, html, line, line + 1);
    html = "";
    if (part.markdown === "block") {
      state.md.block.parse(part.text, state.md, state.env, state.tokens);
    } else {
      const inline = state.push("inline", "", 0);
      inline.content = part.text;
      inline.map = [line, line + 1];
      inline.children = [];
    }
  }
  return html;
}

function pushHtml(state: StateBlock, content: string, from: number, to: number): void {
  const token = state.push("html_block", "", 0);
  token.map = [from, to];
  token.content = content;
}

/**
 * Writes the block read from the source up to `end`, and goes on after it. What follows the block on its
 * last line (`</div> text`, `</script><noscript>`) starts a new block there, as in kramdown.
 */
function finishBlock(
  state: StateBlock,
  startLine: number,
  endLine: number,
  source: BlockSource,
  end: number,
  html: string,
): boolean {
  const line = startLine + lineOf(source, end);
  const lineEnd = source.text.indexOf("\n", end);
  const rest = source.text.slice(end, lineEnd === -1 || lineEnd > source.limit ? source.limit : lineEnd);
  // Past a depth of nested reads (below), the rest of the line stays in the block, lest the stack overflow.
  const keepRest = line === startLine && readingOn >= MAX_READING_ON;
  pushHtml(state, `${html}${keepRest ? rest : ""}\n`, startLine, line + 1);
  if (rest.trim() === "" || line >= endLine || keepRest) {
    state.line = line + 1;
    return true;
  }
  const restStart = state.eMarks[line] - rest.trimStart().length;
  state.bMarks[line] = restStart;
  state.tShift[line] = 0;
  state.sCount[line] = state.blkIndent;
  if (line > startLine) {
    state.line = line;
    return true;
  }
  // The rest of the block's own line: markdown-it's loop needs a rule to move on a line, so read on here.
  readingOn++;
  try {
    state.md.block.tokenize(state, line, endLine);
  } finally {
    readingOn--;
  }
  return true;
}

/** How many reads of the rest of a line (each reading the text after it) are under way, one inside another. */
let readingOn = 0;
const MAX_READING_ON = 40;
