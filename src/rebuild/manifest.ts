// What a build leaves for the next one to start from: for each post, what it was made from and the files its
// page put in the output, each with the stamp it had when written. Written by the render beside the staged
// site, and made current only once that site is swapped in (src/build/cli.ts), so the manifest always
// describes the `_site/` in place.
import { readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { writeFileAtomically } from "../site/cache-files.ts";
import type { FileStamp } from "../site/file-stamps.ts";

/** Bumped when the manifest's shape or meaning changes: an older one is never read. */
const FORMAT = "rebuild/1";

export interface WrittenPost {
  /** SHA-256 of the post's text below its front matter. */
  source: string;
  /** SHA-256 of what other pages can show of it without its body: front matter, URL, date, excerpt... */
  summary: string;
  /** The pages it was written to, relative to the output folder. */
  pages: string[];
  /** Other files its render put in the output (images). */
  files: string[];
  /** Other posts whose body its page showed. */
  bodiesRead: string[];
  /** Other files its Liquid read (`include_relative`), with a SHA-256 of what they held. */
  filesRead: Record<string, string>;
}

export interface RebuildManifest {
  format: typeof FORMAT;
  /** The output folder the pages were swapped into. */
  output: string;
  /** Fingerprint of everything but the posts: engine, lockfile, config, layouts, includes, data, pages... */
  site: string;
  /** By Eleventy's input path (`./posts/...`). */
  posts: Record<string, WrittenPost>;
  /** Each file of the posts' pages as it was written (an image shown by every post is listed once). */
  stamps: Record<string, FileStamp>;
}

export function newManifest(output: string, site: string): RebuildManifest {
  return { format: FORMAT, output, site, posts: {}, stamps: {} };
}

/** The manifest of the `_site/` in place, or nothing when there is none or it cannot be trusted as a whole. */
export function readManifest(file: string): RebuildManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, "utf8")) as RebuildManifest;
    const posts = Object.values(manifest.posts ?? {});
    const wellFormed = posts.every(
      (post) =>
        typeof post.source === "string" &&
        typeof post.summary === "string" &&
        Array.isArray(post.pages) &&
        Array.isArray(post.files) &&
        Array.isArray(post.bodiesRead) &&
        typeof post.filesRead === "object" &&
        post.filesRead !== null,
    );
    const stamped = typeof manifest.stamps === "object" && manifest.stamps !== null;
    return manifest.format === FORMAT && wellFormed && stamped ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Where the manifests live: the current one, and the one of each build not yet swapped in. */
export function manifestFiles(cacheDir: string, staged: string): { current: string; pending: string } {
  return {
    current: path.join(cacheDir, "manifest.json"),
    pending: path.join(cacheDir, `pending-${path.basename(staged)}.json`),
  };
}

export function writeManifest(file: string, manifest: RebuildManifest): void {
  writeFileAtomically(file, JSON.stringify(manifest));
}

/** After the swap: the staged site is `_site/` now, and its manifest the current one. */
export function commitManifest(cacheDir: string, staged: string): void {
  const { current, pending } = manifestFiles(cacheDir, staged);
  try {
    renameSync(pending, current);
  } catch {
    // No manifest was written (BLOG_REBUILD off, or the render could not save it): the next build starts anew.
    rmSync(current, { force: true });
  }
}

/** A failed build: its manifest describes nothing in place. */
export function dropPendingManifest(cacheDir: string, staged: string): void {
  rmSync(manifestFiles(cacheDir, staged).pending, { force: true });
}
