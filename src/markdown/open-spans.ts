// The span elements (em, strong, a, img) open around the position kramdown's span parsers are reading (its @tree
// and @stack): what may open depends on them (no em in an em, no link in a link). markdown-it's skipToken caches
// where a token starting at a position ends, which then depends on them too, so each set gets its own cache.
import type { StateInline } from "markdown-it";

export type OpenSpan = "em" | "strong" | "a" | "img";

const openSpans = new WeakMap<StateInline, readonly OpenSpan[]>();
const cachesByOpen = new WeakMap<StateInline, Map<string, StateInline["cache"]>>();

/** The spans open at the position being read, innermost last. */
export function spansOpen(state: StateInline): readonly OpenSpan[] {
  return openSpans.get(state) ?? [];
}

/** Runs `parse` with `span` open (and skipToken's cache for that set of open spans). */
export function inside(state: StateInline, span: OpenSpan, parse: () => void): void {
  const outer = spansOpen(state);
  const outerCache = state.cache;
  const open = [...outer, span];
  let caches = cachesByOpen.get(state);
  // The first call comes from the outermost reading, whose cache is markdown-it's own.
  if (!caches) cachesByOpen.set(state, (caches = new Map([["", outerCache]])));
  const key = open.join(" ");
  const cache = caches.get(key) ?? {};
  caches.set(key, cache);
  openSpans.set(state, open);
  state.cache = cache;
  try {
    parse();
  } finally {
    openSpans.set(state, outer);
    state.cache = outerCache;
  }
}
