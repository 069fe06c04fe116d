// GFM task lists as kramdown's GFM parser writes them.
import type { StateCore } from "markdown-it";
import type { Token } from "markdown-it";

const TASK = /^\[([ xX])\] /;

/**
 * `- [ ] task` / `- [x] done`: kramdown's disabled checkboxes and `task-list` classes. As kramdown-parser-gfm
 * has it, once an item of a list is a task, every later item of that list that starts with a paragraph is
 * marked `task-list-item` too, checkbox or not.
 */
export function kramdownTaskLists(state: StateCore): void {
  const tokens = state.tokens;
  const openLists: { list: Token; hasTask: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === "bullet_list_open" || token.type === "ordered_list_open")
      openLists.push({ list: token, hasTask: false });
    if (token.type === "bullet_list_close" || token.type === "ordered_list_close") openLists.pop();
    const current = openLists.at(-1);
    if (token.type !== "list_item_open" || !current || tokens[i + 1]?.type !== "paragraph_open") continue;
    const inline = tokens[i + 2];
    const first = inline?.type === "inline" ? inline.children?.[0] : undefined;
    const match = first?.type === "text" ? TASK.exec(first.content) : null;
    if (first && match) {
      first.content = first.content.slice(match[0].length);
      const box = new state.Token("html_inline", "", 0);
      const checked = match[1] === " " ? "" : ' checked="checked"';
      box.content = `<input type="checkbox" class="task-list-item-checkbox" disabled="disabled"${checked} />`;
      inline.children?.unshift(box);
      if (!current.hasTask) current.list.attrJoin("class", "task-list");
      current.hasTask = true;
    }
    if (current.hasTask) token.attrJoin("class", "task-list-item");
  }
}
