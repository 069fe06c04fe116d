// An HTML element's raw content read as kramdown reads it (parse_raw_html in kramdown/parser/html.rb): nested
// elements open and close by name, `<script>` and `<style>` run to their own end tag, comments and processing
// instructions are whole, an end tag that closes nothing open is text, and an element never closed runs to
// the end of the text it is in. The HTML is written back from the source as typed, except what kramdown
// changes: `markdown` attributes dropped, stray end tags escaped, unclosed elements closed.
import {
  CLOSE_TAG,
  COMMENT,
  ELEMENTS_WITHOUT_BODY,
  INSTRUCTION,
  RAW_START,
  START_TAG,
  elementName,
  endTagAt,
  isKnownElement,
  matchAt,
  withoutMarkdownAttribute,
} from "./html-syntax.ts";

export interface RawHtml {
  /** Where the element ends in the source: after its end tag, or `limit` when it is never closed. */
  end: number;
  /** The HTML to write out. */
  html: string;
}

/** The content of `name`, whose start tag ends at `from`, through its end tag; nothing is read past `limit`. */
export function readRawElement(src: string, from: number, limit: number, name: string, tail = ""): RawHtml {
  const open = [name];
  let html = "";
  let at = from;
  while (open.length > 0) {
    RAW_START.lastIndex = at;
    const next = RAW_START.exec(src);
    if (!next || next.index >= limit) {
      // kramdown's text runs to the end of its source, which ends with a line break (`tail`).
      const closes = open.reverse().map((still) => `</${still}>`);
      html += escapeText(src.slice(at, limit)) + tail + closes.join("");
      return { end: limit, html };
    }
    html += escapeText(src.slice(at, next.index));
    at = next.index;
    const whole = matchAt(COMMENT, src, at, limit) ?? matchAt(INSTRUCTION, src, at, limit);
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
      if (child === "script" || child === "style") {
        const [body, after] = rawTextElement(src, at, limit, child);
        html += body;
        at = after;
      } else if (!start[4] && !ELEMENTS_WITHOUT_BODY.has(child)) {
        open.push(child);
      }
      continue;
    }
    const close = matchAt(CLOSE_TAG, src, at, limit);
    if (close) {
      const top = open[open.length - 1];
      const closes = top === (isKnownElement(top) ? close[1].toLowerCase() : close[1]);
      html += closes ? close[0] : close[0].replace(/</g, "&lt;").replace(/>/g, "&gt;");
      if (closes) open.pop();
      at += close[0].length;
      continue;
    }
    html += "&lt;";
    at += 1;
  }
  return { end: at, html };
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
