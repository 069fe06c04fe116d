// Footnotes with kramdown's markup and ids (markdown-it-footnote parses, these rules render):
// `<sup id="fnref:LABEL" role="doc-noteref"><a href="#fn:LABEL" class="footnote" rel="footnote">N</a></sup>`
// and `<div class="footnotes" role="doc-endnotes"><ol><li id="fn:LABEL" role="doc-endnote">`.
import type { MarkdownIt } from "markdown-it";
import type { Token } from "markdown-it";
import markdownItFootnote from "markdown-it-footnote";
import { escapeXml } from "../site/text.ts";

interface FootnoteMeta {
  id: number;
  subId?: number;
  label?: string;
}

const metaOf = (token: Token) => token.meta as unknown as FootnoteMeta;

// kramdown names a note by its label as written; markdown-it's inline notes have none, so use the number.
const labelOf = (token: Token): string => {
  const meta = metaOf(token);
  return escapeXml(meta.label ?? String(meta.id + 1), { keepApostrophes: true });
};
const refId = (token: Token): string => {
  const subId = metaOf(token).subId ?? 0;
  return subId > 0 ? `fnref:${labelOf(token)}:${subId}` : `fnref:${labelOf(token)}`;
};

export const kramdownFootnotes = (md: MarkdownIt): void => {
  md.use(markdownItFootnote);
  // kramdown has no inline footnotes (`^[text]`): it leaves that as text.
  md.inline.ruler.disable("footnote_inline");
  const rules = md.renderer.rules;
  rules.footnote_ref = (tokens, index) => {
    const token = tokens[index];
    const number = metaOf(token).id + 1;
    return `<sup id="${refId(token)}" role="doc-noteref"><a href="#fn:${labelOf(token)}" class="footnote" rel="footnote">${number}</a></sup>`;
  };
  rules.footnote_block_open = () => '<div class="footnotes" role="doc-endnotes">\n<ol>\n';
  rules.footnote_block_close = () => "</ol>\n</div>\n";
  rules.footnote_open = (tokens, index) => `<li id="fn:${labelOf(tokens[index])}" role="doc-endnote">`;
  rules.footnote_close = () => "</li>\n";
  // One back link per reference; the second and later carry their number, as kramdown's do.
  rules.footnote_anchor = (tokens, index) => {
    const token = tokens[index];
    const subId = metaOf(token).subId ?? 0;
    const mark = subId > 0 ? `&#8617;<sup>${subId + 1}</sup>` : "&#8617;";
    return ` <a href="#${refId(token)}" class="reversefootnote" role="doc-backlink">${mark}</a>`;
  };
};
