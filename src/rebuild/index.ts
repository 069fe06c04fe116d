// Warm builds: a post's page whose inputs are all as the last build left them is not rendered again but
// taken from `_site/` (a hard link into the staged site), with the images it showed. src/rebuild/plan.ts
// says which; the manifest (src/rebuild/manifest.ts) records, for the next build, what each post page was
// made from, the files it wrote and the other posts whose bodies it showed. On in `npm run build` only
// (src/build/cli.ts names the output folder in BLOG_REBUILD_OUTPUT).
//
// Eleventy has no public way to skip one template's render while keeping its data for the others (its own
// incremental build follows only declared dependencies: https://www.11ty.dev/docs/usage/incremental/), so
// this replaces two methods on each post's Template instance, as Eleventy's incremental mode toggles them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CollectionApi, EleventyConfig } from "../site/eleventy-config.ts";
import { countBuild } from "../site/stats.ts";
import { sha256 } from "../site/cache-files.ts";
import { postOf } from "../posts/index.ts";
import {
  manifestFiles,
  newManifest,
  readManifest,
  writeManifest,
  type RebuildManifest,
  type WrittenPost,
} from "./manifest.ts";
import { intactIn, stampCache, type FileStamp } from "../site/file-stamps.ts";
import { planRebuild, type PostState, type RebuildPlan } from "./plan.ts";
import { postState } from "./post-state.ts";
import { siteFingerprint } from "./site-inputs.ts";
import { trackPost, type TrackedPost, type TemplateItem } from "./tracking.ts";
import { keepFiles } from "./kept-files.ts";

/** A SHA-256 of a file of the project as it is now, or of nothing when it is gone. */
function fileHash(root: string, file: string): string {
  try {
    return sha256(readFileSync(path.join(root, file), "utf8"));
  } catch {
    return "missing";
  }
}

/** The stamps of every file of `posts`' pages in `folder`; a post whose file is missing is rendered next time. */
function stampsOf(folder: string, posts: WrittenPost[]): Record<string, FileStamp> {
  const files = new Set(posts.flatMap((post) => [...post.pages, ...post.files]));
  return Object.fromEntries(
    stampCache(folder)
      .of(files)
      .map((stamp) => [stamp.file, stamp]),
  );
}

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface RebuildOptions {
  root: string;
  /** The folder the build writes into (the staging folder in `npm run build`). */
  staged: string;
}

export default function rebuildPlugin(eleventyConfig: EleventyConfig, { root, staged }: RebuildOptions): void {
  const output = process.env.BLOG_REBUILD_OUTPUT;
  if (!output) return;
  const files = manifestFiles(path.join(root, ".cache/rebuild"), staged);
  let site = "";
  let previous: RebuildManifest | undefined;
  let posts: { state: PostState; tracked?: TrackedPost }[] = [];
  let plan: RebuildPlan = { kept: new Map() };

  let planned = false;
  eleventyConfig.on("eleventy.before", () => {
    planned = false;
    site = siteFingerprint(root, SRC);
    previous = readManifest(files.current);
  });
  // Runs once every post's data is known and before any page renders: a collection is the first such moment
  // Eleventy offers (https://www.11ty.dev/docs/collections-api/). It names no collection a page uses.
  eleventyConfig.addCollection("_rebuild", (api: CollectionApi) => {
    // Eleventy may ask for a collection more than once in a build: the plan is made, and applied, once.
    if (planned) return [];
    planned = true;
    const items = api.getAll().filter((item) => postOf(item.data)) as TemplateItem[];
    const states = items.map(postState);
    plan = planRebuild(previous, { output, site, posts: states }, intactIn(output), (file) => fileHash(root, file));
    posts = items.map((item, index) => {
      if (!plan.kept.has(item.inputPath)) return { state: states[index], tracked: trackPost(item, staged) };
      item.template.generateMapEntry = () => Promise.resolve([]);
      return { state: states[index] };
    });
    keepFiles(output, staged, new Set([...plan.kept.values()].flatMap((kept) => [...kept.pages, ...kept.files])));
    // What is kept of the last build's manifest is in the plan: the rest goes before the pages are rendered.
    previous = undefined;
    countBuild("pagesKept", plan.kept.size);
    return [];
  });
  eleventyConfig.on("eleventy.after", () => {
    const manifest = newManifest(output, site);
    for (const { state, tracked } of posts) {
      const entry = tracked ? tracked.written() : plan.kept.get(state.inputPath);
      if (entry) manifest.posts[state.inputPath] = { ...entry, source: state.source, summary: state.summary };
    }
    // As the files are now in the staged site: a rendered page showing a kept page's image replaced it.
    manifest.stamps = stampsOf(staged, Object.values(manifest.posts));
    try {
      writeManifest(files.pending, manifest);
    } catch (error) {
      // The site is built; the next build only renders every page again.
      console.warn(
        `The rebuild manifest could not be saved (${(error as Error).message}); the next build renders every page.`,
      );
    }
  });
}

export { commitManifest, dropPendingManifest } from "./manifest.ts";
