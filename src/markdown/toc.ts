// kramdown's table of contents: a list whose only item is `TOC`, followed by `{:toc}`, becomes
// `<ul id="markdown-toc">` of every heading with an id (not those marked `.no_toc`), nested by level,
// each link with id `markdown-toc-ID`. Headings' links and footnote marks are left out, as kramdown does.
import type { MarkdownIt, RendererRule, StateCore } from "markdown-it";
import type { Env, Token } from "markdown-it";

interface Entry {
  level: number;
  id: string;
  html: string;
  children: Entry[];
}

// The tokens of `* TOC\n{:toc}`: list_open, item_open, paragraph_open, inline, paragraph_close, item_close, list_close.
function isTocList(tokens: Token[], i: number): boolean {
  const open = tokens[i];
  if (open.type !== "bullet_list_open" && open.type !== "ordered_list_open") return false;
  const inline = tokens[i + 3];
  const closeType = open.type.replace("_open", "_close");
  return (
    tokens[i + 1]?.type === "list_item_open" &&
    inline?.type === "inline" &&
    /^TOC\s*\n\s*\{:toc\}$/.test(inline.content.trim()) &&
    tokens[i + 5]?.type === "list_item_close" &&
    tokens[i + 6]?.type === closeType
  );
}

function entryHtml(md: MarkdownIt, children: Token[], env: Env): string {
  const kept = children.filter((t) => t.type !== "link_open" && t.type !== "link_close" && t.type !== "footnote_ref");
  return md.renderer.renderInline(kept, md.options, env);
}

function renderList(entries: Entry[], tag: string, id?: string): string {
  const items = entries.map((entry) => {
    const nested = entry.children.length ? `\n${renderList(entry.children, tag)}` : "";
    return `<li><a href="#${entry.id}" id="markdown-toc-${entry.id}">${entry.html}</a>${nested}</li>\n`;
  });
  return `<${tag}${id ? ` id="${id}"` : ""}>\n${items.join("")}</${tag}>\n`;
}

/** Core rule: each `* TOC\n{:toc}` list becomes a `kramdown_toc` token, filled in by `kramdownTocFill`. */
export function kramdownTocMark(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (!isTocList(tokens, i)) continue;
    const toc = new state.Token("kramdown_toc", "", 0);
    toc.block = true;
    toc.level = tokens[i].level;
    toc.meta = { tag: tokens[i].tag };
    tokens.splice(i, 7, toc);
  }
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
  for (const toc of tocs)
    toc.content = top.length ? renderList(top, (toc.meta as { tag: string }).tag, "markdown-toc") : "";
}

/** Render rule for `kramdown_toc`: the list `kramdownTocFill` wrote. */
export const renderKramdownToc: RendererRule = (tokens, index) => tokens[index].content;
