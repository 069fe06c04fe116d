// kramdown's definition lists (kramdown/parser/kramdown/list.rb, parse_definition_list), in place of
// markdown-it-deflist. A `:` line turns the paragraph right before it (or before one empty line) into the
// terms, one per line; each definition's lines are read as a list item's are (content column, lazy lines,
// blank lines) and parsed afresh; a definition list right after another one, blank lines between, joins it.
import type { StateBlock, StateCore, Token } from "markdown-it";
import { ialRefs } from "./block-ial.ts";
import { applyIal } from "./attributes.ts";
import {
  BLANK,
  EOB_MARKER,
  containerLine,
  continuationLine,
  firstListLine,
  itemIal,
  itemStart,
  parseApart,
} from "./list-lines.ts";
import type { Indentation } from "./list-lines.ts";

const DEFINITION_START = /^( {0,3}:)([\t| ].*)$/;
// An IAL word `auto_ids` or `auto_ids-PREFIX` on the list gives each term an id made from its text.
const AUTO_IDS = /^auto_ids(?:-([\w-]+))?/;

/** kramdown's basic_generate_id (converter/base.rb): letters, digits, spaces as `-`, lower case. */
function basicId(text: string): string {
  return text
    .replace(/^[^a-zA-Z]+/, "")
    .replace(/[^a-zA-Z0-9 -]/g, "")
    .replace(/ /g, "-")
    .toLowerCase();
}

/** The prefix of term ids an IAL's `auto_ids` word asks for, if it has one. */
function autoIdPrefix(inner: string): string | undefined {
  for (const word of inner.trim().split(/\s+/)) {
    const match = AUTO_IDS.exec(word);
    if (match) return match[1] ?? "";
  }
  return undefined;
}

interface Definition {
  line: number;
  ial?: string;
  lines: string[];
}

/** The terms' paragraph: the last three tokens, at the current level, or undefined. */
function termsParagraph(state: StateBlock): Token[] | undefined {
  const last = state.tokens.slice(-3);
  const [open, inline, close] = last;
  const isParagraph =
    open?.type === "paragraph_open" &&
    inline?.type === "inline" &&
    close?.type === "paragraph_close" &&
    open.level === state.level;
  return isParagraph ? last : undefined;
}

/** The open token of the block whose close was at `end` (removed since), counting nesting back from there. */
function openingOf(tokens: Token[], end: number): Token | undefined {
  for (let i = end - 1, depth = -1; i >= 0; i--) {
    depth += tokens[i].nesting;
    if (depth === 0) return tokens[i];
  }
  return undefined;
}

/** Block rule (before `paragraph`, and ends a paragraph): a definition, `: text`, after its terms. */
export function kramdownDefinitionList(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  const first = containerLine(state, startLine);
  if (!DEFINITION_START.test(first)) return false;
  if (silent) return true;
  const paragraph = termsParagraph(state);
  const paragraphEnd = paragraph?.[0].map?.[1];
  if (!paragraph || paragraphEnd === undefined) return false;
  // kramdown's condition: the paragraph is the last block, or before a blank line that is exactly empty.
  const gap = startLine - paragraphEnd;
  if (gap > 1 || (gap === 1 && containerLine(state, paragraphEnd) !== "")) return false;

  const definitions: Definition[] = [];
  let start = DEFINITION_START;
  let indentation: Indentation | undefined;
  let lastIsBlank = false;
  let line = startLine;
  for (; line < endLine; line++) {
    if (state.blkIndent > 0 && state.sCount[line] < state.blkIndent && !state.isEmpty(line)) break;
    const text = containerLine(state, line);
    const marker = start.exec(text);
    const definition = definitions.at(-1);
    if (marker) {
      const firstLine = firstListLine(marker[1].length, marker[2]);
      indentation = firstLine.indentation;
      const { content, ial } = itemIal(firstLine.content);
      definitions.push({ line, ial, lines: [content] });
      start = itemStart(":", indentation);
      lastIsBlank = false;
    } else if (EOB_MARKER.test(text)) break;
    else if (
      definition &&
      indentation &&
      (indentation.content.test(text) || (!lastIsBlank && indentation.lazy.test(text)))
    ) {
      definition.lines.push(continuationLine(text, indentation).text);
      lastIsBlank = false;
    } else if (definition && BLANK.test(text)) {
      definition.lines.push("");
      lastIsBlank = true;
    } else break;
  }

  state.tokens.splice(-3, 3);
  const [paragraphOpen, inline] = paragraph;
  const before = state.tokens.at(-1);
  let list: Token;
  if (before?.type === "dl_close" && before.level === state.level) {
    // Joins the definition list before it: that list's close goes, a new one comes at the end.
    state.tokens.pop();
    state.level++;
    list = openingOf(state.tokens, state.tokens.length) ?? before;
  } else {
    list = state.push("dl_open", "dl", 1);
    list.map = [paragraphOpen.map?.[0] ?? startLine, line];
  }
  if (list.map) list.map[1] = line;
  for (const term of inline.content.split("\n")) {
    const { content, ial } = itemIal(term);
    const dt = state.push("dt_open", "dt", 1);
    dt.map = paragraphOpen.map;
    if (ial !== undefined) applyIal(dt, ial);
    const text = state.push("inline", "", 0);
    text.content = content.trim();
    text.map = paragraphOpen.map;
    text.children = [];
    state.push("dt_close", "dt", -1);
  }
  definitions.forEach((definition, index) => {
    const dd = state.push("dd_open", "dd", 1);
    dd.map = [definition.line, definitions[index + 1]?.line ?? line];
    if (definition.ial !== undefined) applyIal(dd, definition.ial);
    state.tokens.push(...parseApart(state, definition.lines, definition.line));
    state.push("dd_close", "dd", -1);
  });
  state.push("dl_close", "dl", -1);
  state.line = line;
  return true;
}

/**
 * Core rule, after kramdown_block_ials: a definition list whose IAL line (`{:auto_ids}` before its terms) names
 * `auto_ids` or `auto_ids-PREFIX` gives each term without an id one made from its text.
 */
export function kramdownDefinitionAutoIds(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== "dl_open") continue;
    const prefix = autoIdPrefix(ialRefs(tokens[i]).join(" "));
    if (prefix === undefined) continue;
    const level = tokens[i].level + 1;
    for (let j = i + 1; j < tokens.length && tokens[j].level >= level; j++) {
      const term = tokens[j];
      if (term.type !== "dt_open" || term.level !== level || term.attrGet("id")) continue;
      term.attrSet("id", `${prefix}${basicId(tokens[j + 1]?.content ?? "")}`.trimStart());
    }
  }
}
