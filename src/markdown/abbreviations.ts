// kramdown's abbreviation definitions (parser/kramdown/abbreviation.rb), in place of markdown-it-abbr's: a later
// definition of the same abbreviation wins, and one with no text still marks the word up (`<abbr>` without title).
import type { RendererRule, StateBlock } from "markdown-it";

const DEFINITION = /^ {0,3}\*\[(.+?)\]:(.*)$/;

/** Block rule, in place of markdown-it-abbr's `abbr_def`. */
export function kramdownAbbrDefinition(
  state: StateBlock,
  startLine: number,
  _endLine: number,
  silent: boolean,
): boolean {
  const match = DEFINITION.exec(lineText(state, startLine));
  if (!match || state.sCount[startLine] - state.blkIndent >= 4) return false;
  // Called to end a paragraph: kramdown's definitions do not, except after an attribute list alone on its line
  // (to kramdown a block of its own, which the definition then follows).
  if (silent) return startLine > 0 && /^\s*\{:[^{}\n]*\}\s*$/.test(lineText(state, startLine - 1));
  const env = state.env as { abbreviations?: Record<string, string> };
  env.abbreviations ??= {};
  // markdown-it-abbr's key: the label after ':', away from Object.prototype's names.
  env.abbreviations[`:${match[1]}`] = match[2].trim();
  state.line = startLine + 1;
  return true;
}

/** Render rule for `abbr_open`: no title attribute when the definition has no text, as kramdown writes it. */
export const renderAbbrOpen: RendererRule = (tokens, index, _options, _env, self) => {
  const token = tokens[index];
  if (token.attrGet("title") === "") token.attrs = (token.attrs ?? []).filter(([name]) => name !== "title");
  return `<abbr${self.renderAttrs(token)}>`;
};

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line], state.eMarks[line]);
}
