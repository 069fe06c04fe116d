// GFM task lists as kramdown's GFM parser writes them.
import type { StateCore } from "markdown-it";
import type { Token } from "markdown-it";

const TASK = /^\[([ xX])\] /;

/** `- [ ] task` / `- [x] done`: kramdown's disabled checkboxes and `task-list` classes. */
export function kramdownTaskLists(state: StateCore): void {
  const tokens = state.tokens;
  const openLists: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === "bullet_list_open" || token.type === "ordered_list_open") openLists.push(token);
    if (token.type === "bullet_list_close" || token.type === "ordered_list_close") openLists.pop();
    if (token.type !== "list_item_open") continue;
    const inline = tokens[i + 1]?.type === "paragraph_open" ? tokens[i + 2] : tokens[i + 1];
    const first = inline?.type === "inline" ? inline.children?.[0] : undefined;
    const match = first?.type === "text" ? TASK.exec(first.content) : null;
    if (!inline || !first || !match) continue;
    first.content = first.content.slice(match[0].length);
    const box = new state.Token("html_inline", "", 0);
    const checked = match[1] === " " ? "" : ' checked="checked"';
    box.content = `<input type="checkbox" class="task-list-item-checkbox" disabled="disabled"${checked} />`;
    inline.children?.unshift(box);
    token.attrJoin("class", "task-list-item");
    const list = openLists.at(-1);
    if (
      list &&
      !String(list.attrGet("class") ?? "")
        .split(" ")
        .includes("task-list")
    )
      list.attrJoin("class", "task-list");
  }
}
