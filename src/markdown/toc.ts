// kramdown's table of contents: the first list followed by `{:toc}` (whatever it holds) becomes
// `<ul id="markdown-toc">` of every heading with an id (not those marked `.no_toc`), nested by level,
// each link with id `markdown-toc-ID`. Headings' links and footnote marks are left out, as kramdown does.
import type { MarkdownIt, RendererRule, StateCore } from "markdown-it";
import type { Env, Token } from "markdown-it";
import { escapeXml } from "../site/text.ts";
import { ialRefs } from "./block-ial.ts";

interface Entry {
  level: number;
  id: string;
  html: string;
  children: Entry[];
}

// The index of the token closing the list that opens at `i`.
function closingIndex(tokens: Token[], i: number): number {
  for (let j = i, depth = 0; j < tokens.length; j++) {
    depth += tokens[j].nesting;
    if (depth === 0) return j;
  }
  return tokens.length - 1;
}

function entryHtml(md: MarkdownIt, children: Token[], env: Env): string {
  const kept = children.filter((t) => t.type !== "link_open" && t.type !== "link_close" && t.type !== "footnote_ref");
  return md.renderer.renderInline(kept, md.options, env);
}

function renderList(entries: Entry[], tag: string, prefix: string, attributes = ""): string {
  const items = entries.map((entry) => {
    const nested = entry.children.length ? `\n${renderList(entry.children, tag, prefix)}` : "";
    return `<li><a href="#${entry.id}" id="${prefix}-${entry.id}">${entry.html}</a>${nested}</li>\n`;
  });
  return `<${tag}${attributes}>\n${items.join("")}</${tag}>\n`;
}

/**
 * Core rule: the first list given `{:toc}` becomes a `kramdown_toc` token (keeping the list's attributes),
 * filled in by `kramdownTocFill`; what the list held is not written. A later `{:toc}` list stays a list.
 */
export function kramdownTocMark(state: StateCore): void {
  const tokens = state.tokens;
  const i = tokens.findIndex(
    (t) => (t.type === "bullet_list_open" || t.type === "ordered_list_open") && ialRefs(t).includes("toc"),
  );
  if (i < 0) return;
  const list = tokens[i];
  const toc = new state.Token("kramdown_toc", "", 0);
  toc.block = true;
  toc.level = list.level;
  toc.attrs = list.attrs?.filter(([name]) => name !== "start") ?? null;
  toc.meta = { tag: list.tag };
  tokens.splice(i, closingIndex(tokens, i) - i + 1, toc);
}

/** Core rule: each `kramdown_toc` token gets the list of the post's headings, which must have their ids. */
export function kramdownTocFill(state: StateCore): void {
  const tocs = state.tokens.filter((t) => t.type === "kramdown_toc");
  if (!tocs.length) return;
  const top: Entry[] = [];
  const stack: Entry[] = [];
  state.tokens.forEach((token, i) => {
    const id = String(token.attrGet("id") ?? "");
    if (
      token.type !== "heading_open" ||
      !id ||
      String(token.attrGet("class") ?? "")
        .split(/\s+/)
        .includes("no_toc")
    )
      return;
    const entry: Entry = {
      level: Number(token.tag.slice(1)),
      id,
      html: entryHtml(state.md, state.tokens[i + 1].children ?? [], state.env),
      children: [],
    };
    while (stack.length && stack.at(-1)!.level >= entry.level) stack.pop();
    (stack.length ? stack.at(-1)!.children : top).push(entry);
    stack.push(entry);
  });
  for (const toc of tocs) {
    // kramdown's `id="markdown-toc"` unless the IAL gave one, which then prefixes the links' ids.
    toc.attrSet("id", String(toc.attrGet("id") ?? "markdown-toc"));
    const attributes = (toc.attrs ?? []).map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`).join("");
    const tag = (toc.meta as { tag: string }).tag;
    toc.content = top.length ? renderList(top, tag, String(toc.attrGet("id")), attributes) : "";
  }
}

/** Render rule for `kramdown_toc`: the list `kramdownTocFill` wrote. */
export const renderKramdownToc: RendererRule = (tokens, index) => tokens[index].content;
