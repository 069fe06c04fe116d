// What `npm start` currently reports to the author: one message per file whose front matter (or
// `_config.yml`) could not be read, and the last build's failure if it failed. The terminal prints each
// once, as it happens; the dev server shows them all over every page it sends (overlay.ts).
import { existsSync } from "node:fs";

const byFile = new Map<string, string>();
let buildFailure: string | undefined;

/** Every standing error's text (file, line, problem and fix), in the order they arose. */
export function standingErrors(): string[] {
  return [...byFile.values(), ...(buildFailure ? [buildFailure] : [])];
}

/** A file's error, printed when it is new or has changed. */
export function reportFileError(file: string, message: string): void {
  if (byFile.get(file) !== message) console.error(message);
  byFile.set(file, message);
}

/** The file reads again (or is gone): its error no longer stands. */
export function clearFileError(file: string): void {
  byFile.delete(file);
}

/** Errors of files deleted since they were reported (Eleventy does not rebuild on a deletion). */
export function forgetDeletedFiles(): void {
  for (const file of byFile.keys()) if (!existsSync(file)) byFile.delete(file);
}

/** The failure of the last build, undefined once a build succeeds. */
export function setBuildFailure(message: string | undefined): void {
  buildFailure = message;
}
