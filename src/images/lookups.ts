// Answers about files that every page asks again (does the image exist, what is its alt text): one page after
// another shows the same images, so each is looked at once per build. A new build starts with empty answers.
import { statSync } from "node:fs";
import { readDescription, type ImageDescription } from "./describe.ts";
import { requireLocalImage, type LocalImage, type ReferenceSite, type ResolveContext } from "./resolve.ts";

export interface FileLookups {
  /** `requireLocalImage`, remembered per source and page folder (failures are not remembered: they stop the build). */
  image(src: string, context: ResolveContext, site: ReferenceSite): LocalImage | { kind: "remote" };
  description(imageFile: string): ImageDescription;
  isFile(file: string): boolean;
}

export function createLookups(root: string): FileLookups {
  const images = new Map<string, LocalImage | { kind: "remote" }>();
  const descriptions = new Map<string, ImageDescription>();
  const files = new Map<string, boolean>();
  return {
    image(src, context, site) {
      // A relative source depends on the page's folder; an absolute or remote one does not.
      const key = `${src.startsWith("/") || /^[a-z]+:/i.test(src) ? "" : context.pageUrl.replace(/[^/]*$/, "")}\0${src}`;
      return remembered(images, key, () => requireLocalImage(src, context, site));
    },
    description: (imageFile) => remembered(descriptions, imageFile, () => readDescription(imageFile, root)),
    isFile: (file) => remembered(files, file, () => statSync(file, { throwIfNoEntry: false })?.isFile() ?? false),
  };
}

/** The answer kept for `key`, or `find()`'s, kept for next time (a throw keeps nothing). */
function remembered<T>(answers: Map<string, T>, key: string, find: () => T): T {
  if (answers.has(key)) return answers.get(key) as T;
  const answer = find();
  answers.set(key, answer);
  return answer;
}
