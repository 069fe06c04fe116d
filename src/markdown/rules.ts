// Everything this engine changes in markdown-it, in order, in one place (as markdown-it lists its own rules in
// parser_core, parser_block and parser_inline). index.ts uses the plugins first, in the order below, then goes
// through each ruler's table top to bottom: a rule placed next to a plugin's rule (`curly_attributes`, `anchor`)
// needs that plugin in already, and a rule placed next to one of ours needs that one listed above it.
import type { MarkdownIt, RendererRule, StateBlock, StateCore, StateInline } from "markdown-it";
import markdownItAbbr from "markdown-it-abbr";
import markdownItAnchor from "markdown-it-anchor";
import markdownItAttrs from "markdown-it-attrs";
import markdownItFootnote from "markdown-it-footnote";
import { curlyAttributesOnlyWithIal, kramdownIalPrepare, restoreLooseIals } from "./attributes.ts";
import { renderCodeBlock, renderCodeInline, renderFence } from "./code.ts";
import { kramdownFence, kramdownIndentedCode } from "./code-blocks.ts";
import { kramdownStrikethrough } from "./strikethrough.ts";
import {
  renderFootnoteAnchor,
  renderFootnoteBlockClose,
  renderFootnoteBlockOpen,
  renderFootnoteClose,
  renderFootnoteOpen,
  renderFootnoteRef,
} from "./footnotes.ts";
import { HEADING_ANCHOR_OPTIONS } from "./heading-anchors.ts";
import { kramdownHtmlBlock } from "./html-blocks.ts";
import { kramdownHtmlSpan } from "./html-spans.ts";
import { kramdownSmartQuotes } from "./smart-quotes.ts";
import { kramdownTaskLists } from "./tables.ts";
import { kramdownTable } from "./table-block.ts";
import { kramdownTocFill, kramdownTocMark, renderKramdownToc } from "./toc.ts";
import { kramdownTypography } from "./typography.ts";
import { kramdownListParagraphs } from "./list-paragraphs.ts";
import { forgetUsedHeadingIds } from "./heading-id-numbering.ts";
import { kramdownEndOfBlock } from "./end-of-block.ts";
import { kramdownGuillemets } from "./guillemets.ts";
import { kramdownList } from "./kramdown-list.ts";
import { kramdownDefinitionAutoIds, kramdownDefinitionList } from "./kramdown-definitions.ts";
import { kramdownBlockquote } from "./kramdown-blockquote.ts";
import { kramdownBlockIal, kramdownBlockIals } from "./block-ial.ts";
import { kramdownFootnotePlacement } from "./footnote-placement.ts";
import { headingWithText, setextHeadingOfOneLine } from "./headings.ts";
import { kramdownBlockExtension, kramdownSpanExtension, renderExtension } from "./extensions.ts";
import { kramdownBlockMath, kramdownInlineMath, renderBlockMath, renderInlineMath } from "./math.ts";
import { kramdownEmphasis } from "./emphasis.ts";
import { kramdownCodespan } from "./codespan.ts";
import { escapeOnlyKramdownChars, kramdownBackslashBreak } from "./backslashes.ts";
import { kramdownLink } from "./links.ts";
import { kramdownAutolink } from "./autolinks.ts";
import { kramdownAbbrDefinition, renderAbbrOpen } from "./abbreviations.ts";
import { kramdownLinkDefinition } from "./link-definitions.ts";

/**
 * One change to a ruler: a rule added after or before a named one, a rule put in place of a named one and built
 * around it (`wrap`), or a rule turned off. `alt` names the other chains the rule runs in, as in markdown-it.
 */
export type RuleStep<Rule> =
  | { add: string; after: string; rule: Rule; alt?: string[] }
  | { add: string; before: string; rule: Rule; alt?: string[] }
  | { wrap: string; rule: (original: Rule) => Rule; alt?: string[] }
  | { disable: string };

type CoreRule = (state: StateCore) => void;
type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
type InlineRule = (state: StateInline, silent: boolean) => boolean;
type Inline2Rule = (state: StateInline) => void;

// Used in this order, before the rulers' tables below, which place rules next to theirs.
export const PLUGINS: ((md: MarkdownIt) => void)[] = [
  // Footnotes `[^1]` and `[^1]: text`, which kramdown has; its markup comes from the render rules below.
  (md) => md.use(markdownItFootnote),
  // Abbreviations (`*[HTML]: HyperText Markup Language`), which kramdown has.
  (md) => md.use(markdownItAbbr),
  // Attribute lists with kramdown's delimiters, `{: .class #id}` (https://github.com/arve0/markdown-it-attrs#usage).
  (md) => md.use(markdownItAttrs, { leftDelimiter: "{:", rightDelimiter: "}" }),
  // Heading ids as Jekyll's, each heading a link to itself.
  (md) => md.use(markdownItAnchor, HEADING_ANCHOR_OPTIONS),
];

export const CORE_RULES: RuleStep<CoreRule>[] = [
  // kramdown's `<p>` per list item and definition (markdown-it makes a whole list loose or tight).
  { add: "kramdown_list_paragraphs", after: "block", rule: kramdownListParagraphs },
  // Block IALs and ALDs to their blocks, before anything reads the blocks' attributes or the list shapes.
  { add: "kramdown_block_ials", before: "kramdown_list_paragraphs", rule: kramdownBlockIals },
  // A definition list given `{:auto_ids}` gives its terms ids, once block IALs have reached their blocks.
  { add: "kramdown_definition_auto_ids", after: "kramdown_block_ials", rule: kramdownDefinitionAutoIds },
  // Task list checkboxes, read off the first text of a list item once inline content is parsed.
  { add: "kramdown_task_lists", after: "inline", rule: kramdownTaskLists },
  // kramdown's span IALs reshaped for markdown-it-attrs: after a heading (`{#id}`), unknown words, after text.
  { add: "kramdown_ial_prepare", after: "kramdown_task_lists", rule: kramdownIalPrepare },
  // (here markdown-it-footnote's footnote_tail moves the notes to the end)
  // `* TOC` + `{:toc}` marked before markdown-it-attrs would read `{:toc}` as an attribute list.
  { add: "kramdown_toc_mark", before: "curly_attributes", rule: kramdownTocMark },
  // The notes where a `{:footnotes}` list stands, once markdown-it-footnote has gathered them.
  { add: "kramdown_footnote_placement", after: "kramdown_toc_mark", rule: kramdownFootnotePlacement },
  // markdown-it-attrs' rule, skipped on sources without `{:`.
  { wrap: "curly_attributes", rule: curlyAttributesOnlyWithIal },
  // A span IAL after text (`item {:.cls}`, `## Title {: .no_toc}`) is text in kramdown, written as typed.
  { add: "kramdown_loose_ial_text", after: "curly_attributes", rule: restoreLooseIals },
  // (here markdown-it's linkify, then markdown-it-abbr's abbr_replace)
  // markdown-it's typographer also replaces `(c)`, `(tm)`, `+-`...; kramdown only dashes and ellipses.
  { disable: "replacements" },
  // kramdown's quotes, while `--` and `...` still read as typed (a quote right after one starts afresh).
  { add: "kramdown_smart_quotes", before: "smartquotes", rule: kramdownSmartQuotes },
  // kramdown's `---`, `--` and `...`.
  { add: "kramdown_typography", after: "kramdown_smart_quotes", rule: kramdownTypography },
  // markdown-it pairs quotes and leaves lone ones straight; kramdown_smart_quotes does it kramdown's way.
  { disable: "smartquotes" },
  // (here markdown-it's text_join)
  // `line\\` at the end of a line is a line break in kramdown's GFM parser, the backslash escaped or not.
  { add: "kramdown_backslash_break", after: "text_join", rule: kramdownBackslashBreak },
  // Heading ids numbered as kramdown numbers them, each document afresh; a repeated `{#id}` is kept.
  { add: "kramdown_heading_id_numbering", before: "anchor", rule: forgetUsedHeadingIds },
  // (here markdown-it-anchor's anchor gives headings their ids)
  // The table of contents, once the heading ids are known.
  { add: "kramdown_toc_fill", after: "anchor", rule: kramdownTocFill },
];

// Besides these, markdown-it-footnote's footnote_def and markdown-it-abbr's abbr_def go before reference.
export const BLOCK_RULES: RuleStep<BlockRule>[] = [
  // kramdown's indented code: lazy lines join it, an IAL right after it is its own.
  { add: "kramdown_code", before: "code", rule: kramdownIndentedCode },
  { disable: "code" },
  // kramdown's GFM fences: one word after the fence, a closing fence or no block, lines kept as written.
  {
    add: "kramdown_fence",
    before: "fence",
    rule: kramdownFence,
    alt: ["paragraph", "reference", "blockquote", "list"],
  },
  { disable: "fence" },
  // kramdown's HTML blocks: a block-level tag runs to its end tag, blank lines included; `markdown="1"`.
  {
    add: "kramdown_html_block",
    before: "html_block",
    rule: kramdownHtmlBlock,
    alt: ["paragraph", "reference", "blockquote"],
  },
  // kramdown_html_block reads all of kramdown's HTML blocks; the rest (`<?pi?>`, `<!DOCTYPE>`, `<![CDATA[`) is text.
  { disable: "html_block" },
  // kramdown's blockquotes: every line up to a blank line (or a block IAL, `^`, an HTML tag) is in the quote.
  { disable: "blockquote" },
  { add: "kramdown_blockquote", after: "blockquote", rule: kramdownBlockquote, alt: ["paragraph", "reference"] },
  // kramdown's lists: items read line by line as kramdown reads them (content column, lazy lines), `1.` only.
  { disable: "list" },
  { add: "kramdown_list", after: "list", rule: kramdownList, alt: ["paragraph", "reference"] },
  // kramdown's definition lists: the paragraph before a `: definition` line gives the terms, one per line.
  { add: "kramdown_definition_list", after: "kramdown_list", rule: kramdownDefinitionList, alt: ["paragraph"] },
  // kramdown's tables, tried where kramdown tries them (after quotes, lists, HTML and headings): after a blank line
  // only, header and footer separators, `|` in code kept in its cell.
  { add: "kramdown_table", before: "lheading", rule: kramdownTable },
  { disable: "table" },
  // `#` alone on a line is text in kramdown, not an empty heading.
  { wrap: "heading", rule: headingWithText, alt: ["paragraph", "reference", "blockquote"] },
  // A Setext heading is one line of text after a blank line (or its container's start), as in kramdown.
  { wrap: "lheading", rule: setextHeadingOfOneLine },
  // `^` alone on a line: kramdown's end-of-block marker, which ends the block and is not printed.
  { add: "kramdown_eob", before: "paragraph", rule: kramdownEndOfBlock, alt: ["paragraph", "list", "blockquote"] },
  // A line holding only `{: ...}` (block IAL) or `{:name: ...}` (ALD) ends the paragraph or table above it.
  { add: "kramdown_block_ial", before: "table", rule: kramdownBlockIal, alt: ["paragraph", "table", "blockquote"] },
  // `{::comment}`, `{::nomarkdown}` and `{::options /}` on lines of their own: kramdown's block extensions.
  { add: "kramdown_block_extension", before: "table", rule: kramdownBlockExtension },
  // `$$TeX$$` standing as a block: kramdown's display math, tried before tables as kramdown tries it.
  { add: "kramdown_math_block", before: "kramdown_table", rule: kramdownBlockMath },
  // markdown-it-abbr's, as kramdown reads `*[abbr]: text`: the last definition wins, one without text counts, and
  // it interrupts a paragraph only after an attribute list line.
  { wrap: "abbr_def", rule: () => kramdownAbbrDefinition, alt: ["paragraph", "reference"] },
  // kramdown's `[id]: url "title"`: the URL as typed, the last definition wins, no paragraph ended.
  { wrap: "reference", rule: () => kramdownLinkDefinition },
];

// Besides these, markdown-it-footnote's footnote_inline and footnote_ref go after image.
export const INLINE_RULES: RuleStep<InlineRule>[] = [
  // kramdown has no inline footnotes (`^[text]`): it leaves that as text.
  { disable: "footnote_inline" },
  // `<<` and `>>` as « and », kramdown's typographic symbols, before `<<` could read as HTML.
  { add: "kramdown_guillemets", before: "html_inline", rule: kramdownGuillemets },
  // kramdown's span HTML: raw elements (`<script>`, `<kbd>`) as typed, `markdown="…"`, stray tags as text.
  { add: "kramdown_html_span", before: "html_inline", rule: kramdownHtmlSpan },
  // kramdown_html_span reads every tag and comment markdown-it's rule would.
  { disable: "html_inline" },
  // kramdown's `~~strikethrough~~`: up to the first closing `~~`, its inside parsed apart.
  { add: "kramdown_strikethrough", before: "strikethrough", rule: kramdownStrikethrough },
  { disable: "strikethrough" },
  // `$$TeX$$` in text: kramdown's inline math, its TeX left as typed.
  { add: "kramdown_math_inline", before: "backticks", rule: kramdownInlineMath },
  // `{::comment}...{:/}` and the other extensions kramdown knows, inside text.
  { add: "kramdown_span_extension", before: "backticks", rule: kramdownSpanExtension },
  // kramdown's emphasis: an opener looks ahead for its closer (`__dir__` after a letter is text, no em in em).
  { add: "kramdown_emphasis", before: "emphasis", rule: kramdownEmphasis },
  { disable: "emphasis" },
  // kramdown's code spans: `` ` `` runs to the next same run, a lone ` between spaces is text.
  { add: "kramdown_codespan", before: "backticks", rule: kramdownCodespan },
  { disable: "backticks" },
  // kramdown escapes fewer characters: `\&` and `\/` keep their backslash.
  { wrap: "escape", rule: escapeOnlyKramdownChars },
  // kramdown's links and images: URLs as written (not percent-encoded), `[text] [id]`, no link in a link.
  { add: "kramdown_link", before: "link", rule: kramdownLink },
  { disable: "link" },
  { disable: "image" },
  // kramdown's `<https://...>` and `<name@host>`: the URL as written, no `mailto:` in the text.
  { add: "kramdown_autolink", before: "autolink", rule: kramdownAutolink },
  { disable: "autolink" },
];

// markdown-it's second inline pass pairs emphasis delimiters as it does; kramdown_strikethrough leaves no `~~` to pair.
export const INLINE2_RULES: RuleStep<Inline2Rule>[] = [{ disable: "strikethrough" }];

// By token type; these replace markdown-it's and the plugins' (markdown-it-attrs' `fence` included).
export const RENDER_RULES: Record<string, RendererRule> = {
  // Code in Rouge's markup, as Jekyll writes it.
  fence: renderFence,
  code_block: renderCodeBlock,
  code_inline: renderCodeInline,
  // Footnotes with kramdown's ids, classes and roles.
  footnote_ref: renderFootnoteRef,
  footnote_block_open: renderFootnoteBlockOpen,
  footnote_block_close: renderFootnoteBlockClose,
  footnote_open: renderFootnoteOpen,
  footnote_close: renderFootnoteClose,
  footnote_anchor: renderFootnoteAnchor,
  // The table of contents kramdown_toc_fill wrote.
  kramdown_toc: renderKramdownToc,
  // Math as kramdown's MathJax engine writes it.
  kramdown_math_inline: renderInlineMath,
  kramdown_math_block: renderBlockMath,
  // What a block extension writes (a comment, raw HTML, or nothing).
  kramdown_extension: renderExtension,
  // An abbreviation defined without text has no title.
  abbr_open: renderAbbrOpen,
  // kramdown writes GFM strikethrough as <del>.
  s_open: () => "<del>",
  s_close: () => "</del>",
};
