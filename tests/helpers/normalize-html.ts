// Normalises post body HTML so that two renderers' bodies compare equal when a reader sees the same thing:
// whitespace collapsed, attributes sorted (and class names), entities decoded, void tags written one way,
// syntax-highlighter token spans unwrapped in code blocks and highlighted inline code (Rouge's and Prism's class names differ by design), and this
// project's heading links unwrapped (they wrap a heading's text in <a class="heading-link">, see README).
import { parseDocument } from "htmlparser2";
import { findOne } from "domutils";
import type { ChildNode, Element } from "domhandler";

const VOID = new Set("area base br col embed hr img input link meta param source track wbr".split(" "));
const HEADING = /^h[1-6]$/;

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (text: string) => escapeText(text).replace(/"/g, "&quot;");

function attributes(element: Element): string {
  return Object.entries(element.attribs)
    .map(([name, value]) => [
      name,
      name === "class" ? value.split(/\s+/).filter(Boolean).sort().join(" ") : value.replace(/\s+/g, " ").trim(),
    ])
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => ` ${name}="${escapeAttr(value)}"`)
    .join("");
}

function serialize(nodes: ChildNode[], inside: { pre: boolean; heading: boolean }): string {
  return nodes
    .map((node) => {
      if (node.type === "text") return escapeText(node.data);
      if (node.type === "comment") return `<!--${node.data}-->`;
      if (node.type === "cdata") return serialize(node.children, inside);
      if (node.type !== "tag" && node.type !== "script" && node.type !== "style") return "";
      const element = node as Element;
      const name = element.name.toLowerCase();
      // Token spans of a highlighter, inside <pre> or in highlighted inline code.
      if (inside.pre && name === "span") return serialize(element.children, inside);
      if (inside.heading && name === "a" && element.attribs.class === "heading-link")
        return serialize(element.children, inside);
      const open = `<${name}${attributes(element)}>`;
      if (VOID.has(name)) return open;
      const highlighted = name === "code" && /\bhighlighter-rouge\b/.test(element.attribs.class ?? "");
      const nested = {
        pre: inside.pre || name === "pre" || highlighted,
        heading: inside.heading || HEADING.test(name),
      };
      return `${open}${serialize(element.children, nested)}</${name}>`;
    })
    .join("");
}

/** Normalised HTML of a fragment. */
export function normalizeHtml(html: string): string {
  const document = parseDocument(html, { decodeEntities: true, lowerCaseAttributeNames: true });
  return serialize(document.children, { pre: false, heading: false })
    .replace(/\s+/g, " ")
    .replace(
      /\s*(<(?:\/?)(?:p|div|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th|h[1-6]|blockquote|pre|figure|hr|br|section|aside|details|summary|nav|article|header|footer|iframe|video|source|figcaption)\b[^>]*>)\s*/g,
      "$1",
    )
    .trim();
}

/** The inner HTML of the first `.e-content` element of a built page. */
export function postContent(page: string): string {
  const document = parseDocument(page, { withStartIndices: true, withEndIndices: true });
  const content = findOne(
    (element) => (element.attribs.class ?? "").split(/\s+/).includes("e-content"),
    document.children,
  );
  if (!content) throw new Error("no .e-content element in the page");
  const first = content.children[0];
  const last = content.children.at(-1);
  if (!first || !last || first.startIndex === null || last.endIndex === null) return "";
  return page.slice(first.startIndex, last.endIndex + 1);
}
