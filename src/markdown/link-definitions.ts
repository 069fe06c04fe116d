// A link definition given twice (`[x]: a` then `[x]: b`): kramdown keeps the last one, CommonMark the first.
import type { StateBlock } from "markdown-it";

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
type References = Record<string, unknown>;

/**
 * markdown-it's `reference` rule, made to replace a definition already read: it stores a definition only when
 * its label is not known yet, so while it runs it is shown a table in which no label is known.
 */
export function referenceLastWins(reference: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    const env = state.env as { references?: References };
    const references = (env.references ??= {});
    env.references = new Proxy(references, { get: () => undefined });
    try {
      return reference(state, startLine, endLine, silent);
    } finally {
      env.references = references;
    }
  };
}
