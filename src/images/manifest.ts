// `.cache/images/manifest.json`: what each source image came out as (sizes, file names), keyed by a hash of
// its bytes and of everything else that decides the output. A build whose images are all in it copies their
// files from the cache without loading sharp; an entry whose files are gone or damaged, or a damaged manifest, is
// simply made again by eleventy-img (which reuses whatever files of it are still in the cache).
import { readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { engineLockfile, readTextOrEmpty, sha256, writeFileAtomically } from "../site/cache-files.ts";
import type { OptimizedImage } from "./outputs.ts";

export interface ImageManifest {
  /** The recorded result for this file's current bytes, if its output files are all still cached. */
  lookup(file: string): OptimizedImage | undefined;
  remember(file: string, image: OptimizedImage): void;
}

const MANIFEST = "manifest.json";
const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The code that decides the outputs: a change to it is a change of every key. */
const DECIDING_CODE = ["outputs.ts", "encode.ts", "manifest.ts"].map((name) => path.join(HERE, name));
/** The installed sharp and eleventy-img, as the engine's lockfile pins them (the render cache keys on it too). */
const LOCKFILE = engineLockfile(path.dirname(HERE));

export function openManifest(cacheDir: string, options: string): ImageManifest {
  const file = path.join(cacheDir, MANIFEST);
  const setup = sha256(options, readTextOrEmpty(LOCKFILE), ...DECIDING_CODE.map(readTextOrEmpty));
  let entries: Record<string, OptimizedImage> | undefined;
  const load = (): Record<string, OptimizedImage> => {
    if (entries) return entries;
    try {
      const parsed = JSON.parse(readFileSync(file, "utf8")) as { entries?: unknown };
      entries =
        typeof parsed.entries === "object" && parsed.entries !== null
          ? (parsed.entries as Record<string, OptimizedImage>)
          : {};
    } catch {
      entries = {};
    }
    return entries;
  };
  const keyOf = (source: string): string | undefined => {
    try {
      return sha256(setup, readFileSync(source));
    } catch {
      return undefined;
    }
  };
  return {
    lookup(source) {
      const key = keyOf(source);
      const image = key ? load()[key] : undefined;
      if (!isOptimizedImage(image)) return undefined;
      // A file cut short or replaced since is damaged: removed, as eleventy-img would reuse any file it finds.
      const damaged = image.formats.flat().filter((stat) => fileSize(stat.outputPath) !== stat.size);
      for (const stat of damaged) rmSync(stat.outputPath, { force: true });
      return damaged.length ? undefined : image;
    },
    remember(source, image) {
      const key = keyOf(source);
      if (!key) return;
      entries = { ...load(), [key]: image };
      writeFileAtomically(file, JSON.stringify({ entries }));
    },
  };
}

function fileSize(file: string): number | undefined {
  return statSync(file, { throwIfNoEntry: false })?.size;
}

function isOptimizedImage(value: unknown): value is OptimizedImage {
  const image = value as OptimizedImage | undefined;
  return (
    typeof image === "object" &&
    image !== null &&
    typeof image.width === "number" &&
    typeof image.height === "number" &&
    Array.isArray(image.formats) &&
    image.formats.length > 0 &&
    image.formats.every(
      (list) =>
        Array.isArray(list) &&
        list.length > 0 &&
        list.every((stat) => typeof stat?.outputPath === "string" && typeof stat.filename === "string"),
    )
  );
}
