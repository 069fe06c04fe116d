// `seoImage` for each post: the image socialSourceOf picks, as an optimized file with width and height.
// src/seo/ writes it as og:image (with og:image:width/height/alt).
import type { SiteConfig } from "../types.ts";
import { postOf } from "../posts/index.ts";
import type { FileLookups } from "./lookups.ts";
import type { Optimizer } from "./optimize.ts";
import { isOptimizable, URL_FOLDER } from "./outputs.ts";
import { socialSourceOf } from "./social-source.ts";

export interface SeoImage {
  /** Site path without baseurl; src/seo/ makes it absolute. */
  url: string;
  width?: number;
  height?: number;
  alt?: string;
}

/** `body` is the post's Markdown as written (Liquid not yet run). */
export async function seoImageOf(
  data: Record<string, unknown>,
  body: string,
  context: { root: string; site: SiteConfig; optimizer: Optimizer; lookups: FileLookups },
): Promise<SeoImage | undefined> {
  const post = postOf(data);
  const page = data.page as { url?: unknown } | undefined;
  if (!post || typeof post !== "object" || typeof post.file !== "string" || !post.file) return undefined;
  const candidate = socialSourceOf(post, body, context.site, context.root);
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
