import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";

/** A fresh folder beside the output, on the same disk, so the finished build can be swapped in at once. */
export function stagingFolder(output: string): string {
  return path.join(path.dirname(output), `.build-${path.basename(output)}-${process.pid}`);
}

/** Replaces `output` with `staged`; the old site stays until the new one is in place. */
export async function swapIn(staged: string, output: string): Promise<void> {
  const previous = `${staged}-previous`;
  if (existsSync(output)) await rename(output, previous);
  try {
    await rename(staged, output);
  } catch (error) {
    if (existsSync(previous)) await rename(previous, output);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

/** Removes a failed build's folder; writes still in flight when the build failed may hold it for a moment. */
export async function discard(staged: string): Promise<void> {
  await rm(staged, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}
