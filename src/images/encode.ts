// Encoding with sharp (through eleventy-img), loaded only when a build meets an image the manifest does not know.
import type { ImageOptions, ImageResult, ImageStat } from "@11ty/eleventy-img";
import { inputError } from "../site/errors.ts";
import type { OptimizedImage } from "./outputs.ts";

/**
 * Makes (or finds in eleventy-img's output folder) every file of `file`. `shown` names the file in errors,
 * `usedBy` the post that refers to it.
 */
export async function encodeImage(
  file: string,
  options: ImageOptions,
  shown: string,
  usedBy: string,
): Promise<OptimizedImage> {
  const [{ default: Image }, { default: sharp }] = await Promise.all([import("@11ty/eleventy-img"), import("sharp")]);
  let width: number | undefined;
  let height: number | undefined;
  let formats: ImageStat[][];
  try {
    const metadata = await sharp(file).metadata();
    ({ width, height } = metadata);
    // A 256-colour PNG (a diagram, a screenshot) stays one: resizing would otherwise make it truecolour and
    // larger. Truecolour PNGs stay lossless.
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
    }),
  );
  return { width, height, formats };
}

/** AVIF, WebP, then the rest (the original format), whatever order the result object has. */
function modernFirst(result: ImageResult): ImageStat[][] {
  const rank = (format: string) => (format === "avif" ? 0 : format === "webp" ? 1 : 2);
  return Object.entries(result)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([, stats]) => stats);
}
