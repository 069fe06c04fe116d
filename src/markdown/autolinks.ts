// kramdown's autolinks (parser/kramdown/autolink.rb), in place of markdown-it's `autolink`: `<http://...>`,
// `<mailto:...>` and `<name@host>`, the URL written as typed (markdown-it percent-encodes it and decodes `%20` in
// the text), and `mailto:` left out of the text.
import type { StateInline } from "markdown-it";
import { decodeEntities } from "./links.ts";

const AUTOLINK = /^<((mailto|https?|ftps?):.+?|[\p{L}\p{N}\-_.]+?@[\p{L}\p{N}\-_.]+?)>/u;

/** Inline rule, in place of markdown-it's `autolink`. */
export function kramdownAutolink(state: StateInline, silent: boolean): boolean {
  if (state.src[state.pos] !== "<") return false;
  const match = AUTOLINK.exec(state.src.slice(state.pos, state.posMax));
  if (!match) return false;
  if (!silent) {
    const href = match[2] ? match[1] : `mailto:${match[1]}`;
    // Marked as markdown-it marks its autolinks: kramdown's typographic rules leave their text as typed.
    const open = state.push("link_open", "a", 1);
    open.attrs = [["href", decodeEntities(state, href)]];
    open.markup = "autolink";
    open.info = "auto";
    state.push("text", "", 0).content = decodeEntities(state, match[1].replace(/^mailto:/, ""));
    const close = state.push("link_close", "a", -1);
    close.markup = "autolink";
    close.info = "auto";
  }
  state.pos += match[0].length;
  return true;
}
