// The optimizer a build asks for each image: the manifest's answer when it has one, else sharp's; either
// way the image's files are put in the build's output folder.
import path from "node:path";
import { encodeImage } from "./encode.ts";
import { openManifest, type ImageManifest } from "./manifest.ts";
import { copyToOutput, notePageImage, type OutputCopies } from "./output-copies.ts";
import { CACHE_FOLDER, imageOptions, optionsFingerprint, type OptimizedImage } from "./outputs.ts";

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

/** What one build has done so far; `startBuild` replaces it whole. */
interface Build {
  /** The folder the build writes to. */
  output: string;
  /** Each source's result, shared by every page that shows it: sharp reads and measures each file once a build. */
  results: Map<string, Promise<OptimizedImage>>;
  copies: OutputCopies;
  /** Output files sharp encoded. */
  encoded: number;
}

/** One image asked for: the file, how errors name it, and the post that shows it. */
interface ImageRequest {
  file: string;
  shown: string;
  usedBy: string;
}

/** What stays from one build to the next. */
interface Setup {
  cacheDir: string;
  baseurl: string;
  manifest: ImageManifest;
}

export function createOptimizer({ root, baseurl }: { root: string; baseurl: string }): Optimizer {
  const cacheDir = path.join(root, CACHE_FOLDER);
  // What each source came out as, so a build whose images are all known never loads sharp.
  const setup: Setup = { cacheDir, baseurl, manifest: openManifest(cacheDir, optionsFingerprint(baseurl)) };
  let build = newBuild("");
  return {
    startBuild(output) {
      build = newBuild(output);
    },
    counts: () => ({ images: build.results.size, files: build.copies.size, encoded: build.encoded }),
    optimize: (file, shown, usedBy) => optimizeOncePerBuild(build, setup, { file, shown, usedBy }),
  };
}

function newBuild(output: string): Build {
  return { output, results: new Map(), copies: new Map(), encoded: 0 };
}

function optimizeOncePerBuild(build: Build, setup: Setup, request: ImageRequest): Promise<OptimizedImage> {
  if (!build.output) return Promise.reject(new Error("images: optimize() called before startBuild()"));
  let result = build.results.get(request.file);
  if (!result) {
    result = optimizeImage(build, setup, request);
    build.results.set(request.file, result);
  }
  // Every page showing the image notes its files, not only the first: a warm build may keep any one of them.
  return result.then((image) => {
    notePageImage(image);
    return image;
  });
}

async function optimizeImage(
  build: Build,
  setup: Setup,
  { file, shown, usedBy }: ImageRequest,
): Promise<OptimizedImage> {
  const known = setup.manifest.lookup(file);
  const image =
    known ??
    (await encodeImage(
      file,
      imageOptions(setup.cacheDir, setup.baseurl, () => {
        build.encoded += 1;
      }),
      shown,
      usedBy,
    ));
  await copyToOutput(build.copies, build.output, image);
  if (!known) setup.manifest.remember(file, image);
  return image;
}
