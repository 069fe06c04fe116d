// HTML inside a paragraph as kramdown reads it (parse_span_html in kramdown/parser/kramdown/html.rb), in place
// of markdown-it's html_inline: an element whose content kramdown keeps raw (`<script>`, `<kbd>`, `<code>`,
// names it does not know...) runs to its end tag as typed, with no Markdown, quotes or dashes inside;
// `markdown="…"` is read and dropped; a block-level tag, an end tag that closes nothing, `<?…?>`,
// `<!DOCTYPE>` and `<![CDATA[` are text.
import type { StateInline, Token } from "markdown-it";
import { escapeText, readRawElement } from "./html-raw.ts";
import {
  commentAt,
  BLOCK_ELEMENTS,
  CLOSE_TAG,
  ELEMENTS_WITHOUT_BODY,
  START_TAG,
  contentModelOf,
  elementName,
  markdownAttributeModel,
  matchAt,
  withoutMarkdownAttribute,
} from "./html-syntax.ts";

/** The elements opened in a paragraph and not yet closed, innermost last, so an end tag knows if it closes one. */
const openElements = new WeakMap<StateInline, string[]>();

function pushHtml(state: StateInline, content: string): void {
  const token = state.push("html_inline", "", 0);
  token.content = content;
}

/** Inline rule: an HTML tag or comment at `<`, or the `<` as text when kramdown reads none there. */
export function kramdownHtmlSpan(state: StateInline, silent: boolean): boolean {
  const at = state.pos;
  if (state.src.charCodeAt(at) !== 0x3c /* < */) return false;
  const limit = state.posMax;
  let open = openElements.get(state);
  if (!open) {
    open = [];
    openElements.set(state, open);
  }

  const comment = commentAt(state.src, at, limit);
  if (comment) {
    if (!silent) pushHtml(state, comment[0]);
    state.pos += comment[0].length;
    return true;
  }

  const close = matchAt(CLOSE_TAG, state.src, at, limit);
  if (close) {
    const index = open.lastIndexOf(elementName(close[1]));
    if (!silent) {
      if (index === -1) pushHtml(state, escapeText(close[0]));
      else pushHtml(state, close[0]);
    }
    if (index !== -1 && !silent) open.length = index;
    state.pos += close[0].length;
    return true;
  }

  const start = matchAt(START_TAG, state.src, at, limit);
  if (!start) {
    // `<?pi?>`, `<!DOCTYPE>`, `<![CDATA[`, `<a href=/x>`: kramdown writes the `<` as text.
    if (!silent) state.pending += "<";
    state.pos += 1;
    return true;
  }
  const name = elementName(start[1]);
  const afterTag = at + start[0].length;
  if (BLOCK_ELEMENTS.has(name)) {
    // As typed: no typographic quotes in its attributes.
    if (!silent) pushHtml(state, escapeText(start[0]));
    state.pos = afterTag;
    return true;
  }
  const tag = withoutMarkdownAttribute(start[0]);
  if (ELEMENTS_WITHOUT_BODY.has(name)) {
    if (!silent) pushHtml(state, tag);
    state.pos = afterTag;
    return true;
  }
  if (start[4]) {
    // `<span/>`: kramdown writes an element that is not void with an end tag.
    if (!silent) pushHtml(state, `${tag.replace(/\s*\/>$/, ">")}</${name}>`);
    state.pos = afterTag;
    return true;
  }
  const asked = markdownAttributeModel(start[2], name);
  const parsed = asked === undefined || asked === "block" ? contentModelOf(name) !== "raw" : asked === "span";
  if (parsed) {
    if (!silent) {
      pushHtml(state, tag);
      open.push(name);
    }
    state.pos = afterTag;
    return true;
  }
  // Raw content: to the end tag, or to the paragraph's end when there is none; tags inside stay tags.
  const raw = readRawElement(state.src, afterTag, limit, name, { blocks: false });
  if (!silent) {
    let html = tag;
    for (const part of raw.parts) {
      if ("html" in part) {
        html += part.html;
        continue;
      }
      pushHtml(state, html);
      html = "";
      // `<strong markdown="1">` inside raw content: its content is read as Markdown here.
      // Into a list of its own: markdown-it's second pass would join this paragraph's pending text tokens.
      const inner: Token[] = [];
      state.md.inline.parse(part.text, state.md, state.env, inner);
      for (const token of inner) {
        state.tokens.push(token);
        state.tokens_meta.push(undefined);
      }
    }
    if (html) pushHtml(state, html);
  }
  state.pos = raw.end;
  return true;
}
