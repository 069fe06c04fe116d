// Heading ids numbered as kramdown numbers them (kramdown-parser-gfm, generate_gfm_header_id): an id written
// as `{#id}` is kept as written, even when another heading has it too; an automatic id takes `-1`, `-2`...
// by how many automatic ids of the same base came before, whatever other ids exist (`## a`, `## a`,
// `## a-1` give `a`, `a-1`, `a-1`). markdown-it-anchor instead makes every id unique against all earlier
// ones and stops on a repeated `{#id}`, so it is handed a record of used ids that keeps nothing.
import type { StateCore } from "markdown-it";
import { gfmHeadingId } from "./heading-ids.ts";

interface HeadingIdEnv {
  /** How many automatic ids of each base this document has given. */
  kramdownAutoIds?: Map<string, number>;
  /** markdown-it-anchor's state in the render's env. */
  markdownItAnchor?: { slugs?: Record<string, boolean> };
}

/**
 * markdown-it-anchor's `slugifyWithState`: the heading's automatic id, numbered per base. (Only the state's
 * env is read: markdown-it-anchor's types name a StateCore of their own.)
 */
export function kramdownAutoId(text: string, state: { env: unknown }): string {
  const env = state.env as HeadingIdEnv;
  const counts = (env.kramdownAutoIds ??= new Map());
  const base = gfmHeadingId(text);
  const count = (counts.get(base) ?? -1) + 1;
  counts.set(base, count);
  return count > 0 ? `${base}-${count}` : base;
}

/** Core rule (before markdown-it-anchor's `anchor`): its record of used ids, as one that keeps nothing. */
export function forgetUsedHeadingIds(state: StateCore): void {
  const env = state.env as HeadingIdEnv;
  env.markdownItAnchor = { ...env.markdownItAnchor, slugs: new Proxy({}, { set: () => true }) };
}
