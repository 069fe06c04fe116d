// What the pipeline makes of a source image: which widths and formats, under which names, served from where.
// manifest.ts keys its entries on this file's text, so a change here makes every image again.
import path from "node:path";
import type { ImageOptions, ImageStat } from "@11ty/eleventy-img";

/** The content column (`--measure: 42rem`) in CSS pixels: images are made at 1x and 2x of it, never upscaled. */
export const COLUMN_WIDTH = 672;
/** Where optimized files are served: every name carries a content hash, so they can be cached for a year. */
export const URL_FOLDER = "/img/";
/** Encoded files are kept here between builds (the output folder is new on each build). */
export const CACHE_FOLDER = ".cache/images";

/** Raster formats worth re-encoding; SVG, GIF (animation) and others are left as they are. */
const OPTIMIZABLE = /\.(png|jpe?g|webp)$/i;
const WIDTHS = [COLUMN_WIDTH, 2 * COLUMN_WIDTH];
/** Modern formats first, the original format last as the fallback `<img>`. */
const FORMATS = ["avif", "webp", "auto"];
/**
 * AVIF at effort 2, not sharp's default 4: a fraction of the encoding time for files a little larger, with no
 * difference to see on the seed's diagrams at 1x or 2x (BENCHMARKS.md, "Image encoding").
 */
const AVIF_OPTIONS = { effort: 2 };

export function isOptimizable(file: string): boolean {
  return OPTIMIZABLE.test(file);
}

export interface OptimizedImage {
  /** The source's own size in pixels. */
  width: number;
  height: number;
  /** AVIF, WebP, then the original format, each list sorted by width. The last list is the fallback. */
  formats: ImageStat[][];
}

/**
 * eleventy-img's options: files go to `cacheDir` and are served from baseurl's /img/. eleventy-img calls
 * `onEncode` only for outputs missing from `cacheDir`, right before sharp encodes them.
 */
export function imageOptions(cacheDir: string, baseurl: string, onEncode: () => void): ImageOptions {
  return {
    widths: WIDTHS,
    formats: FORMATS,
    sharpAvifOptions: AVIF_OPTIONS,
    outputDir: cacheDir,
    urlPath: `${baseurl.replace(/\/+$/, "")}${URL_FOLDER}`,
    // Keep a 2x file whenever the source is any wider than 1x (the default skips it below 1.25 times).
    minimumThreshold: 1,
    filenameFormat,
    transform: onEncode,
    failOnError: true,
  };
}

/** Everything besides the source's bytes that decides the files made: a change to any starts the manifest afresh. */
export function optionsFingerprint(baseurl: string): string {
  return JSON.stringify({ widths: WIDTHS, formats: FORMATS, AVIF_OPTIONS, URL_FOLDER, baseurl, format: 1 });
}

/** `NAME-HASH-WIDTH.FORMAT`, HASH being eleventy-img's hash of the source's bytes and sharp options. */
// nginx/conf.d/default.conf's immutable /img/ location must match these names (tests/deploy/nginx.test.ts checks it).
export function filenameFormat(id: string, src: string, width: number, format: string): string {
  return `${readableName(src)}-${id}-${width}.${format}`;
}

/** The source's name, kept in output names so a reader of the HTML knows which image a file is. */
function readableName(src: string): string {
  return (
    path
      .basename(src)
      .replace(/\.[^.]+$/, "")
      .replace(/[^a-zA-Z0-9_-]+/g, "-")
      .slice(0, 60) || "image"
  );
}
