// What `npm run build` prints when a build fails: what to change, in the author's terms, without
// Eleventy's stack traces or the staging folder's name.
import path from "node:path";
import { causeChain, findInputError } from "../site/errors.ts";
import { projectPath } from "../site/paths.ts";

export interface FailureContext {
  /** The folder the failed build was writing to (its paths are reported as site URLs). */
  staging?: string;
}

/** One readable message for a failed build. */
export function describeFailure(error: unknown, context: FailureContext = {}): string {
  const input = findInputError(error);
  if (input) return input.message;
  const chain = causeChain(error);
  const duplicate = chain.find((e) => e.name === "DuplicatePermalinkOutputError");
  if (duplicate) return describeDuplicate(duplicate.message, context) ?? duplicate.message.trim();
  if (!chain.length) return String(error);
  return chain.map((e) => withoutStaging(e.message.trim(), context)).join("\n  caused by: ");
}

// Eleventy: "Output conflict: multiple input files are writing to `OUT`. ...\n  1. ./posts/a.md\n  2. ./posts/b.md"
function describeDuplicate(message: string, context: FailureContext): string | undefined {
  const output = /writing to `([^`]+)`/.exec(message)?.[1];
  const files = [...message.matchAll(/^\s*\d+\.\s+(\S.*)$/gm)].map((m) => projectPath(m[1].trim()));
  if (!output || files.length < 2) return undefined;
  const where = siteUrl(output, context);
  const list = files.length === 2 ? `${files[0]} and ${files[1]}` : files.join(", ");
  return (
    `${list} both resolve to ${where}\n` +
    "  Fix: give one of them its own URL: change its `permalink`, `slug`, `title`, date or categories, or delete the copy."
  );
}

/** An output file as the URL readers see, e.g. `/2021/02/01/b.html` or `/about/`. */
function siteUrl(outputPath: string, context: FailureContext): string {
  if (!context.staging) return outputPath;
  const relative = path.relative(context.staging, path.resolve(outputPath)).split(path.sep).join("/");
  if (relative.startsWith("..")) return outputPath;
  return `/${relative}`.replace(/(^|\/)index\.html$/, "$1");
}

function withoutStaging(message: string, context: FailureContext): string {
  return context.staging ? message.replaceAll(context.staging, "_site") : message;
}
