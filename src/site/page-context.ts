// Which page Eleventy is writing while code runs. A warm build (src/rebuild/) renders only the pages that
// changed and keeps the rest of the last build; for that it must know, of each page it wrote, which files
// besides the page itself its render put in the output (images) and which other posts' bodies it showed.
// Capabilities note both here, at the floor, without knowing about warm builds.
// https://nodejs.org/api/async_context.html#class-asynclocalstorage
import { AsyncLocalStorage } from "node:async_hooks";

export interface PageRecord {
  /** The page's input file, as Eleventy names it (`./posts/...`). */
  inputPath: string;
  /** Other files its render wrote into the output, relative to the output folder. */
  files: Set<string>;
  /** Input paths of the other posts whose body (content, rendered or raw) it read. */
  bodiesRead: Set<string>;
  /** Files its Liquid read besides layouts and includes (`include_relative`): path from the project, and text. */
  filesRead: Map<string, string>;
}

const current = new AsyncLocalStorage<PageRecord>();

/** Runs `write` (and everything it awaits) as the writing of `record`'s page. */
export function whileWriting<T>(record: PageRecord, write: () => T): T {
  return current.run(record, write);
}

/** A file the page being written put into the output, relative to the output folder. */
export function notePageFile(file: string): void {
  current.getStore()?.files.add(file);
}

/** The page being written read the body of the post at `inputPath`. */
export function noteBodyRead(inputPath: string): void {
  const page = current.getStore();
  if (page && page.inputPath !== inputPath) page.bodiesRead.add(inputPath);
}

/** The page being written read `file` (a path from the project folder), which held `text`. */
export function noteFileRead(file: string, text: string): void {
  current.getStore()?.filesRead.set(file, text);
}
