// The HTML transform: each local <img> of a page becomes an optimized <picture>. Only the <img> (or the
// paragraph it stands in, when it gets a <figure>) is rewritten; the rest of the page keeps its bytes.
import path from "node:path";
import { parseDocument } from "htmlparser2";
import { getElementsByTagName } from "domutils";
import type { ChildNode, Element } from "domhandler";
import { lineContaining } from "../site/errors.ts";
import { descriptionFile, type ImageDescription } from "./describe.ts";
import type { FileLookups } from "./lookups.ts";
import { figureHtml, linkHtml, pictureHtml, shownWidth } from "./markup.ts";
import type { Optimizer } from "./optimize.ts";
import { isOptimizable, type OptimizedImage } from "./outputs.ts";

export interface TransformContext {
  root: string;
  baseurl: string;
  optimizer: Optimizer;
  lookups: FileLookups;
  /** Where warnings go (a missing alt text does not stop the build). */
  warn(message: string): void;
}

export interface PageContext {
  inputPath: string;
  /** The page's URL without baseurl. */
  url: string;
}

/** One <img> after the pipeline: its new HTML, and whether it may stand as a figure of its own. */
interface Rewritten {
  element: Element;
  html: string;
  caption?: string;
}

export async function transformImages(html: string, page: PageContext, context: TransformContext): Promise<string> {
  // Plain searches first: case-insensitive patterns over every page add up.
  if (!html.includes("<img") && !/<img\b/i.test(html)) return html;
  // Images live in the body: the head is not parsed.
  const exact = html.indexOf("<body");
  const bodyStart = Math.max(0, exact >= 0 ? exact : html.search(/<body[\s>]/i));
  return html.slice(0, bodyStart) + (await transformFragment(html.slice(bodyStart), page, context));
}

async function transformFragment(html: string, page: PageContext, context: TransformContext): Promise<string> {
  const document = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const images = getElementsByTagName("img", document.children);
  const results = await Promise.all(images.map((element, index) => rewrite(element, index === 0, page, context)));
  const rewritten = results.filter((result): result is Rewritten => result !== undefined);

  // Captioned images alone on their line take their paragraph apart: text, <figure>, text.
  const figures = new Map<Element, Rewritten[]>();
  for (const result of rewritten) {
    const parent = result.element.parent;
    if (
      result.caption &&
      parent?.type === "tag" &&
      (parent as Element).name === "p" &&
      standsOnItsOwnLine(result.element)
    ) {
      figures.set(parent as Element, [...(figures.get(parent as Element) ?? []), result]);
    }
  }
  const imageEdits = rewritten.map((result) => ({ ...span(result.element), text: result.html }));
  const paragraphEdits = [...figures].map(([paragraph, inside]) => ({
    ...span(paragraph),
    text: splitParagraph(html, paragraph, inside, imageEdits),
  }));
  const outsideParagraphs = imageEdits.filter(
    (edit) => !paragraphEdits.some((p) => edit.start >= p.start && edit.end <= p.end),
  );
  return applyEdits(html, { start: 0, end: html.length }, [...outsideParagraphs, ...paragraphEdits]);
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The element's place in the page: from its `<` to just after its last `>`. */
function span(element: ChildNode): { start: number; end: number } {
  return { start: element.startIndex ?? 0, end: (element.endIndex ?? 0) + 1 };
}

/** The HTML between `range.start` and `range.end`, with the edits that fall inside it applied. */
function applyEdits(html: string, range: { start: number; end: number }, edits: Edit[]): string {
  const inside = edits
    .filter((edit) => edit.start >= range.start && edit.end <= range.end)
    .sort((a, b) => a.start - b.start);
  let out = "";
  let at = range.start;
  for (const edit of inside) {
    out += html.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + html.slice(at, range.end);
}

async function rewrite(
  element: Element,
  first: boolean,
  page: PageContext,
  context: TransformContext,
): Promise<Rewritten | undefined> {
  const src = element.attribs.src;
  if (!src || ancestor(element, "picture")) return undefined;
  const { root, baseurl, optimizer, lookups } = context;
  const source = path.resolve(root, page.inputPath);
  // Pages made from a template of the engine (home, archives) show posts' excerpts: name the page's URL too.
  const isFile = lookups.isFile(source);
  const post = isFile ? path.relative(root, source) : `${path.relative(root, source)} (the page ${page.url})`;
  const ref = lookups.image(
    src,
    { root, pageUrl: page.url, baseurl },
    { file: post, line: () => lineContaining(page.inputPath, src) },
  );
  if (ref.kind === "remote") return undefined;
  if (!isOptimizable(ref.file)) return undefined;

  const description: ImageDescription = lookups.description(ref.file);
  const written = element.attribs.alt?.trim() ?? "";
  const alt = written || description.alt || "";
  // A post's own page warns; the home page showing its excerpt would only repeat it.
  if (!alt && isFile) {
    context.warn(
      `${post}: the image "${src}" has empty alt text, so screen readers get nothing. Describe it in the Markdown, ![what it shows](${src}), or in ${path.relative(root, descriptionFile(ref.file))} (alt: "what it shows").`,
    );
  }
  const image: OptimizedImage = await optimizer.optimize(ref.file, ref.shown, post);
  let html = pictureHtml(image, { attributes: element.attribs, alt, eager: first });
  // A full-size link needs a name (the alt text) and something bigger to show.
  if (alt && image.width > shownWidth(image) && !ancestor(element, "a")) html = linkHtml(src, html);
  return { element, html, caption: description.caption };
}

/** An image alone on its line of a paragraph (as Markdown writes `![](x)` on a line of its own). */
function standsOnItsOwnLine(element: Element): boolean {
  const before = element.prev;
  const after = element.next;
  const breaksBefore = !before || isBreak(before) || (before.type === "text" && /\n\s*$/.test(textOf(before)));
  const breaksAfter = !after || isBreak(after) || (after.type === "text" && /^\s*\n/.test(textOf(after)));
  return breaksBefore && breaksAfter;
}

/** The paragraph's text stays in paragraphs; each captioned image on its own line becomes a <figure> between them. */
function splitParagraph(html: string, paragraph: Element, figures: Rewritten[], imageEdits: Edit[]): string {
  const first = paragraph.children[0];
  const openTag = html.slice(paragraph.startIndex ?? 0, first?.startIndex ?? 0);
  const blocks: string[] = [];
  let buffer = "";
  const flush = () => {
    const text = buffer.replace(/^(\s|<br\s*\/?>)+|(\s|<br\s*\/?>)+$/gi, "");
    if (text) blocks.push(`${openTag}${text}</p>`);
    buffer = "";
  };
  for (const child of paragraph.children) {
    const figure = figures.find((result) => result.element === child);
    if (figure) {
      flush();
      blocks.push(figureHtml(figure.html, figure.caption ?? ""));
    } else {
      buffer += applyEdits(html, span(child), imageEdits);
    }
  }
  flush();
  return blocks.join("\n");
}

function ancestor(element: Element, name: string): boolean {
  for (let node = element.parent; node; node = node.parent)
    if (node.type === "tag" && (node as Element).name === name) return true;
  return false;
}

function isBreak(node: ChildNode): boolean {
  return node.type === "tag" && (node as Element).name === "br";
}

function textOf(node: ChildNode): string {
  return (node as { data?: string }).data ?? "";
}
