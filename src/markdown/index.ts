import MarkdownIt from "markdown-it";
import type { Ruler } from "markdown-it";
import type { EleventyConfig } from "../site/eleventy-config.ts";
import { BLOCK_RULES, CORE_RULES, INLINE2_RULES, INLINE_RULES, PLUGINS, RENDER_RULES } from "./rules.ts";
import type { RuleStep } from "./rules.ts";

/** The markdown-it instance every capability renders with. */
export type Markdown = ReturnType<typeof createMarkdown>;

/** markdown-it set up like kramdown with GFM input (Jekyll's defaults), as Jekyll renders posts. */
export function createMarkdown() {
  // Raw HTML on, no hard wraps, no bare-URL autolinks (kramdown links only `<https://...>`), `<br />` as kramdown writes it.
  const md = new MarkdownIt({ html: true, linkify: false, typographer: true, breaks: false, xhtmlOut: true });
  for (const plugin of PLUGINS) plugin(md);
  applySteps(md.core.ruler, CORE_RULES);
  applySteps(md.block.ruler, BLOCK_RULES);
  applySteps(md.inline.ruler, INLINE_RULES);
  applySteps(md.inline.ruler2, INLINE2_RULES);
  Object.assign(md.renderer.rules, RENDER_RULES);
  return md;
}

function applySteps<Args extends unknown[], Result>(
  ruler: Ruler<Args, Result>,
  steps: RuleStep<(...args: Args) => Result>[],
): void {
  for (const step of steps) {
    if ("disable" in step) ruler.disable(step.disable);
    else if ("wrap" in step) ruler.at(step.wrap, step.rule(ruleNamed(ruler, step.wrap)), { alt: step.alt });
    else if ("after" in step) ruler.after(step.after, step.add, step.rule, { alt: step.alt });
    else ruler.before(step.before, step.add, step.rule, { alt: step.alt });
  }
}

// The one reach into markdown-it's private rule list: a wrap needs the rule it wraps, which the public Ruler API
// does not give by name (getRules returns a chain's functions, nameless), nor does anything else (markdown-it 15
// exports none of its lib/ files, and markdown-it-attrs keeps its rule in a closure).
function ruleNamed<Args extends unknown[], Result>(
  ruler: Ruler<Args, Result>,
  name: string,
): (...args: Args) => Result {
  const rule = ruler.__rules__.find((candidate) => candidate.name === name);
  if (!rule) throw new Error(`markdown-it has no rule named "${name}" to wrap`);
  return rule.fn;
}

export default function markdownPlugin(eleventyConfig: EleventyConfig, { md }: { md: Markdown }): void {
  // Eleventy turns indented code off on a library it is given (it has `disable`); kramdown keeps it on, so
  // Eleventy gets only `render`, with a fresh env each time (heading ids and footnotes start anew per post).
  eleventyConfig.setLibrary("md", { render: (source: string) => md.render(source, {}) });
  eleventyConfig.addFilter("markdownify", (text: unknown) => md.render(String(text ?? ""), {}));
}
