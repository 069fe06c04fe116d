// kramdown's inline attribute lists (IALs): `{: .class #id key="v"}` on the line after a block applies to
// that block, `*word*{:.cls}` to a span, and `## Heading {#id}` sets a heading's id. markdown-it-attrs does
// the parsing; these rules adapt kramdown's syntax to it.
import type { StateCore } from "markdown-it";
import type { Token } from "markdown-it";

// kramdown reads `.class`, `#id` and `key="v"`/`key='v'` and ignores other words (they name attribute
// definitions, which Jekyll posts do not use); markdown-it-attrs would make them empty attributes.
// (`{::name}` and `{:/}` are extensions' tags, extensions.ts.)
const IAL = /\{:(?![:/])([^{}\n]*)\}/g;
const IAL_RUN = /(?:\{:(?![:/])[^{}\n]*\})+/g;
const PART = /\s*(\.[^\s.#{}="']+|#[^\s.#{}="']+|[A-Za-z_:][-\w:.]*=(?:"[^"]*"|'[^']*')|\S+)/g;

const KEY_VALUE = /^[A-Za-z_:][-\w:.]*=(?:"[^"]*"|'[^']*')$/;

export function cleanIal(inner: string): string {
  return readableParts(inner).join(" ");
}

// `.class`, `#id` and `key="v"`/`key='v'`: what kramdown reads (`width=“70”` with typographic quotes is not).
function readableParts(inner: string): string[] {
  return [...inner.matchAll(PART)].map((m) => m[1]).filter((part) => /^[.#]/.test(part) || KEY_VALUE.test(part));
}

// One IAL or several in a row (kramdown merges `{: .a}{: .b}`), as markdown-it-attrs reads them: one list,
// values in double quotes. One that kramdown reads as it is stays as typed.
function spanIal(run: string): string {
  const inners = [...run.matchAll(IAL)].map((m) => m[1]);
  const parts = inners.flatMap(readableParts);
  const unchanged = inners.length === 1 && parts.length === [...inners[0].matchAll(PART)].length;
  if (unchanged && !parts.some((part) => part.endsWith("'"))) return run;
  if (parts.length === 0) return "";
  const quoted = parts.map((part) =>
    part.endsWith("'") && !part.includes('"') ? part.replace(/='(.*)'$/, '="$1"') : part,
  );
  return `{:${quoted.join(" ")}}`;
}

// kramdown's HEADER_ID: `{#id}` after a space or tab (`Header{#id}` keeps it as text), an XML name.
const HEADING_ID = /[\t ]+\{#([A-Za-z_:][\w:.-]*)\}\s*$/;

/** Sets the attributes of an IAL's inside (`.class #id key="v"`) on a token. */
export function applyIal(token: Token, inner: string): void {
  for (const part of cleanIal(inner).split(/\s+(?=(?:[.#]|[A-Za-z_:][-\w:.]*=))/)) {
    if (part.startsWith(".")) token.attrJoin("class", part.slice(1));
    else if (part.startsWith("#")) token.attrSet("id", part.slice(1));
    else if (part.includes("=")) {
      const at = part.indexOf("=");
      // kramdown adds an IAL's `class="x"` to the classes the element has, as it does `.x`.
      if (part.slice(0, at) === "class") token.attrJoin("class", part.slice(at + 2, -1));
      else token.attrSet(part.slice(0, at), part.slice(at + 2, -1));
    }
  }
}

/**
 * Core rule, before markdown-it-attrs: `## Heading {#id}` sets the id, and words kramdown ignores leave each span
 * IAL (an IAL alone on a line is block-ial.ts's).
 */
export function kramdownIalPrepare(state: StateCore): void {
  if (!state.src.includes("{")) return;
  for (let i = 0; i < state.tokens.length; i++) {
    const token = state.tokens[i];
    if (token.type !== "inline" || !token.children) continue;
    // `## Heading {#id}`: kramdown's heading id syntax.
    if (state.tokens[i - 1]?.type === "heading_open") {
      const last = token.children.at(-1);
      const match = last?.type === "text" ? HEADING_ID.exec(last.content) : null;
      if (last && match) {
        last.content = last.content.slice(0, match.index);
        // An ATX heading's closing hashes may stand before the id (`### Header ## {#id}`).
        if (state.tokens[i - 1].markup.startsWith("#")) last.content = last.content.replace(/[\t ]+#+$/, "");
        state.tokens[i - 1].attrSet("id", match[1]);
      }
    }
    token.children.forEach((child, c, children) => {
      if (child.type !== "text" || !child.content.includes("{:")) return;
      // kramdown gives a span IAL to the element right before it; after text (`item {:.cls}`) it is text.
      const attached = c > 0 && ELEMENT_ENDS.has(children[c - 1].type);
      child.content = child.content.replace(IAL_RUN, (run: string, at: number) =>
        // An attribute list left with nothing kramdown reads disappears, as in kramdown.
        at === 0 && attached ? spanIal(run) : run.replaceAll("{:", LOOSE_IAL),
      );
    });
  }
}

// Inline tokens that end an element kramdown could give a span IAL to.
const ELEMENT_ENDS = new Set([
  "em_close",
  "strong_close",
  "s_close",
  "link_close",
  "code_inline",
  "image",
  "html_inline",
  "hardbreak",
  "footnote_ref",
]);
// Stands for the `{:` of an attribute list kramdown leaves as text, so markdown-it-attrs does not read it.
const LOOSE_IAL = "\uE000";

/** Core rule, after markdown-it-attrs: the attribute lists kramdown leaves as text are written as typed. */
export function restoreLooseIals(state: StateCore): void {
  if (!state.src.includes("{:")) return;
  for (const token of state.tokens) {
    for (const child of token.children ?? []) {
      if (child.content.includes(LOOSE_IAL)) child.content = child.content.replaceAll(LOOSE_IAL, "{:");
    }
  }
}

/** markdown-it-attrs' `curly_attributes` rule, run only on a source that holds `{:`. */
export function curlyAttributesOnlyWithIal(curlyAttributes: (state: StateCore) => void): (state: StateCore) => void {
  // Its rule walks every token of every post on every cold build; without `{:` it has nothing to do.
  return (state) => {
    if (state.src.includes("{:")) curlyAttributes(state);
  };
}
