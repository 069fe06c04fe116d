// kramdown's emphasis (parser/kramdown/emphasis.rb), in place of markdown-it's delimiter runs. kramdown reads
// `*`/`_` left to right: an opener starts an element whose content is parsed until a closing delimiter that
// passes kramdown's checks, and an opener with no such closer is text. So `__dir__` after a letter is text,
// `*a _b_ c*` keeps `_b_` as text (no em inside em), and `**a *b*` is one em holding `*a *b`.
import type { StateInline } from "markdown-it";
import { inside, spansOpen } from "./open-spans.ts";

type Element = "em" | "strong";

const SPACE = /\s/;
const ALPHA = /\p{L}/u;
const ALNUM = /[\p{L}\p{N}]/u;

/** Inline rule, in place of markdown-it's `emphasis`. */
export function kramdownEmphasis(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const type = state.src[start];
  if (type !== "*" && type !== "_") return false;
  const run = start + 1 < state.posMax && state.src[start + 1] === type ? 2 : 1;
  const delimiter = type.repeat(run);
  const open = spansOpen(state);
  const element: Element = run === 2 ? "strong" : "em";
  const cannotOpen =
    (type === "_" && afterLetter(state.src, start)) ||
    SPACE.test(state.src[start + run] ?? "") ||
    open.includes(element);
  if (cannotOpen) return asText(state, delimiter, silent);

  let close = findClose(state, start + run, delimiter, element);
  let opened = { element, delimiter, content: start + run };
  // `**` with no closing `**` may still open an em at its first `*` (not inside an em).
  if (close < 0 && element === "strong" && open.at(-1) !== "em") {
    opened = { element: "em", delimiter: type, content: start + 1 };
    close = findClose(state, start + 1, type, "em");
  }
  if (close < 0) return asText(state, delimiter, silent);

  if (!silent) {
    state.push(`${opened.element}_open`, opened.element, 1).markup = opened.delimiter;
    const posMax = state.posMax;
    state.pos = opened.content;
    state.posMax = close;
    inside(state, opened.element, () => state.md.inline.tokenize(state));
    state.posMax = posMax;
    state.push(`${opened.element}_close`, opened.element, -1).markup = opened.delimiter;
  }
  state.pos = close + opened.delimiter.length;
  return true;
}

// kramdown's `[[:alpha:]]-?[[:alpha:]]*\z` before an `_`: a letter, or a letter and a hyphen.
function afterLetter(src: string, at: number): boolean {
  const before = src[at - 1] ?? "";
  return ALPHA.test(before) || (before === "-" && ALPHA.test(src[at - 2] ?? ""));
}

function asText(state: StateInline, delimiter: string, silent: boolean): boolean {
  if (!silent) state.pending += delimiter;
  state.pos += delimiter.length;
  return true;
}

/** Where `element`'s content starting at `from` ends at a `delimiter` kramdown accepts, or -1. */
function findClose(state: StateInline, from: number, delimiter: string, element: Element): number {
  const { src } = state;
  const saved = state.pos;
  let close = -1;
  inside(state, element, () => {
    let pos = from;
    while (pos < state.posMax) {
      if (src.startsWith(delimiter, pos) && closes(src, pos, from, delimiter, element)) {
        close = pos;
        return;
      }
      state.pos = pos;
      state.md.inline.skipToken(state);
      pos = state.pos;
    }
  });
  state.pos = saved;
  return close;
}

function closes(src: string, at: number, from: number, delimiter: string, element: Element): boolean {
  const type = delimiter[0];
  const after = src.slice(at + delimiter.length);
  return (
    at > from &&
    !SPACE.test(src[at - 1]) &&
    // An em does not end at `**` (unless a third follows), which may close a strong inside it.
    (element !== "em" || !(after.startsWith(type) && after[1] !== type)) &&
    (type !== "_" || !ALNUM.test(after[0] ?? ""))
  );
}
