import MarkdownIt from "markdown-it";
import markdownItDeflist from "markdown-it-deflist";
import markdownItAbbr from "markdown-it-abbr";
import type { EleventyConfig } from "../site/eleventy-config.ts";
import { kramdownTypography } from "./typography.ts";
import { kramdownSmartQuotes } from "./smart-quotes.ts";
import { kramdownHeadingAnchors } from "./heading-anchors.ts";
import { kramdownCode } from "./code.ts";
import { kramdownFootnotes } from "./footnotes.ts";
import { kramdownAttributes } from "./attributes.ts";
import { kramdownToc } from "./toc.ts";
import { kramdownHtmlBlocks } from "./html-blocks.ts";
import { kramdownTables, kramdownTaskLists } from "./tables.ts";
import { kramdownListParagraphs } from "./list-paragraphs.ts";
import { forgetUsedHeadingIds } from "./heading-id-numbering.ts";
import { kramdownEndOfBlock } from "./end-of-block.ts";
import { kramdownGuillemets } from "./guillemets.ts";
import { kramdownStrongOutside } from "./strong-emphasis.ts";

/** The markdown-it instance every capability renders with. */
export type Markdown = ReturnType<typeof createMarkdown>;

/** markdown-it set up like kramdown with GFM input (Jekyll's defaults), as Jekyll renders posts. */
export function createMarkdown() {
  // Raw HTML on, no hard wraps, no bare-URL autolinks (kramdown links only `<https://...>`), `<br />` as kramdown writes it.
  const md = new MarkdownIt({ html: true, linkify: false, typographer: true, breaks: false, xhtmlOut: true });
  md.use(kramdownTypography);
  md.use(kramdownSmartQuotes);
  md.use(kramdownHtmlBlocks);
  md.use(kramdownFootnotes);
  md.use(markdownItDeflist);
  md.use(markdownItAbbr);
  md.use(kramdownAttributes);
  md.use(kramdownHeadingAnchors);
  md.core.ruler.before("anchor", "kramdown_heading_id_numbering", forgetUsedHeadingIds); // issue 15 item 8: move into the rules table
  md.use(kramdownToc);
  md.use(kramdownCode);
  md.use(kramdownTables);
  md.use(kramdownTaskLists);
  md.block.ruler.before("paragraph", "kramdown_eob", kramdownEndOfBlock, { alt: ["paragraph", "list", "blockquote"] }); // issue 15 item 2: move into the rules table
  md.inline.ruler.before("html_inline", "kramdown_guillemets", kramdownGuillemets); // issue 15 item 4: move into the rules table
  md.core.ruler.after("inline", "kramdown_strong_outside", kramdownStrongOutside); // issue 15 (***x***): move into the rules table
  md.core.ruler.after("block", "kramdown_list_paragraphs", kramdownListParagraphs); // issue 15 item 1: move into the rules table
  // kramdown writes GFM strikethrough as <del>.
  md.renderer.rules.s_open = () => "<del>";
  md.renderer.rules.s_close = () => "</del>";
  return md;
}

export default function markdownPlugin(eleventyConfig: EleventyConfig, { md }: { md: Markdown }): void {
  // Eleventy turns indented code off on a library it is given (it has `disable`); kramdown keeps it on, so
  // Eleventy gets only `render`, with a fresh env each time (heading ids and footnotes start anew per post).
  eleventyConfig.setLibrary("md", { render: (source: string) => md.render(source, {}) });
  eleventyConfig.addFilter("markdownify", (text: unknown) => md.render(String(text ?? ""), {}));
}
