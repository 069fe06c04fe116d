// Files a build keeps from the last one (post pages, search index parts) go in as hard links: no bytes are
// copied, and nothing ever writes into a linked file (a file is replaced by renaming a new one over it).
// Where the disk cannot link (another file system, as a Docker cache mount is), the file is copied.
import { copyFileSync, linkSync } from "node:fs";
import { copyFile, link } from "node:fs/promises";

const CANNOT_LINK = new Set(["EXDEV", "EPERM", "ENOTSUP"]);
const cannotLink = (error: unknown) => CANNOT_LINK.has((error as NodeJS.ErrnoException).code ?? "");

export async function linkOrCopy(from: string, to: string): Promise<void> {
  await link(from, to).catch((error: unknown) => {
    if (cannotLink(error)) return copyFile(from, to);
    throw error;
  });
}

export function linkOrCopySync(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if (cannotLink(error)) copyFileSync(from, to);
    else throw error;
  }
}
