// Code as Jekyll's kramdown + Rouge marks it up: fenced and indented blocks in the `highlighter-rouge`
// wrappers, inline code with `language-plaintext highlighter-rouge`.
import type { RendererRule } from "markdown-it";
import { ROUGE_LANGUAGES } from "./rouge-languages.ts";
import { escapeXml } from "../site/text.ts";
import { highlight } from "./highlight.ts";

/** `<div class="language-x highlighter-rouge"><div class="highlight"><pre class="highlight"><code>` */
export function rougeBlock(code: string, language: string): string {
  return `<div class="language-${escapeXml(language, { keepApostrophes: true })} highlighter-rouge"><div class="highlight"><pre class="highlight"><code>${highlight(code, language)}</code></pre></div></div>\n`;
}

/** Render rule for a fenced block: highlighted in Rouge's markup when Rouge knows its language. */
export const renderFence: RendererRule = (tokens, index) => {
  const token = tokens[index];
  const language = token.info.trim().split(/\s+/)[0] ?? "";
  if (!language) return rougeBlock(token.content, "plaintext");
  // kramdown leaves a language Rouge does not know unhighlighted and without Rouge's wrappers.
  if (!ROUGE_LANGUAGES.has(language))
    return `<pre><code class="language-${escapeXml(language, { keepApostrophes: true })}">${escapeXml(token.content, { keepApostrophes: true })}</code></pre>\n`;
  return rougeBlock(token.content, language);
};

/** Render rule for an indented block: plain text in Rouge's wrappers. */
export const renderCodeBlock: RendererRule = (tokens, index) => rougeBlock(tokens[index].content, "plaintext");

/** Render rule for inline code, with kramdown's classes and any attributes from an IAL. */
export const renderCodeInline: RendererRule = (tokens, index, _options, _env, self) => {
  const token = tokens[index];
  // kramdown puts an IAL's classes between its own two, in one attribute.
  const ialClass = token.attrGet("class");
  const classes = ialClass
    ? `language-plaintext ${ialClass} highlighter-rouge`
    : "language-plaintext highlighter-rouge";
  const others = { ...token, attrs: (token.attrs ?? []).filter(([name]) => name !== "class") };
  return `<code class="${escapeXml(classes, { keepApostrophes: true })}"${self.renderAttrs(others)}>${escapeXml(token.content, { keepApostrophes: true })}</code>`;
};
