// kramdown's code spans (parser/kramdown/codespan.rb), in place of markdown-it's `backticks`: a run of backticks
// ends at the next occurrence of the same run (even inside a longer one), a lone backtick between spaces is text,
// only a code span of two or more backticks loses one space at each end, and line breaks stay as written.
import type { StateInline } from "markdown-it";

const SPACE = /\s/;

/** Inline rule, in place of markdown-it's `backticks`. */
export function kramdownCodespan(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const { src } = state;
  if (src[start] !== "`") return false;
  let pos = start + 1;
  while (pos < state.posMax && src[pos] === "`") pos++;
  const run = src.slice(start, pos);
  const simple = run.length === 1;
  const lone = simple && (start === 0 || SPACE.test(src[start - 1])) && SPACE.test(src[pos] ?? "");
  const end = lone ? -1 : src.indexOf(run, pos);
  if (end < 0 || end + run.length > state.posMax) {
    if (!silent) state.pending += run;
    state.pos = pos;
    return true;
  }
  if (!silent) {
    let content = src.slice(pos, end);
    if (!simple) content = content.replace(/^ /, "").replace(/ $/, "");
    const token = state.push("code_inline", "code", 0);
    token.markup = run;
    token.content = content;
  }
  state.pos = end + run.length;
  return true;
}
