// A post's first image, for its og:image when its front matter names none: the Markdown as written (Liquid not
// yet run), read by markdown-it for `![alt](src)` and reference images, and by htmlparser2 for HTML <img>.
import MarkdownIt, { type Token } from "markdown-it";
import { parseDocument } from "htmlparser2";
import { findOne } from "domutils";

export interface FirstImage {
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

/** The first image of a Markdown body: `![alt](src)`, a reference image, or an HTML <img>. Liquid sources are skipped. */
export function firstImageIn(body: string): FirstImage | undefined {
  // Most bodies need no parse at all.
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

function imageIn(body: string): FirstImage | undefined {
  for (const token of markdown.parse(body, {})) {
    const found = token.type === "inline" ? (token.children ?? []).map(imageOf).find(Boolean) : imageOf(token);
    if (found) return found;
  }
  return undefined;
}

function imageOf(token: Token): FirstImage | undefined {
  if (token.type === "image") {
    const src = String(token.attrGet("src") ?? "");
    const alt = (token.children ?? []).map((child) => child.content).join("");
    return usable({ src, alt });
  }
  if (token.type === "html_inline" || token.type === "html_block") {
    const img = findOne((element) => element.name === "img", parseDocument(token.content).children);
    return img ? usable({ src: img.attribs.src ?? "", alt: img.attribs.alt ?? "" }) : undefined;
  }
  return undefined;
}

/** A source written with Liquid (`{{ site.baseurl }}/x.png`) is not a file name until Liquid runs. */
function usable(image: FirstImage): FirstImage | undefined {
  return image.src && !image.src.includes("{") ? image : undefined;
}
