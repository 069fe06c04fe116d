// Putting an image's files in the build's output folder, copied from the cache.
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { ImageStat } from "@11ty/eleventy-img";
import { URL_FOLDER, type OptimizedImage } from "./outputs.ts";

/** Each file copied (or being copied) into one output folder, by file name. */
export type OutputCopies = Map<string, Promise<void>>;

/** Copies every file of `image` into `output`'s /img/, each file once however many pages show it. */
export async function copyToOutput(copies: OutputCopies, output: string, image: OptimizedImage): Promise<void> {
  await Promise.all(image.formats.flat().map((stat) => copyOnce(copies, output, stat)));
}

function copyOnce(copies: OutputCopies, output: string, stat: ImageStat): Promise<void> {
  let copy = copies.get(stat.filename);
  if (!copy) {
    const target = path.join(output, URL_FOLDER, stat.filename);
    copy = mkdir(path.dirname(target), { recursive: true }).then(() => copyFile(stat.outputPath, target));
    copies.set(stat.filename, copy);
  }
  return copy;
}
