import MarkdownIt from "markdown-it";
import markdownItAnchor from "markdown-it-anchor";
import type { EleventyConfig } from "../site/eleventy-config.ts";
import { gfmHeadingId } from "./heading-ids.ts";
import { kramdownTypography } from "./typography.ts";

/** The markdown-it instance every capability renders with. */
export type Markdown = ReturnType<typeof createMarkdown>;

/** markdown-it set up like kramdown with GFM input, as Jekyll renders posts. */
export function createMarkdown() {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: true, breaks: false });
  md.use(kramdownTypography);
  // Heading ids exactly as Jekyll gives them, so deep links keep working after the move.
  // https://github.com/valeriangalliat/markdown-it-anchor#usage
  md.use(markdownItAnchor, { slugify: gfmHeadingId, uniqueSlugStartIndex: 1, tabIndex: false });
  // Jekyll's Rouge wrapper class on inline code.
  md.renderer.rules.code_inline = (tokens, index, _options, _env, self) =>
    `<code class="language-plaintext highlighter-rouge"${self.renderAttrs(tokens[index])}>${md.utils.escapeHtml(tokens[index].content)}</code>`;
  return md;
}

export default function markdownPlugin(eleventyConfig: EleventyConfig, { md }: { md: Markdown }): void {
  eleventyConfig.setLibrary("md", md);
  eleventyConfig.addFilter("markdownify", (text: unknown) => md.render(String(text ?? "")));
}
