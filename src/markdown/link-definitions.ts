// kramdown's link definitions (parser/kramdown/link.rb), in place of markdown-it's `reference`: the URL is kept as
// typed (spaces too: `[id]: some spaces.html`), a title may follow on the next line, the last definition of an
// id wins, and a definition does not end a paragraph.
import type { StateBlock } from "markdown-it";

const DEFINITION =
  /^\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?\S[^\n]*?))(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?(["'])(.+?)\4)?[ \t]*?\n/;

/** Block rule, in place of markdown-it's `reference`. */
export function kramdownLinkDefinition(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  // At most the line and the next (a title may stand there), ending in a line break as kramdown's source does.
  const lastLine = Math.min(startLine + 1, endLine - 1);
  const text = `${state.src.slice(start, state.eMarks[lastLine])}\n`;
  const match = DEFINITION.exec(text);
  if (!match || match[1].startsWith("^") || /[ \t]+["']/.test(match[3] ?? "")) return false;
  if (silent) return true;
  const env = state.env as { references?: Record<string, { href: string; title: string }> };
  env.references ??= {};
  env.references[state.md.utils.normalizeReference(match[1])] = { href: match[2] ?? match[3], title: match[5] ?? "" };
  state.line = startLine + (match[0].match(/\n/g)?.length ?? 1);
  return true;
}
