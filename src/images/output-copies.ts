// Putting an image's files in the build's output folder, copied from the cache.
import { copyFile, mkdir, rename } from "node:fs/promises";
import path from "node:path";
import type { ImageStat } from "@11ty/eleventy-img";
import { URL_FOLDER, type OptimizedImage } from "./outputs.ts";
import { notePageFile } from "../site/page-context.ts";

/** Each file copied (or being copied) into one output folder, by file name. */
export type OutputCopies = Map<string, Promise<void>>;

/** Copies every file of `image` into `output`'s /img/, each file once however many pages show it. */
export async function copyToOutput(copies: OutputCopies, output: string, image: OptimizedImage): Promise<void> {
  await Promise.all(image.formats.flat().map((stat) => copyOnce(copies, output, stat)));
}

/** Notes `image`'s files as shown by the page being written (src/site/page-context.ts), each time a page shows it. */
export function notePageImage(image: OptimizedImage): void {
  for (const stat of image.formats.flat()) notePageFile(path.posix.join(URL_FOLDER, stat.filename).replace(/^\//, ""));
}

function copyOnce(copies: OutputCopies, output: string, stat: ImageStat): Promise<void> {
  let copy = copies.get(stat.filename);
  if (!copy) {
    const target = path.join(output, URL_FOLDER, stat.filename);
    copy = mkdir(path.dirname(target), { recursive: true }).then(() => replaceWithCopy(stat.outputPath, target));
    copies.set(stat.filename, copy);
  }
  return copy;
}

/**
 * A copy put in place by a rename: a file already at `target` (a warm build's hard link to the last build's,
 * src/rebuild/kept-files.ts) is replaced, never written into.
 */
async function replaceWithCopy(source: string, target: string): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`;
  await copyFile(source, temporary);
  await rename(temporary, target);
}
