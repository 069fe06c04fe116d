// kramdown's inline links and images (parser/kramdown/link.rb), in place of markdown-it's `link` and `image`.
// The URL is written as the author typed it (`with spaces.html`, `a"b`), where markdown-it percent-encodes it;
// `[text] [id]` may have a space between; a `[` inside link text is text (no link in a link); `(url "title")`
// is read with kramdown's parentheses counting; an image's alt is its raw text, backticks and all.
import type { StateInline, Token } from "markdown-it";
import { inside, spansOpen } from "./open-spans.ts";

// kramdown's own ESCAPED_CHARS (not the GFM set): what it unescapes in an image's alt text.
const ALT_ESCAPE = /\\([\\.*_+`<>()[\]{}#!:|"'$=-])/g;
const INLINE_ID = /^\s*?\[([^\]]+)?\]/;
const ANGLE_URL = /^\(<(.*?)>/;
const TITLE = /^\s*?(["'])([\s\S]+?)\1\s*?\)/;

interface Target {
  href: string;
  title?: string;
  end: number;
}

/** Inline rule, in place of markdown-it's `link` and `image`. */
export function kramdownLink(state: StateInline, silent: boolean): boolean {
  const { src } = state;
  const start = state.pos;
  const image = src[start] === "!";
  const opener = image ? "![" : "[";
  if (!src.startsWith(opener, start) || src[start + opener.length] === "^") return false;
  // kramdown allows an image in a link, no link in a link or an image.
  if (!image && spansOpen(state).some((span) => span === "a" || span === "img")) return asText(state, opener, silent);
  const labelStart = start + opener.length;
  const labelEnd = findLabelEnd(state, labelStart, image ? "img" : "a");
  const raw = labelEnd < 0 ? "" : src.slice(labelStart, labelEnd);
  const target = labelEnd < 0 ? undefined : readTarget(state, labelEnd + 1, raw);
  if (!target) return asText(state, opener, silent);
  if (!silent) {
    if (image) pushImage(state, target, raw.replace(ALT_ESCAPE, "$1"));
    else pushLink(state, target, labelStart, labelEnd);
  }
  state.pos = target.end;
  return true;
}

function asText(state: StateInline, text: string, silent: boolean): boolean {
  if (!silent) state.pending += text;
  state.pos += text.length;
  return true;
}

// The `]` that closes the text: every `[`/`![` met opens one more, every image met inside closes its own.
function findLabelEnd(state: StateInline, from: number, span: "a" | "img"): number {
  const { src } = state;
  const saved = state.pos;
  let count = 1;
  let images = 0;
  let end = -1;
  inside(state, span, () => {
    let pos = from;
    while (pos < state.posMax) {
      if (src[pos] === "]") {
        if (--count - images === 0) {
          end = pos;
          return;
        }
        pos++;
        continue;
      }
      if (src.startsWith("[", pos) || src.startsWith("![", pos)) count++;
      state.pos = pos;
      if (src.startsWith("![", pos) && kramdownLink(state, true) && state.pos > pos + 2) images++;
      else state.md.inline.skipToken(state);
      pos = state.pos;
    }
  });
  state.pos = saved;
  return end;
}

// What follows `]`: `[id]` or nothing (a reference), `(<url>)`, `(url)` or `(url "title")`.
function readTarget(state: StateInline, at: number, label: string): Target | undefined {
  const rest = state.src.slice(at, state.posMax);
  const id = INLINE_ID.exec(rest);
  if (id || !rest.startsWith("(")) {
    const reference = lookUp(state, id?.[1] ?? label);
    return reference && { ...reference, end: at + (id ? id[0].length : 0) };
  }
  let href: string;
  let after: number;
  const angle = ANGLE_URL.exec(rest);
  if (angle) {
    href = angle[1];
    after = angle[0].length;
    if (rest[after] === ")") return { href, end: at + after + 1 };
  } else {
    const url = parenthesised(rest);
    if (!url) return undefined;
    if (url.closed) return { href: url.href, end: at + url.end };
    href = url.href;
    after = url.end;
  }
  const title = TITLE.exec(rest.slice(after));
  return title ? { href, title: title[2], end: at + after + title[0].length } : undefined;
}

// kramdown's LINK_PAREN_STOP_RE loop: `(` and `)` counted, a space before a quote stops at the title.
function parenthesised(rest: string): { href: string; end: number; closed: boolean } | undefined {
  let brackets = 0;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === "(") brackets++;
    else if (c === ")" && --brackets === 0) return { href: rest.slice(1, i).trim(), end: i + 1, closed: true };
    else if (/\s/.test(c) && (rest[i + 1] === '"' || rest[i + 1] === "'"))
      return { href: rest.slice(1, i).trim(), end: i + 1, closed: false };
  }
  return undefined;
}

function lookUp(state: StateInline, id: string): Omit<Target, "end"> | undefined {
  const references = (state.env as { references?: Record<string, { href: string; title: string }> }).references;
  const reference = references?.[state.md.utils.normalizeReference(id)];
  return reference && { href: reference.href, title: reference.title || undefined };
}

/** A URL or text as kramdown writes it: entities decoded (the renderer escapes `&` again), backslashes kept. */
export function decodeEntities(state: StateInline, url: string): string {
  // unescapeAll also drops a backslash before punctuation, but turns `\\` back into `\`.
  return state.md.utils.unescapeAll(url.replace(/\\/g, "\\\\"));
}

function pushLink(state: StateInline, target: Target, labelStart: number, labelEnd: number): void {
  const open = state.push("link_open", "a", 1);
  open.attrs = [["href", decodeEntities(state, target.href)]];
  if (target.title !== undefined) open.attrs.push(["title", target.title]);
  const posMax = state.posMax;
  state.pos = labelStart;
  state.posMax = labelEnd;
  state.linkLevel++;
  inside(state, "a", () => state.md.inline.tokenize(state));
  state.linkLevel--;
  state.posMax = posMax;
  state.push("link_close", "a", -1);
}

function pushImage(state: StateInline, target: Target, alt: string): void {
  const image = state.push("image", "img", 0);
  image.attrs = [
    ["src", decodeEntities(state, target.href)],
    ["alt", ""],
  ];
  if (target.title !== undefined) image.attrs.push(["title", target.title]);
  // markdown-it's renderer writes the alt from the children's text.
  const text: Token = new state.Token("text", "", 0);
  text.content = alt;
  image.children = [text];
  image.content = alt;
}
