// kramdown's extensions (kramdown/parser/kramdown/extensions.rb): `{::comment}...{:/comment}` becomes an HTML
// comment, `{::nomarkdown}...{:/}` is written as it is (unless its `type` names no HTML), `{::options .../}`
// writes nothing. As a block, the start and stop tags each stand alone on a line; in text, anywhere. An
// extension kramdown does not know, or one without its stop tag, stays text.
// `{::options}` does not change settings here as it does in kramdown: the rest of the post renders as before.
import type { RendererRule, StateBlock, StateInline } from "markdown-it";

export const EXTENSION = "kramdown_extension";

const KNOWN = new Set(["comment", "nomarkdown", "options"]);
// kramdown's EXT_START_STR: a name, attributes after a space, `/` for an extension without a body.
const START = /\{::(\w+)(?:\s((?:\\\}|[^}])*?)|)(\/)?\}/y;
const BLOCK_START = /^ {0,3}\{::(\w+)(?:\s((?:\\\}|[^}])*?)|)(\/)?\}\s*$/;
const STOP = /^\{:\/(?:\w[\w-]*)?\}/;
const stopTag = (name: string) => new RegExp(`\\{:/(?:${name})?\\}`);
const blockStopTag = (name: string) => new RegExp(`^ {0,3}\\{:/(?:${name})?\\}\\s*$`);

// nomarkdown's `type='html latex'`: written only when it names HTML or nothing.
function writesHtml(attributes: string): boolean {
  const type = /(?:^|\s)type=(["'])(.*?)\1/.exec(attributes)?.[2].trim() ?? "";
  return type === "" || type.split(/\s+/).includes("html");
}

// What an extension with this body writes; `block` ends the text with a line break, as kramdown does.
function output(name: string, attributes: string, body: string | undefined, block: boolean): string {
  if (body === undefined || name === "options") return "";
  const end = block ? "\n" : "";
  if (name === "comment") return `<!-- ${body} -->${end}`;
  return writesHtml(attributes) ? `${body}${end}` : "";
}

/** Block rule (before `table`): an extension whose tags stand alone on their lines. */
export function kramdownBlockExtension(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const first = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
  const start = BLOCK_START.exec(first);
  if (!start || !KNOWN.has(start[1])) return false;
  const [, name, attributes = "", selfClosed] = start;
  let stop = startLine;
  if (!selfClosed) {
    const tag = blockStopTag(name);
    stop = startLine + 1;
    const lineOf = (line: number) => state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
    while (stop < endLine && !(state.sCount[stop] - state.blkIndent < 4 && tag.test(lineOf(stop)))) stop++;
    if (stop >= endLine) return false;
  }
  if (silent) return true;
  const body = selfClosed ? undefined : state.getLines(startLine + 1, stop, state.blkIndent, false);
  const token = state.push(EXTENSION, "", 0);
  token.block = true;
  token.map = [startLine, stop + 1];
  token.content = output(name, attributes, body, true);
  state.line = stop + 1;
  return true;
}

// A tag kramdown leaves as text (an unknown extension, a start without its stop, a stop alone), kept as
// `text_special` so that markdown-it-attrs does not read `{:/x}` as an attribute list; text_join makes it text.
function literal(state: StateInline, tag: string, silent: boolean): boolean {
  if (!silent) state.push("text_special", "", 0).content = tag;
  state.pos += tag.length;
  return true;
}

/** Inline rule: an extension inside text. */
export function kramdownSpanExtension(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x7b) return false;
  const stopAlone = STOP.exec(state.src.slice(state.pos, state.posMax));
  if (stopAlone) return literal(state, stopAlone[0], silent);
  START.lastIndex = state.pos;
  const start = START.exec(state.src);
  if (!start) return false;
  const [all, name, attributes = "", selfClosed] = start;
  if (!KNOWN.has(name)) return literal(state, all, silent);
  const from = state.pos + all.length;
  let body: string | undefined;
  let end = from;
  if (!selfClosed) {
    const stop = stopTag(name).exec(state.src.slice(from, state.posMax));
    if (!stop) return literal(state, all, silent);
    body = state.src.slice(from, from + stop.index);
    end = from + stop.index + stop[0].length;
  }
  if (!silent) state.push("html_inline", "", 0).content = output(name, attributes, body, false);
  state.pos = end;
  return true;
}

/** Render rule for a block extension: what it writes. */
export const renderExtension: RendererRule = (tokens, index) => tokens[index].content;
