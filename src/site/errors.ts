import { readFileSync } from "node:fs";
/** An error in an author's input: it names the file, the line where there is one, and what to change. */
export interface InputError extends Error {
  file: string;
  line?: number;
  fix: string;
}

export function inputError(file: string, line: number | undefined, problem: string, fix: string): InputError {
  const where = line ? `${file}:${line}` : file;
  const error = new Error(`${where}: ${problem}\n  Fix: ${fix}`) as InputError;
  error.name = "InputError";
  error.file = file;
  error.line = line;
  error.fix = fix;
  // Eleventy prints no stack trace for these: the message says all an author needs.
  (error as InputError & { skipOriginalStack: boolean }).skipOriginalStack = true;
  return error;
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof Error && error.name === "InputError";
}

/** The error and what it wraps (Eleventy's `originalError`, or `cause`), outermost first. */
export function causeChain(error: unknown): Error[] {
  const chain: Error[] = [];
  let current: unknown = error;
  while (current instanceof Error && !chain.includes(current)) {
    chain.push(current);
    const next = current as { originalError?: unknown; cause?: unknown };
    current = next.originalError ?? next.cause;
  }
  return chain;
}

/** Finds the first error in a cause chain that is an author's input error (Eleventy wraps ours). */
export function findInputError(error: unknown): InputError | undefined {
  return causeChain(error).find(isInputError);
}

/** The 1-based line of the first front-matter line that sets `key`, if any. */
export function lineOfKey(source: string, key: string): number | undefined {
  const lines = source.split(/\r?\n/);
  const pattern = new RegExp(`^${key}\\s*:`);
  const index = lines.findIndex((line) => pattern.test(line));
  return index >= 0 ? index + 1 : undefined;
}

/**
 * The file line a YAML syntax error points at. `yamlText` starts on file line `firstLine`. A quote left
 * open is only noticed at the end of the text, so for that the line where the quote opened is given.
 */
export function yamlErrorLine(
  yamlText: string,
  error: { reason?: string; mark?: { line: number } },
  firstLine: number,
): number | undefined {
  const quote = /within a (double|single) quoted scalar/.exec(error.reason ?? "")?.[1];
  if (quote) {
    const mark = quote === "double" ? '"' : "'";
    const lines = yamlText.split(/\r?\n/);
    const open = lines.findIndex((line) => line.replace(/\\./g, "").split(mark).length % 2 === 0);
    if (open >= 0) return open + firstLine;
  }
  return error.mark ? error.mark.line + firstLine : undefined;
}

/** The 1-based line of a file that holds every one of `texts` (a tag and its argument, an image reference), if any. */
export function lineContaining(file: string, ...texts: string[]): number | undefined {
  try {
    const index = readFileSync(file, "utf8")
      .split(/\r?\n/)
      .findIndex((line) => texts.every((text) => line.includes(text)));
    return index >= 0 ? index + 1 : undefined;
  } catch {
    return undefined;
  }
}
