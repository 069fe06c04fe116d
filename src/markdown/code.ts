// Code as Jekyll's kramdown + Rouge marks it up (kramdown/converter/html.rb, convert_codeblock and
// convert_codespan): code in a language Rouge knows is highlighted inside the `highlighter-rouge` markup, code
// in any other language is left as escaped text in a bare <pre><code class="language-x">. Jekyll's settings
// make `plaintext` the language of code without one.
import type { RendererRule, Token } from "markdown-it";
import { ROUGE_LANGUAGES } from "./rouge-languages.ts";
import { escapeXml } from "../site/text.ts";
import { highlight } from "./highlight.ts";

const LANGUAGE_CLASS = /\blanguage-(\S+)/;
const escape = (text: string) => escapeXml(text, { keepApostrophes: true });
const classOf = (token: Token): string | undefined => token.attrGet("class")?.toString();

// The Rouge lexer `find_fancy` finds for a language (`php?start_inline=1` is php with an option), if any.
function rougeLexer(language: string): string | undefined {
  const name = language.split("?")[0];
  return ROUGE_LANGUAGES.has(name) ? name : undefined;
}

// kramdown's add_syntax_highlighter_to_class_attr: `highlighter-rouge` last, the language's class first.
function highlighterClass(classes: string | undefined, language: string): string {
  return `${classes ?? ""} highlighter-rouge`.trimStart().replace(/\blanguage-\S+|^/, (found) => {
    return found ? `language-${language}` : `language-${language} `;
  });
}

function renderAttributes(attributes: [string, string][]): string {
  return attributes.map(([name, value]) => ` ${name}="${escape(value)}"`).join("");
}

// The token's attributes with `class` set to `classes` (first when the token had none, as this engine always
// wrote it), or without `class` when `classes` is undefined.
function withClass(token: Token, classes: string | undefined): [string, string][] {
  const attributes = (token.attrs ?? [])
    .filter(([name]) => name !== "class" || classes !== undefined)
    .map(([name, value]): [string, string] => [name, name === "class" ? String(classes) : String(value)]);
  if (classes === undefined || attributes.some(([name]) => name === "class")) return attributes;
  return [["class", classes], ...attributes];
}

function renderBlock(token: Token, fenceLanguage: string): string {
  const classes = classOf(token);
  const language = classes === undefined ? undefined : LANGUAGE_CLASS.exec(classes)?.[1];
  // kramdown's extract_code_language!: the block's own `language-x` class gives way to the highlighter's.
  const rest = language === undefined ? classes : classes?.replace(LANGUAGE_CLASS, "").trim() || undefined;
  const lexer = rougeLexer(fenceLanguage || language || "plaintext");
  if (!lexer) {
    const code = language === undefined ? "" : ` class="language-${escape(language)}"`;
    return `<pre${renderAttributes(withClass(token, rest))}><code${code}>${escape(token.content.replace(/\n$/, ""))}\n</code></pre>\n`;
  }
  const attributes = renderAttributes(withClass(token, highlighterClass(rest, language ?? "plaintext")));
  return `<div${attributes}><div class="highlight"><pre class="highlight"><code>${highlight(token.content, lexer)}</code></pre></div></div>\n`;
}

/** Render rule for a fenced block: its word after the fence (or a `language-x` class) is its language. */
export const renderFence: RendererRule = (tokens, index) => renderBlock(tokens[index], tokens[index].info);

/** Render rule for an indented block: its language comes from a `language-x` class, `plaintext` without one. */
export const renderCodeBlock: RendererRule = (tokens, index) => renderBlock(tokens[index], "");

/** Render rule for inline code: highlighted when an IAL gives it a `language-x` class Rouge knows. */
export const renderCodeInline: RendererRule = (tokens, index) => {
  const token = tokens[index];
  const classes = classOf(token);
  const language = classes === undefined ? undefined : LANGUAGE_CLASS.exec(classes)?.[1];
  const lexer = rougeLexer(language ?? "plaintext");
  if (!lexer) return `<code${renderAttributes(withClass(token, classes))}>${escape(token.content)}</code>`;
  const attributes = renderAttributes(withClass(token, highlighterClass(classes, language ?? "plaintext")));
  const code = lexer === "plaintext" ? escape(token.content) : highlight(token.content, lexer);
  return `<code${attributes}>${code}</code>`;
};
