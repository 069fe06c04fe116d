// Raw HTML blocks as kramdown reads them: a block-level tag at the start of a line opens a block that runs
// to its matching end tag (blank lines included, so `{% highlight %}` output and `<div>`s with empty lines
// stay whole); a span-level tag (`<img>`, `<a>`, `<span>`...) starts a paragraph; `markdown="1"` makes the
// content Markdown. Anything else falls back to markdown-it's own rule.
import type { StateBlock } from "markdown-it";

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

// kramdown's HTML_SPAN_ELEMENTS (kramdown/parser/html.rb).
export const SPAN_ELEMENTS: ReadonlySet<string> = new Set(
  "a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strike strong sub sup textarea tt u var".split(
    " ",
  ),
);
const VOID_ELEMENTS = new Set("area base br col embed hr img input link meta param source track wbr".split(" "));
// Tags that may interrupt a paragraph (CommonMark's block tag list, which markdown-it uses).
const INTERRUPTING = new Set(
  "address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul".split(
    " ",
  ),
);

const OPEN_TAG = /^<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*)\s*(\/?)>/;
const MARKDOWN_ATTR = /\s+markdown\s*=\s*(?:"(1|block)"|'(1|block)'|(1|block))(?=[\s/>]|$)/;

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
  const text = lineText(state, startLine);
  const open = OPEN_TAG.exec(text);
  if (!open) return false;
  const name = open[1].toLowerCase();
  if (SPAN_ELEMENTS.has(name)) return false;
  if (silent) return INTERRUPTING.has(name);
  const selfClosed = open[3] === "/" || VOID_ELEMENTS.has(name);
  const last = selfClosed ? startLine : closingLine(state, startLine, endLine, name, text.slice(open[0].length));
  if (last === undefined) return false;

  const markdown = MARKDOWN_ATTR.exec(open[2]);
  const closeText = lineText(state, last).trim();
  if (
    markdown &&
    !selfClosed &&
    last > startLine &&
    open[0].length === text.trimEnd().length &&
    closeText === `</${open[1]}>`
  ) {
    // `<div markdown="1">`: the tags stay HTML (without the attribute), the lines between are Markdown.
    const before = state.push("html_block", "", 0);
    before.map = [startLine, startLine + 1];
    before.content = `${open[0].replace(MARKDOWN_ATTR, "")}\n`;
    const oldParent = state.parentType;
    const oldLineMax = state.lineMax;
    state.parentType = "reference" as typeof state.parentType;
    state.lineMax = last;
    state.md.block.tokenize(state, startLine + 1, last);
    state.lineMax = oldLineMax;
    state.parentType = oldParent;
    const after = state.push("html_block", "", 0);
    after.map = [last, last + 1];
    after.content = `${closeText}\n`;
    state.line = last + 1;
    return true;
  }
  const token = state.push("html_block", "", 0);
  token.map = [startLine, last + 1];
  token.content = state.getLines(startLine, last + 1, state.blkIndent, true).replace(MARKDOWN_ATTR, "");
  state.line = last + 1;
  return true;
}

/** markdown-it's `html_block` rule, except that a line starting with a span-level tag is a paragraph, as in kramdown. */
export function htmlBlockWithoutSpanTags(htmlBlock: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    const tag = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(lineText(state, startLine));
    if (tag && SPAN_ELEMENTS.has(tag[1].toLowerCase())) return false;
    return htmlBlock(state, startLine, endLine, silent);
  };
}
