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

// kramdown makes any list followed by `{:toc}` the table of contents (the IAL line ends the list, whatever its
// items say; after a blank line the IAL would go to the next block): the list's tokens, then paragraph_open,
// inline `{:toc}`, paragraph_close. The index of that paragraph's close, or -1.
function tocListEnd(tokens: Token[], i: number, lines: string[]): number {
  const open = tokens[i];
  if (open.type !== "bullet_list_open" && open.type !== "ordered_list_open") return -1;
  let close = i;
  for (let depth = 0; close < tokens.length; close++) {
    depth += tokens[close].nesting;
    if (depth === 0) break;
  }
  const [paragraph, inline, paragraphClose] = tokens.slice(close + 1, close + 4);
  const isToc =
    paragraph?.type === "paragraph_open" &&
    inline?.type === "inline" &&
    inline.content.trim() === "{:toc}" &&
    paragraphClose?.type === "paragraph_close" &&
    (lines[(paragraph.map?.[0] ?? 0) - 1] ?? "").trim() !== "";
  return isToc ? close + 3 : -1;
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

/** Core rule: each list followed by `{:toc}` becomes a `kramdown_toc` token, filled in by `kramdownTocFill`. */
export function kramdownTocMark(state: StateCore): void {
  if (!state.src.includes("{:toc}")) return;
  const tokens = state.tokens;
  const lines = state.src.split("\n");
  for (let i = 0; i < tokens.length; i++) {
    const end = tocListEnd(tokens, i, lines);
    if (end < 0) continue;
    const toc = new state.Token("kramdown_toc", "", 0);
    toc.block = true;
    toc.level = tokens[i].level;
    toc.meta = { tag: tokens[i].tag };
    tokens.splice(i, end - i + 1, toc);
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
