// The HTML written in place of an <img>: <picture> with AVIF and WebP sources, the original format as the
// fallback <img>, optionally a link to the full-size original and a <figure> with a caption.
import type { ImageStat } from "@11ty/eleventy-img";
import { escapeXml } from "../site/text.ts";
import { COLUMN_WIDTH, type OptimizedImage } from "./outputs.ts";

/** The column's content box: `--measure` (42rem) less the wrapper's 1.25rem padding on each side. */
const CONTENT_REM = 39.5;
const REM = 16;

/** Attributes this pipeline writes itself; every other attribute the author gave the <img> is kept. */
const OWN_ATTRIBUTES = new Set(["src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"]);

export interface PictureOptions {
  /** The author's attributes on the <img>. */
  attributes: Record<string, string>;
  alt: string;
  /** The first image of a page may be its largest paint: no lazy loading for it. */
  eager: boolean;
}

export function pictureHtml(image: OptimizedImage, { attributes, alt, eager }: PictureOptions): string {
  const fallback = image.formats[image.formats.length - 1];
  const shown = fallback[0];
  const sizes = sizesFor(shown.width);
  const sources = image.formats
    .slice(0, -1)
    .map((stats) => `<source type="${stats[0].sourceType}" srcset="${srcset(stats)}" sizes="${sizes}">`);
  const img: [string, string][] = [["src", shown.url]];
  if (fallback.length > 1) img.push(["srcset", srcset(fallback)], ["sizes", sizes]);
  img.push(["width", String(shown.width)], ["height", String(shown.height)], ["alt", alt]);
  for (const [name, value] of Object.entries(attributes)) if (!OWN_ATTRIBUTES.has(name)) img.push([name, value]);
  if (!eager) img.push(["loading", "lazy"], ["decoding", "async"]);
  return `<picture>${sources.join("")}<img ${img.map(([name, value]) => `${name}="${escapeXml(value)}"`).join(" ")}></picture>`;
}

/** A link to the original file, so a reader can open a diagram at full size. */
export function linkHtml(href: string, inner: string): string {
  return `<a class="image-full" href="${escapeXml(href)}">${inner}</a>`;
}

export function figureHtml(inner: string, caption: string): string {
  return `<figure class="image-figure">${inner}<figcaption>${escapeXml(caption)}</figcaption></figure>`;
}

/** The 1x width is the smallest file made: the original when it is narrower than the column. */
export function shownWidth(image: OptimizedImage): number {
  return image.formats[image.formats.length - 1][0].width;
}

function srcset(stats: ImageStat[]): string {
  return stats.map((stat) => `${escapeXml(stat.url)} ${stat.width}w`).join(", ");
}

/** How wide the image is drawn: the column on wide screens (or less, for a narrow image), else the viewport less padding. */
function sizesFor(width: number): string {
  const wide = Math.min(width, CONTENT_REM * REM, COLUMN_WIDTH);
  return `(min-width: ${Math.ceil(wide / REM + 2.5)}rem) ${wide}px, calc(100vw - 2.5rem)`;
}
