import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { ImageResult, ImageStat } from "@11ty/eleventy-img";
import { inputError } from "../site/errors.ts";
import { openManifest } from "./manifest.ts";

/** The content column (`--measure: 42rem`) in CSS pixels: images are made at 1x and 2x of it, never upscaled. */
export const COLUMN_WIDTH = 672;
/** Where optimized files are served: every name carries a content hash, so they can be cached for a year. */
export const URL_FOLDER = "/img/";
/** Encoded files are kept here between builds (the output folder is new on each build). */
export const CACHE_FOLDER = ".cache/images";

/** Raster formats worth re-encoding; SVG, GIF (animation) and others are left as they are. */
const OPTIMIZABLE = /\.(png|jpe?g|webp)$/i;
/** Modern formats first, the original format last as the fallback `<img>`. */
const FORMATS = ["avif", "webp", "auto"];

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

export interface BuildCounts {
  /** Source images used by this build. */
  images: number;
  /** Output files this build needed. */
  files: number;
  /** Of those, files sharp had to encode (not already in the cache). */
  encoded: number;
}

export interface Optimizer {
  /** Called before each build with the folder it writes to. */
  startBuild(output: string): void;
  counts(): BuildCounts;
  /**
   * Encodes (or reuses) an image's outputs and puts them in the build's output folder. `shown` names the file
   * in errors, `usedBy` the post that refers to it.
   */
  optimize(file: string, shown: string, usedBy: string): Promise<OptimizedImage>;
}

export function createOptimizer({ root, baseurl }: { root: string; baseurl: string }): Optimizer {
  const cacheDir = path.join(root, CACHE_FOLDER);
  // What each source came out as, so a build whose images are all known never loads sharp (about 0.4 s).
  const manifest = openManifest(cacheDir, optionsFingerprint(baseurl));
  let output = "";
  let copies = new Map<string, Promise<void>>();
  let results = new Map<string, Promise<OptimizedImage>>();
  let sources = new Set<string>();
  let encoded = 0;

  // eleventy-img calls `transform` only for outputs missing from `outputDir`, right before sharp encodes them.
  const countEncode = () => {
    encoded += 1;
  };

  const options = {
    widths: [COLUMN_WIDTH, 2 * COLUMN_WIDTH],
    formats: FORMATS,
    outputDir: cacheDir,
    urlPath: `${baseurl.replace(/\/+$/, "")}${URL_FOLDER}`,
    // Keep a 2x file whenever the source is any wider than 1x (the default skips it below 1.25 times).
    minimumThreshold: 1,
    filenameFormat: (id: string, src: string, width: number, format: string) =>
      `${readableName(src)}-${id}-${width}.${format}`,
    transform: countEncode,
    failOnError: true,
  };

  const copyToOutput = (stat: ImageStat): Promise<void> => {
    let copy = copies.get(stat.filename);
    if (!copy) {
      const target = path.join(output, URL_FOLDER, stat.filename);
      copy = mkdir(path.dirname(target), { recursive: true }).then(() => copyFile(stat.outputPath, target));
      copies.set(stat.filename, copy);
    }
    return copy;
  };

  return {
    startBuild(folder) {
      output = folder;
      copies = new Map();
      results = new Map();
      sources = new Set();
      encoded = 0;
    },
    counts: () => ({ images: sources.size, files: copies.size, encoded }),
    optimize(file, shown, usedBy) {
      // Every page showing an image gets the same result: sharp reads and measures each file once per build.
      let result = results.get(file);
      if (!result) {
        result = optimizeOnce(file, shown, usedBy);
        results.set(file, result);
      }
      return result;
    },
  };

  async function optimizeOnce(file: string, shown: string, usedBy: string): Promise<OptimizedImage> {
    if (!output) throw new Error("images: optimize() called before startBuild()");
    sources.add(file);
    const known = manifest.lookup(file);
    if (known) {
      await Promise.all(known.formats.flat().map(copyToOutput));
      return known;
    }
    const image = await encode(file, shown, usedBy);
    manifest.remember(file, image);
    return image;
  }

  async function encode(file: string, shown: string, usedBy: string): Promise<OptimizedImage> {
    const [{ default: Image }, { default: sharp }] = await Promise.all([import("@11ty/eleventy-img"), import("sharp")]);
    let width: number | undefined;
    let height: number | undefined;
    let formats: ImageStat[][];
    try {
      const metadata = await sharp(file).metadata();
      ({ width, height } = metadata);
      // A 256-colour PNG (a diagram, a screenshot) stays one: resizing would otherwise make it truecolour and
      // twice the bytes. Truecolour PNGs stay lossless.
      const sharpPngOptions = metadata.isPalette ? { palette: true } : {};
      formats = modernFirst(await Image(file, { ...options, sharpPngOptions }));
    } catch (error) {
      throw inputError(
        shown,
        undefined,
        `is not an image sharp can read (${(error as Error).message}); ${usedBy} shows it`,
        `replace it with a valid PNG, JPEG or WebP file, or change the reference in ${usedBy}.`,
      );
    }
    if (!width || !height)
      throw inputError(
        shown,
        undefined,
        `has no width or height; ${usedBy} shows it`,
        "replace it with a valid PNG, JPEG or WebP file.",
      );
    await Promise.all(
      formats.flat().map(async (stat) => {
        // eleventy-img rounds heights down, sharp rounds them to nearest: width/height must be the file's own.
        stat.height = (await sharp(stat.outputPath).metadata()).height ?? stat.height;
        await copyToOutput(stat);
      }),
    );
    return { width, height, formats };
  }
}

/** Everything besides the source's bytes that decides the files made: a change to any starts the manifest afresh. */
function optionsFingerprint(baseurl: string): string {
  return JSON.stringify({ widths: [COLUMN_WIDTH, 2 * COLUMN_WIDTH], formats: FORMATS, URL_FOLDER, baseurl, format: 1 });
}

/** AVIF, WebP, then the rest (the original format), whatever order the result object has. */
function modernFirst(result: ImageResult): ImageStat[][] {
  const rank = (format: string) => (format === "avif" ? 0 : format === "webp" ? 1 : 2);
  return Object.entries(result)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([, stats]) => stats);
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
