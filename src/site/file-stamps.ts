// A file's stamp: its size, modification time and inode. A build that keeps a file from the last one (a
// hard link: src/rebuild/, src/search/kept-parts.ts) checks it by its stamp instead of reading it: a file
// replaced, cut short or written since has another. Each file is stat-ed once however many pages show it.
import { statSync } from "node:fs";
import path from "node:path";

export interface FileStamp {
  /** Path relative to the folder, with `/`. */
  file: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

export const sameStamp = (a: FileStamp | undefined, b: FileStamp | undefined): boolean =>
  a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;

export function stampOf(folder: string, file: string): FileStamp | undefined {
  const stat = statSync(path.join(folder, file), { throwIfNoEntry: false });
  return stat?.isFile() ? { file, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino } : undefined;
}

function memoized(folder: string): (file: string) => FileStamp | undefined {
  const known = new Map<string, FileStamp | undefined>();
  return (file) => {
    if (!known.has(file)) known.set(file, stampOf(folder, file));
    return known.get(file);
  };
}

export interface StampCache {
  /** The stamps of `files`, leaving out those missing. */
  of(files: Iterable<string | FileStamp>): FileStamp[];
}

export function stampCache(folder: string): StampCache {
  const stamp = memoized(folder);
  return {
    of: (files) =>
      [...files]
        .map((file) => stamp(typeof file === "string" ? file : file.file))
        .filter((found): found is FileStamp => found !== undefined),
  };
}

/** Whether a stamp's file is in `folder` as it was written: one replaced, cut short or touched has another. */
export function intactIn(folder: string): (stamp: FileStamp | undefined) => boolean {
  const stamp = memoized(folder);
  return (expected) => expected !== undefined && sameStamp(stamp(expected.file), expected);
}
