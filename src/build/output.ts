import { existsSync, readdirSync, rmSync } from "node:fs";
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

/**
 * Removes a failed build's folder. When one page fails, Eleventy gives up without waiting for the others, which
 * go on writing into the folder (making its subfolders again): it is removed now as far as it can be, and again
 * once the process has nothing left to run, when no write can follow.
 */
export function discardWhenIdle(staged: string): void {
  const remove = () => rmSync(staged, { recursive: true, force: true, maxRetries: 5 });
  try {
    remove();
  } catch {
    // A write landed in a folder as it was removed; the pass below finishes the job.
  }
  process.once("beforeExit", () => {
    try {
      remove();
    } catch (error) {
      console.error(`Could not remove ${staged}: ${(error as Error).message}`);
    }
  });
}

/** Removes a failed build's folder; writes still in flight when the build failed may hold it for a moment. */
export async function discard(staged: string): Promise<void> {
  await rm(staged, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}

/**
 * Staging folders of builds that are no longer running (stopped with Ctrl-C, killed): each build's folder is
 * named after its process, so a folder whose process is gone is left over, never another build's.
 */
export async function removeAbandoned(output: string): Promise<void> {
  const prefix = `.build-${path.basename(output)}-`;
  const parent = path.dirname(output);
  for (const name of existsSync(parent) ? readdirSync(parent) : []) {
    const pid = /^(\d+)(?:-previous)?$/.exec(name.slice(prefix.length))?.[1];
    if (!name.startsWith(prefix) || pid === undefined || isRunning(Number(pid))) continue;
    await rm(path.join(parent, name), { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
