// Heading ids exactly as Jekyll gives them (so deep links survive the move), and a link on each heading
// that readers can copy. The link wraps the heading's own text (markdown-it-anchor's `headerLink`): one
// focusable element per heading, read once by screen readers, no extra symbol. A heading that already holds
// a link keeps just its id, since links cannot nest.
// https://github.com/valeriangalliat/markdown-it-anchor#header-link
import markdownItAnchor from "markdown-it-anchor";
import { kramdownAutoId } from "./heading-id-numbering.ts";
import { MATH_INLINE } from "./math.ts";

export const HEADING_LINK_CLASS = "heading-link";

const headerLink = markdownItAnchor.permalink.headerLink({ class: HEADING_LINK_CLASS });

/** markdown-it-anchor's options (rules.ts uses the plugin). */
export const HEADING_ANCHOR_OPTIONS: markdownItAnchor.AnchorOptions = {
  slugifyWithState: kramdownAutoId,
  // The heading's text as kramdown reads it for an id: inline math's TeX included, and the text inside raw HTML
  // (`<kbd>Ctrl</kbd>`, one token here) without its tags.
  getTokensText: (tokens) =>
    tokens
      .map((t) => {
        if (t.type === "text" || t.type === "code_inline" || t.type === MATH_INLINE) return t.content;
        return t.type === "html_inline" ? t.content.replace(/<[^>]*>/g, "") : "";
      })
      .join(""),
  // Ids are numbered (and repeated `{#id}`s allowed) as kramdown does it, in heading-id-numbering.ts.
  failOnNonUnique: false,
  tabIndex: false,
  permalink: (slug, options, state, index) => {
    // A heading with nothing to make an id of (`### ;.;;`) has none in kramdown, and so no link.
    if (slug === "") {
      state.tokens[index].attrs = (state.tokens[index].attrs ?? []).filter(([name]) => name !== "id");
      return;
    }
    const children = state.tokens[index + 1].children ?? [];
    const holdsLink = children.some(
      (t) => t.type === "link_open" || (t.type === "html_inline" && /^<a[\s>]/i.test(t.content)),
    );
    if (!holdsLink) headerLink(slug, options, state, index);
  },
};
