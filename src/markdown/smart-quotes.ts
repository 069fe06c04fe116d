// kramdown's smart quotes (kramdown/parser/kramdown/smart_quotes.rb, after RubyPants), in place of
// markdown-it's pairing: kramdown turns every quote into a curly one by looking only at the characters
// around it (`27"` becomes `27”`, `,"y"` closes), where markdown-it pairs quotes and leaves lone ones straight.
import type { StateCore, Token } from "markdown-it";

// Ruby's \s and \w are ASCII-only.
const S = "[ \\t\\r\\n\\f\\v]";
const W = "[A-Za-z0-9_]";
const PUNCT = "[!\"#$%'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]";
const CLOSE = "[^ \\\\\\t\\r\\n\\[{(-]";

type Quote = "lquote1" | "rquote1" | "lquote2" | "rquote2" | "“" | "‘" | "’";
// Each rule: a pattern anchored at the character before the quote (when there is one), and what it becomes:
// a number is a group kept as text, a name is a quote whose shape follows the group's quote character.
const RULES: [RegExp, (number | Quote)[]][] = [
  [new RegExp(`^(["'])(?=[_*]{1,2}[^ \\t\\r\\n\\f\\v])`), ["lquote1"]],
  [new RegExp(`^(["'])(?=${PUNCT}(?!\\.\\.)\\B)`), ["rquote1"]],
  [new RegExp(`^(${S}?)"'(?=${W})`), [1, "“", "‘"]],
  [new RegExp(`^(${S}?)'"(?=${W})`), [1, "‘", "“"]],
  [new RegExp(`^(${S}?)'(?=[0-9][0-9]s)`), [1, "’"]],
  [new RegExp(`^(${S})(['"])(?=${W})`), [1, "lquote2"]],
  [new RegExp(`^(${CLOSE}${S}*)(['"])`), [1, "rquote2"]],
  [new RegExp(`^(["'])(?=${S}|s\\b|$)`), ["rquote1"]],
  [/^([\s\S]?)'/, [1, "‘"]],
  [/^([\s\S]?)"/, [1, "“"]],
];

function shape(name: Quote, match: RegExpExecArray): string {
  if (!name.includes("quote")) return name;
  const quote = match[Number(name.slice(-1))];
  const double = quote === '"';
  return name.startsWith("l") ? (double ? "“" : "‘") : double ? "”" : "’";
}

// What kramdown's scanner sees after a text token: the source of the tokens that follow, roughly.
function sourceOf(tokens: Token[]): string {
  return tokens
    .map((t) => {
      if (t.type === "text" || t.type === "html_inline") return t.content;
      if (t.type === "code_inline") return `${t.markup}${t.content}${t.markup}`;
      if (t.type === "softbreak" || t.type === "hardbreak") return "\n";
      if (t.type === "text_special") return `\\${t.content}`;
      if (t.type === "link_open") return "[";
      if (t.type === "link_close") return "]";
      if (t.type === "image") return "![";
      return t.markup ?? "";
    })
    .join("");
}

// Rules look at most a few characters past a quote: this much of what follows is enough to decide.
const LOOK_AHEAD = 16;
const STICKY_RULES: [RegExp, (number | Quote)[]][] = RULES.map(([pattern, parts]) => [
  new RegExp(pattern.source.replace(/^\^/, ""), "y"),
  parts,
]);

/** `text` with kramdown's curly quotes; `following` is the source after it (for look-ahead). */
export function smartQuotes(text: string, following = ""): string {
  // One string to match in, with sticky patterns at each quote, so each quote costs what is near it.
  const rest = text + following.slice(0, LOOK_AHEAD);
  const quotes = /["']/g;
  let out = "";
  let start = 0; // where the current run of plain text begins: the scanner never looks back past it
  let i = 0;
  while (i < text.length) {
    quotes.lastIndex = i;
    const found = quotes.exec(text);
    if (!found) break;
    const at = found.index;
    // kramdown's `--`, `---` and `...` are elements of their own, and a `[`, `*`, `_` or backtick is taken by the
    // link, emphasis or code span parser even when it then stays text: a quote right after one starts afresh.
    const afterSymbol = /(--|\.\.\.|[[*_`])$/.test(text.slice(start, at));
    const from = at > start && text[at - 1] !== "\\" && !afterSymbol ? at - 1 : at;
    for (const [pattern, parts] of STICKY_RULES) {
      pattern.lastIndex = from;
      const match = pattern.exec(rest);
      if (!match) continue;
      out += text.slice(i, from);
      out += parts.map((part) => (typeof part === "number" ? match[part] : shape(part, match))).join("");
      i = Math.min(from + match[0].length, text.length);
      start = i;
      break;
    }
  }
  return out + text.slice(i);
}

/**
 * Whether an inline HTML token leaves a script or style open (true) or closes one (false), whose text stays as
 * typed. A whole element in one token (`<style>...</style>`, as kramdown_html_span reads it) leaves none open.
 */
export function rawTextTag(token: Token): boolean | undefined {
  if (token.type !== "html_inline") return undefined;
  const tag = /^<(\/?)(script|style)(?=[\s/>])/i.exec(token.content);
  if (!tag) return undefined;
  return !tag[1] && !new RegExp(`</${tag[2]}\\s*>$`, "i").test(token.content);
}

/** Core rule: every quote in text made curly as kramdown does, but not in an autolink, script or style. */
export function kramdownSmartQuotes(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    const children = block.children;
    let raw = false;
    let autolink = false;
    children.forEach((token, index) => {
      raw = rawTextTag(token) ?? raw;
      if (token.info === "auto") autolink = token.type === "link_open";
      // Only the start of what follows is looked at: the source of a few tokens, not of all the rest.
      if (token.type === "text" && !raw && !autolink && /["']/.test(token.content))
        token.content = smartQuotes(token.content, sourceOf(children.slice(index + 1, index + 1 + LOOK_AHEAD)));
    });
  }
}
