// Footnotes with kramdown's markup and ids (markdown-it-footnote parses, these rules render):
// `<sup id="fnref:LABEL" role="doc-noteref"><a href="#fn:LABEL" class="footnote" rel="footnote">N</a></sup>`
// and `<div class="footnotes" role="doc-endnotes"><ol><li id="fn:LABEL" role="doc-endnote">`.
import type { RendererRule } from "markdown-it";
import type { Token } from "markdown-it";
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

export const renderFootnoteRef: RendererRule = (tokens, index) => {
  const token = tokens[index];
  const number = metaOf(token).id + 1;
  return `<sup id="${refId(token)}" role="doc-noteref"><a href="#fn:${labelOf(token)}" class="footnote" rel="footnote">${number}</a></sup>`;
};

export const renderFootnoteBlockOpen: RendererRule = () => '<div class="footnotes" role="doc-endnotes">\n<ol>\n';

export const renderFootnoteBlockClose: RendererRule = () => "</ol>\n</div>\n";

export const renderFootnoteOpen: RendererRule = (tokens, index) =>
  `<li id="fn:${labelOf(tokens[index])}" role="doc-endnote">`;

export const renderFootnoteClose: RendererRule = () => "</li>\n";

// One back link per reference; the second and later carry their number, as kramdown's do. kramdown puts the
// links in the note's last paragraph (markdown-it-footnote leaves them right after its text), or, when the
// note ends with another block or is empty, in a paragraph of their own.
export const renderFootnoteAnchor: RendererRule = (tokens, index) => {
  const token = tokens[index];
  const subId = metaOf(token).subId ?? 0;
  const mark = subId > 0 ? `&#8617;<sup>${subId + 1}</sup>` : "&#8617;";
  const link = `<a href="#${refId(token)}" class="reversefootnote" role="doc-backlink">${mark}</a>`;
  let first = index;
  while (tokens[first - 1]?.type === "footnote_anchor") first--;
  if (tokens[first - 1]?.type === "inline") return ` ${link}`;
  const last = tokens[index + 1]?.type !== "footnote_anchor";
  return `${first === index ? "<p>" : " "}${link}${last ? "</p>\n" : ""}`;
};
