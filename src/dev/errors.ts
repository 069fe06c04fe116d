// What `npm start` currently reports to the author: one message per file whose front matter (or
// `_config.yml`) could not be read, and the last build's failure if it failed. The terminal prints each
// once, as it happens; the dev server shows them all over every page it sends (overlay.ts).
import { existsSync } from "node:fs";

const byFile = new Map<string, string>();
/** Posts left out of the build until they change: their error surfaced only once the build was under way. */
const excluded = new Set<string>();
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
  for (const file of excluded) if (!existsSync(file)) excluded.delete(file);
}

/** Leaves a post out of the builds that follow, its error standing, until it is saved again. */
export function excludeFile(file: string, message: string): void {
  excluded.add(file);
  reportFileError(file, message);
}

export function isExcluded(file: string): boolean {
  return excluded.has(file);
}

/** Saved files are read again: a fix shows, or the error is found anew. */
export function includeAgain(files: string[]): void {
  for (const file of files) excluded.delete(file);
}

/** The failure of the last build, undefined once a build succeeds. */
export function setBuildFailure(message: string | undefined): void {
  buildFailure = message;
}
