// Raw HTML blocks as kramdown reads them: a block-level tag at the start of a line opens a block that runs
// to its matching end tag (blank lines included, so `{% highlight %}` output and `<div>`s with empty lines
// stay whole); a span-level tag (`<img>`, `<a>`, `<span>`...) starts a paragraph; `markdown="1"` makes the
// content Markdown. Anything else falls back to markdown-it's own rule.
import type { StateBlock } from "markdown-it";

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

// kramdown's HTML_SPAN_ELEMENTS (kramdown/parser/html.rb).
const SPAN_ELEMENTS = new Set(
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

/** The line holding the end tag that closes the element opened on `start`, counting nested ones. */
function closingLine(
  state: StateBlock,
  start: number,
  end: number,
  name: string,
  afterOpen: string,
): number | undefined {
  const tags = new RegExp(`<(/?)${name}(?=[\\s/>])[^>]*?(/?)>`, "gi");
  let depth = 1;
  for (let line = start; line < end; line++) {
    if (line > start && state.sCount[line] < state.blkIndent && !state.isEmpty(line)) return undefined;
    const text = line === start ? afterOpen : lineText(state, line);
    for (const match of text.matchAll(tags)) {
      if (match[1]) depth--;
      else if (!match[2]) depth++;
      if (depth === 0) return line;
    }
  }
  return undefined;
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
