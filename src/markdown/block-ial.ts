// kramdown's block inline attribute lists (IALs) and attribute list definitions (ALDs), read the way
// kramdown/parser/kramdown/extensions.rb reads them: a line holding only `{: .class #id key="v" ref}` ends the
// paragraph (or table, or lazy blockquote line) above it; it applies to the block right above it when no blank
// line comes between, otherwise to the next block in the same container. `{:name: ...}` defines attributes
// that an IAL names as a reference (`{: name}`), wherever the definition stands in the post.
import type { StateBlock, StateCore, Token } from "markdown-it";
import { escapeXml } from "../site/text.ts";

/** The token a block IAL or ALD line leaves until `kramdownBlockIals` has applied it. */
export const BLOCK_IAL = "kramdown_block_ial";

/** What an attribute list says: attributes in the order written, and the ALDs it references. */
export interface AttributeList {
  attributes: [string, string][];
  refs: string[];
}

// kramdown's ALD_* expressions: `key="v"` or `key='v'` (`\}` and the quote escaped), a reference name, or
// `#id`/`.class` run together (`.a#b.c`); each part stands alone between spaces, anything else is ignored.
const KEY_VALUE = /(\w[\w-]*)=("|')((?:\\\}|\\\2|[^}])*?)\2/.source;
const PART = new RegExp(`(?:^|\\s)(?:${KEY_VALUE}|(\\w[\\w-]*)|((?:#[A-Za-z][\\w:-]*|\\.[^\\s.#]+)+))(?=\\s|$)`, "g");
const ID_OR_CLASS = /#([A-Za-z][\w:-]*)|\.([^\s.#]+)/g;
// A whole line, up to three spaces in: an ALD (`{:name: ...}`) or an IAL (not `{::ext}` nor `{:/}`).
const ALD_LINE = /^ {0,3}\{:(\w[\w-]*):((?:\\\}|[^}])+)\}\s*$/;
/** kramdown's IAL_BLOCK_START, the one pattern of a block IAL line for every rule that ends a block at one. */
export const IAL_LINE = /^ {0,3}\{:(?![:/])((?:\\\}|[^}])+)\}\s*$/;

/** kramdown's parse_attribute_list. */
export function parseAttributeList(text: string): AttributeList {
  const list: AttributeList = { attributes: [], refs: [] };
  for (const [, key, quote, value, ref, idsAndClasses] of text.matchAll(PART)) {
    if (ref) list.refs.push(ref);
    else if (idsAndClasses)
      for (const [, id, className] of idsAndClasses.matchAll(ID_OR_CLASS))
        list.attributes.push(id ? ["id", id] : ["class", className]);
    else list.attributes.push([key, value.replace(new RegExp(`\\\\(\\}|${quote})`, "g"), "$1")]);
  }
  return list;
}

/** Block rule (before `table`; ends paragraphs, tables and lazy blockquote lines): an IAL or ALD line. */
export function kramdownBlockIal(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(start) !== 0x7b) return false;
  const line =
    " ".repeat(Math.min(3, Math.max(0, state.sCount[startLine]))) + state.src.slice(start, state.eMarks[startLine]);
  const ald = ALD_LINE.exec(line);
  const ial = ald ? null : IAL_LINE.exec(line);
  if (!ald && !ial) return false;
  if (silent) return true;
  const token = state.push(BLOCK_IAL, "", 0);
  token.map = [startLine, startLine + 1];
  token.hidden = true;
  token.meta = ald ? { ald: ald[1], list: parseAttributeList(ald[2]) } : { list: parseAttributeList(ial![1]) };
  state.line = startLine + 1;
  return true;
}

interface BlockIalMeta {
  ald?: string;
  list: AttributeList;
}

/** The ALD references a block was given (`{:toc}` gives `toc`), for the rules that act on them. */
export function ialRefs(token: Token): string[] {
  return (token.meta as { ialRefs?: string[] } | null)?.ialRefs ?? [];
}

// The attributes an IAL gives, its ALDs' first (the IAL's own win), classes joined, as update_attr_with_ial.
function resolve(list: AttributeList, alds: Map<string, AttributeList>, into: Map<string, string>, seen: Set<string>) {
  for (const ref of list.refs) {
    const ald = alds.get(ref);
    // An ALD that references itself (directly or not) is applied once.
    if (ald && !seen.has(ref)) resolve(ald, alds, into, new Set([...seen, ref]));
  }
  for (const [name, value] of list.attributes)
    into.set(name, name === "class" && into.has("class") ? `${into.get("class")} ${value}` : value);
  return into;
}

const OPEN_TAG = /^(\s*<([A-Za-z][\w:-]*))((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)(\s*\/?>)/;
const TAG_ATTRIBUTE = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

// kramdown parses an HTML block into elements, so an IAL's attributes join those of its first tag.
function withAttributes(html: string, attributes: Map<string, string>): string {
  const open = OPEN_TAG.exec(html);
  if (!open) return html;
  const merged = new Map<string, string>();
  for (const [, name, ...values] of open[3].matchAll(TAG_ATTRIBUTE))
    merged.set(name.toLowerCase(), values.find((value) => value !== undefined) ?? "");
  for (const [name, value] of attributes)
    merged.set(name, name === "class" && merged.has("class") ? `${merged.get("class")} ${value}` : value);
  const written = [...merged].map(([name, value]) => ` ${name}="${escapeXml(value)}"`).join("");
  return `${open[1]}${written}${open[4]}${html.slice(open[0].length)}`;
}

// The element an IAL after `</div>` names: the HTML block holding its start tag (`<div markdown="1">`).
function htmlElementStart(tokens: Token[], close: Token): Token {
  const name = /^\s*<\/([A-Za-z][\w:-]*)\s*>\s*$/.exec(close.content)?.[1];
  if (!name) return close;
  let depth = 0;
  for (let i = tokens.indexOf(close) - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token.type !== "html_block" || token.level !== close.level) continue;
    if (new RegExp(`^\\s*<\\/${name}\\s*>`, "i").test(token.content)) depth++;
    else if (new RegExp(`^\\s*<${name}[\\s>]`, "i").test(token.content) && depth-- === 0) return token;
  }
  return close;
}

function apply(token: Token, attributes: Map<string, string>): void {
  if (token.type === "html_block") token.content = withAttributes(token.content, attributes);
  else
    for (const [name, value] of attributes) {
      if (name === "class") token.attrJoin("class", value);
      else token.attrSet(name, value);
    }
}

// The opening token of the block that ends right before index `i`, when it sits at the same level.
function blockEndingAt(tokens: Token[], i: number): Token | undefined {
  const previous = tokens[i - 1];
  if (!previous || previous.level !== tokens[i].level || previous.type === BLOCK_IAL) return undefined;
  if (previous.nesting === 0) return previous.block ? previous : undefined;
  if (previous.nesting !== -1) return undefined;
  for (let j = i - 1, depth = 0; j >= 0; j--) {
    depth += tokens[j].nesting;
    if (depth === 0) return tokens[j];
  }
  return undefined;
}

/**
 * Core rule, after `block`: each IAL token gives its attributes to its block (ALDs resolved, references kept
 * in the block's `meta.ialRefs`), and the IAL and ALD tokens go.
 */
export function kramdownBlockIals(state: StateCore): void {
  const tokens = state.tokens;
  if (!tokens.some((token) => token.type === BLOCK_IAL)) return;
  const alds = new Map<string, AttributeList>();
  for (const token of tokens) {
    const meta = token.meta as unknown as BlockIalMeta;
    if (token.type !== BLOCK_IAL || !meta.ald) continue;
    const known = alds.get(meta.ald) ?? { attributes: [], refs: [] };
    alds.set(meta.ald, {
      attributes: [...known.attributes, ...meta.list.attributes],
      refs: [...known.refs, ...meta.list.refs],
    });
  }
  const lines = state.src.split("\n");
  const isBlank = (line: number) => line < 0 || (lines[line] ?? "").trim() === "";
  const lists = new Map<Token, AttributeList[]>();
  // IALs waiting for the next block, by the level they wait at.
  const pending = new Map<number, AttributeList[]>();
  let target: Token | undefined;
  tokens.forEach((token, i) => {
    if (token.type !== BLOCK_IAL) {
      // A container closing drops what waited inside it.
      if (token.nesting === -1) pending.delete(token.level + 1);
      const waiting = token.nesting !== -1 && token.block ? pending.get(token.level) : undefined;
      if (waiting) {
        lists.set(token, [...(lists.get(token) ?? []), ...waiting]);
        pending.delete(token.level);
      }
      target = undefined;
      return;
    }
    const meta = token.meta as unknown as BlockIalMeta;
    // An ALD ends the block before it: an IAL after it waits for the next block.
    if (meta.ald) {
      target = undefined;
      return;
    }
    const startLine = token.map?.[0] ?? 0;
    // Several IAL lines in a row go to the same block.
    const above = tokens[i - 1]?.type === BLOCK_IAL ? target : blockEndingAt(tokens, i);
    if (above && !isBlank(startLine - 1)) {
      lists.set(above, [...(lists.get(above) ?? []), meta.list]);
      target = above;
    } else {
      pending.set(token.level, [...(pending.get(token.level) ?? []), meta.list]);
      target = undefined;
    }
  });
  for (const [block, given] of lists) {
    const token = block.type === "html_block" ? htmlElementStart(tokens, block) : block;
    for (const list of given) apply(token, resolve(list, alds, new Map(), new Set()));
    const refs = given.flatMap((list) => list.refs);
    if (refs.length) token.meta = { ...(token.meta as object | null), ialRefs: refs };
  }
  state.tokens = tokens.filter((token) => token.type !== BLOCK_IAL);
}
