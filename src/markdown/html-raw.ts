// An HTML element's raw content read as kramdown reads it (parse_raw_html in kramdown/parser/html.rb): nested
// elements open and close by name, `<script>` and `<style>` run to their own end tag, comments and processing
// instructions are whole, an end tag that closes nothing open is text, and an element never closed runs to
// the end of the text it is in. The HTML is written back from the source as typed, except what kramdown
// changes: `markdown` attributes dropped, stray end tags escaped, unclosed elements closed.
import {
  commentAt,
  CLOSE_TAG,
  ELEMENTS_WITHOUT_BODY,
  INSTRUCTION,
  RAW_START,
  START_TAG,
  elementName,
  endTagAt,
  isKnownElement,
  markdownAttributeModel,
  matchAt,
  withoutMarkdownAttribute,
} from "./html-syntax.ts";

/** A stretch of the element's HTML, or the content of an element inside it that `markdown="…"` makes Markdown. */
export type RawPart = { html: string } | { markdown: "span" | "block"; text: string };

export interface RawHtml {
  /** Where the element ends in the source: after its end tag, or `limit` when it is never closed. */
  end: number;
  /** Where its content ends: at its end tag, or `limit`. */
  contentEnd: number;
  /** What to write out, in order. */
  parts: RawPart[];
}

export interface RawReading {
  /** Written before the end tags of elements never closed: kramdown's text ends with the source's line break. */
  tail?: string;
  /** Whether `markdown="block"` inside reads blocks (not inside a paragraph). */
  blocks?: boolean;
}

/** The content of `name`, whose start tag ends at `from`, through its end tag; nothing is read past `limit`. */
export function readRawElement(src: string, from: number, limit: number, name: string, how: RawReading = {}): RawHtml {
  const { tail = "", blocks = true } = how;
  const open = [name];
  const parts: RawPart[] = [];
  let html = "";
  let at = from;
  while (open.length > 0) {
    RAW_START.lastIndex = at;
    const next = RAW_START.exec(src);
    if (!next || next.index >= limit) {
      const closes = open.reverse().map((still) => `</${still}>`);
      parts.push({ html: html + escapeText(src.slice(at, limit)) + tail + closes.join("") });
      return { end: limit, contentEnd: limit, parts };
    }
    html += escapeText(src.slice(at, next.index));
    at = next.index;
    const whole = commentAt(src, at, limit) ?? matchAt(INSTRUCTION, src, at, limit);
    if (whole) {
      html += whole[0];
      at += whole[0].length;
      continue;
    }
    const start = matchAt(START_TAG, src, at, limit);
    if (start) {
      html += withoutMarkdownAttribute(start[0]);
      at += start[0].length;
      const child = elementName(start[1]);
      const model = markdownAttributeModel(start[2], child);
      if (child === "script" || child === "style") {
        const [body, after] = rawTextElement(src, at, limit, child);
        html += body;
        at = after;
      } else if (start[4] || ELEMENTS_WITHOUT_BODY.has(child)) {
        // no content
      } else if (model === "span" || (model === "block" && blocks)) {
        // `<td markdown="1">` inside a table: the content is Markdown, the element's end tag ends it.
        const content = model === "span" ? spanContent(src, at, limit, child) : blockContent(src, at, limit, child);
        parts.push({ html }, { markdown: model, text: src.slice(content.from, content.to) });
        html = `</${child}>`;
        at = content.end;
      } else {
        open.push(child);
      }
      continue;
    }
    const close = matchAt(CLOSE_TAG, src, at, limit);
    if (close) {
      const top = open[open.length - 1];
      const closes = top === (isKnownElement(top) ? close[1].toLowerCase() : close[1]);
      if (closes && open.length === 1) {
        parts.push({ html: html + close[0] });
        return { end: at + close[0].length, contentEnd: at, parts };
      }
      html += closes ? close[0] : close[0].replace(/</g, "&lt;").replace(/>/g, "&gt;");
      if (closes) open.pop();
      at += close[0].length;
      continue;
    }
    html += "&lt;";
    at += 1;
  }
  parts.push({ html });
  return { end: at, contentEnd: at, parts };
}

/** Whether only up to three spaces stand between `at` and the start of its line (or of the content, `from`). */
function startsLine(src: string, from: number, at: number): boolean {
  const lineStart = Math.max(src.lastIndexOf("\n", at - 1) + 1, from);
  return at - lineStart <= 3 && /^ *$/.test(src.slice(lineStart, at));
}

/** A span-model element's content: to the first end tag of its name (kramdown does not count nesting here). */
function spanContent(src: string, from: number, limit: number, name: string) {
  const close = endTagAt(src, from, limit, name);
  return close ? { from, to: close.index, end: close.index + close[0].length } : { from, to: limit, end: limit };
}

/**
 * A block-model element's content: after the line its start tag ends, to the first end tag of its name at
 * the start of a line, where kramdown's block parsing stops (one further in, as in `*a*</td>`, is text).
 */
function blockContent(src: string, from: number, limit: number, name: string) {
  const lineEnd = /[ \t]*\n/y;
  lineEnd.lastIndex = from;
  const start = lineEnd.test(src) ? lineEnd.lastIndex : from;
  for (let close = endTagAt(src, start, limit, name); close; close = endTagAt(src, close.index + 1, limit, name)) {
    if (startsLine(src, start, close.index))
      return { from: start, to: close.index, end: close.index + close[0].length };
  }
  return { from: start, to: limit, end: limit };
}

// REXML's REFERENCE_RE: an entity or character reference, which kramdown leaves as typed.
const TEXT_TO_ESCAPE = /&(?:[\p{L}_:][-\p{L}\p{M}\p{Nd}._:]*|#\d+|#x[0-9a-fA-F]+);|[<>&]/gu;
const ESCAPED: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };

/** Text as kramdown writes it (escape_html with :text): `<`, `>` and a bare `&` escaped, references kept. */
export const escapeText = (text: string) => text.replace(TEXT_TO_ESCAPE, (found) => ESCAPED[found] ?? found);

/** A `<script>` or `<style>` body and end tag as typed, and where they end (kramdown's handle_raw_html_tag). */
export function rawTextElement(src: string, from: number, limit: number, name: string): [string, number] {
  const end = endTagAt(src, from, limit, name);
  if (!end) return [`${src.slice(from, limit)}</${name}>`, limit];
  const after = end.index + end[0].length;
  return [src.slice(from, after), after];
}
