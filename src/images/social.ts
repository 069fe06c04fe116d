// `seoImage` for each post: its front-matter `image`, else its first image, else the site's `image`, as an
// optimized file with width and height. src/seo/ writes it as og:image (with og:image:width/height/alt).
import path from "node:path";
import MarkdownIt, { type Token } from "markdown-it";
import type { Post, SiteConfig } from "../types.ts";
import { lineOfKey } from "../site/errors.ts";
import { postOf } from "../posts/index.ts";
import { readTextOrEmpty } from "../site/cache-files.ts";
import type { FileLookups } from "./lookups.ts";
import { isOptimizable, URL_FOLDER, type Optimizer } from "./optimize.ts";
import type { ReferenceSite } from "./resolve.ts";

export interface SeoImage {
  /** Site path without baseurl; src/seo/ makes it absolute. */
  url: string;
  width?: number;
  height?: number;
  alt?: string;
}

/** An image reference, and where it was written (for errors). */
interface Candidate extends ReferenceSite {
  src: string;
  alt: string;
}

/** Neither Markdown nor HTML shows an image without one of these. */
const MAY_SHOW_IMAGE = /!\[|<img\b/i;

const markdown = new MarkdownIt({ html: true });
// Only the inline runs that could hold an image are parsed; the rest of a body is text this search never reads.
markdown.core.ruler.at("inline", (state) => {
  for (const token of state.tokens) {
    if (token.type === "inline" && MAY_SHOW_IMAGE.test(token.content))
      state.md.inline.parse(token.content, state.md, state.env, token.children ?? []);
  }
});

/** `body` is the post's Markdown as written (Liquid not yet run). */
export async function seoImageOf(
  data: Record<string, unknown>,
  body: string,
  context: { root: string; site: SiteConfig; optimizer: Optimizer; lookups: FileLookups },
): Promise<SeoImage | undefined> {
  const post = postOf(data);
  const page = data.page as { url?: unknown } | undefined;
  if (!post || typeof post !== "object" || typeof post.file !== "string" || !post.file) return undefined;
  const candidate = firstOf(post, body, context.site, context.root);
  if (!candidate) return undefined;

  const { root, site, optimizer, lookups } = context;
  const pageUrl = typeof page?.url === "string" ? page.url : post.url;
  const ref = lookups.image(candidate.src, { root, pageUrl, baseurl: site.baseurl }, candidate);
  if (ref.kind === "remote") return { url: candidate.src, alt: candidate.alt || undefined };
  const alt = candidate.alt || lookups.description(ref.file).alt;
  if (!isOptimizable(ref.file)) return { url: ref.urlPath, alt };
  const image = await optimizer.optimize(ref.file, ref.shown, candidate.file);
  // Link previews do not all read AVIF or WebP: the original format, at its largest size made.
  const fallback = image.formats[image.formats.length - 1];
  const largest = fallback[fallback.length - 1];
  return { url: `${URL_FOLDER}${largest.filename}`, width: largest.width, height: largest.height, alt };
}

function firstOf(post: Post, body: string, site: SiteConfig, root: string): Candidate | undefined {
  const config = path.join(root, "_config.yml");
  const source = path.join(root, post.file);
  if (typeof post.image === "string" && post.image) {
    return { src: post.image, alt: "", file: post.file, line: () => lineOfKey(readTextOrEmpty(source), "image") };
  }
  const inBody = firstImageOfPost(post.file, body);
  if (inBody) {
    const line = () => {
      const index = body.split(/\r?\n/).findIndex((text) => text.includes(inBody.src));
      return index >= 0 ? frontMatterLines(readTextOrEmpty(source)) + index + 1 : undefined;
    };
    return { ...inBody, file: post.file, line };
  }
  if (typeof site.image === "string" && site.image) {
    return { src: site.image, alt: "", file: "_config.yml", line: () => lineOfKey(readTextOrEmpty(config), "image") };
  }
  return undefined;
}

/** Each post's body and first image as last found: `npm start` asks again for every post on every save. */
const firstImages = new Map<string, { body: string; image: ReturnType<typeof firstImageIn> }>();

function firstImageOfPost(file: string, body: string): ReturnType<typeof firstImageIn> {
  const known = firstImages.get(file);
  if (known && known.body === body) return known.image;
  const image = firstImageIn(body);
  firstImages.set(file, { body, image });
  return image;
}

/** The first image of a Markdown body: `![alt](src)`, a reference image, or an HTML <img>. Liquid sources are skipped. */
export function firstImageIn(body: string): { src: string; alt: string } | undefined {
  // Neither Markdown nor HTML shows an image without one of these: most bodies need no parse at all.
  const candidate = MAY_SHOW_IMAGE.exec(body);
  if (!candidate) return undefined;
  // Most posts show their first image early: the text up to the end of that block (and the reference
  // definitions, wherever they are) is enough. Cutting a block short cannot invent an image; when the prefix
  // shows none, the whole body is parsed.
  const blockEnd = /\n[ \t]*\n/g;
  blockEnd.lastIndex = candidate.index;
  const end = blockEnd.exec(body)?.index ?? body.length;
  if (end < body.length) {
    const definitions = body
      .slice(end)
      .split(/\r?\n/)
      .filter((line) => /^ {0,3}\[[^\]]+\]:/.test(line));
    const found = imageIn(`${body.slice(0, end)}\n\n${definitions.join("\n")}`);
    if (found) return found;
  }
  return imageIn(body);
}

function imageIn(body: string): { src: string; alt: string } | undefined {
  for (const token of markdown.parse(body, {})) {
    const found = token.type === "inline" ? (token.children ?? []).map(imageOf).find(Boolean) : imageOf(token);
    if (found) return found;
  }
  return undefined;
}

function imageOf(token: Token): { src: string; alt: string } | undefined {
  if (token.type === "image") {
    const src = String(token.attrGet("src") ?? "");
    const alt = (token.children ?? []).map((child) => child.content).join("");
    return src && !src.includes("{") ? { src, alt } : undefined;
  }
  if (token.type === "html_inline" || token.type === "html_block") {
    const tag = /<img\b[^>]*>/i.exec(token.content)?.[0];
    const src = tag && /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = src ? (src[1] ?? src[2] ?? src[3]) : "";
    const alt = tag
      ? (/\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/i
          .exec(tag)
          ?.slice(1)
          .find((v) => v !== undefined) ?? "")
      : "";
    return value && !value.includes("{") ? { src: value, alt } : undefined;
  }
  return undefined;
}

/** Lines before the body: the front matter block and its fences. */
function frontMatterLines(source: string): number {
  const match = /^---\r?\n[\s\S]*?\r?\n---[^\n]*\r?\n/.exec(source);
  return match ? match[0].split("\n").length - 1 : 0;
}
