// Code as Jekyll's kramdown + Rouge marks it up: fenced and indented blocks in the `highlighter-rouge`
// wrappers, inline code with `language-plaintext highlighter-rouge`.
import type { RendererRule, Token } from "markdown-it";
import { ROUGE_LANGUAGES } from "./rouge-languages.ts";
import { escapeXml } from "../site/text.ts";
import { highlight } from "./highlight.ts";

/**
 * `<div class="language-x highlighter-rouge"><div class="highlight"><pre class="highlight"><code>`; a block
 * IAL's classes go between the two classes and its other attributes after them, as kramdown writes them.
 */
export function rougeBlock(code: string, language: string, attrs: NonNullable<Token["attrs"]> = []): string {
  const classes = [
    "language-" + language,
    ...attrs.filter(([name]) => name === "class").map(([, value]) => String(value)),
  ];
  const others = attrs
    .filter(([name]) => name !== "class")
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`);
  return `<div class="${escapeXml(classes.join(" "), { keepApostrophes: true })} highlighter-rouge"${others.join("")}><div class="highlight"><pre class="highlight"><code>${highlight(code, language)}</code></pre></div></div>\n`;
}

/** Render rule for a fenced block: highlighted in Rouge's markup when Rouge knows its language. */
export const renderFence: RendererRule = (tokens, index) => {
  const token = tokens[index];
  const language = token.info.trim().split(/\s+/)[0] ?? "";
  if (!language) return rougeBlock(token.content, "plaintext", token.attrs ?? []);
  // kramdown leaves a language Rouge does not know unhighlighted and without Rouge's wrappers.
  if (!ROUGE_LANGUAGES.has(language))
    return `<pre><code class="language-${escapeXml(language, { keepApostrophes: true })}">${escapeXml(token.content, { keepApostrophes: true })}</code></pre>\n`;
  return rougeBlock(token.content, language, token.attrs ?? []);
};

/** Render rule for an indented block: plain text in Rouge's wrappers. */
export const renderCodeBlock: RendererRule = (tokens, index) =>
  rougeBlock(tokens[index].content, "plaintext", tokens[index].attrs ?? []);

/** Render rule for inline code, with kramdown's classes and any attributes from an IAL. */
export const renderCodeInline: RendererRule = (tokens, index, _options, _env, self) =>
  `<code class="language-plaintext highlighter-rouge"${self.renderAttrs(tokens[index])}>${escapeXml(tokens[index].content, { keepApostrophes: true })}</code>`;
