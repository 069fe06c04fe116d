// Which reference a post's og:image comes from: its front-matter `image`, else its first image, else the
// site's `image`; with the file and line to name when that reference is wrong.
import path from "node:path";
import type { Post, SiteConfig } from "../types.ts";
import { lineOfKey } from "../site/errors.ts";
import { readTextOrEmpty } from "../site/cache-files.ts";
import { frontMatterLineCount } from "../posts/front-matter.ts";
import { firstImageIn, type FirstImage } from "../seo/first-image.ts";
import type { ReferenceSite } from "./resolve.ts";

/** An image reference, and where it was written (for errors). */
export interface SocialSource extends ReferenceSite, FirstImage {}

/** `body` is the post's Markdown as written (Liquid not yet run). */
export function socialSourceOf(post: Post, body: string, site: SiteConfig, root: string): SocialSource | undefined {
  const source = path.join(root, post.file);
  if (typeof post.image === "string" && post.image) {
    return { src: post.image, alt: "", file: post.file, line: () => lineOfKey(readTextOrEmpty(source), "image") };
  }
  const inBody = firstImageOfPost(post.file, body);
  if (inBody) return { ...inBody, file: post.file, line: () => lineInBody(source, body, inBody.src) };
  if (typeof site.image === "string" && site.image) {
    const config = path.join(root, "_config.yml");
    return { src: site.image, alt: "", file: "_config.yml", line: () => lineOfKey(readTextOrEmpty(config), "image") };
  }
  return undefined;
}

/** Each post's body and first image as last found: `npm start` asks again for every post on every save. */
const firstImages = new Map<string, { body: string; image: FirstImage | undefined }>();

function firstImageOfPost(file: string, body: string): FirstImage | undefined {
  const known = firstImages.get(file);
  if (known && known.body === body) return known.image;
  const image = firstImageIn(body);
  firstImages.set(file, { body, image });
  return image;
}

/** The line of the post's file where its body mentions `text`, counting the front matter above the body. */
function lineInBody(source: string, body: string, text: string): number | undefined {
  const index = body.split(/\r?\n/).findIndex((line) => line.includes(text));
  return index >= 0 ? frontMatterLineCount(readTextOrEmpty(source)) + index + 1 : undefined;
}
