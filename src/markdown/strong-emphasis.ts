// `***both***` (or `___both___`) is `<strong><em>` in kramdown, `<em><strong>` in markdown-it: where one
// delimiter run opens and closes both, the two are swapped so strong is outside.
import type { StateCore, Token } from "markdown-it";

/** Core rule (after `inline`). */
export function kramdownStrongOutside(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type === "inline" && block.children) swapBothEmphases(block.children);
  }
}

function swapBothEmphases(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const em = tokens[i];
    const strongAt = nextShown(tokens, i);
    const strong = tokens[strongAt];
    if (em.type !== "em_open" || strong?.type !== "strong_open" || strong.markup !== em.markup.repeat(2)) continue;
    const close = matchingStrongClose(tokens, strongAt);
    const emClose = nextShown(tokens, close);
    if (close < 0 || tokens[emClose]?.type !== "em_close") continue;
    [tokens[i], tokens[strongAt]] = [strong, em];
    [tokens[close], tokens[emClose]] = [tokens[emClose], tokens[close]];
  }
}

/** The next token after `index` that writes something (the delimiters leave empty text tokens behind). */
function nextShown(tokens: Token[], index: number): number {
  let next = index + 1;
  while (tokens[next]?.type === "text" && tokens[next].content === "") next++;
  return next;
}

function matchingStrongClose(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i].type === "strong_open") depth++;
    else if (tokens[i].type === "strong_close" && --depth === 0) return i;
  }
  return -1;
}
