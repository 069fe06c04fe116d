import { findInputError } from "../site/errors.ts";

/** One readable message for a failed build: an author's input error as it is, others as their chain of causes. */
export function describeFailure(error: unknown): string {
  const input = findInputError(error);
  if (input) return input.message;
  const messages: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    messages.push(current.message.trim());
    const next = current as { originalError?: unknown; cause?: unknown };
    current = next.originalError ?? next.cause;
  }
  return messages.length ? messages.join("\n  caused by: ") : String(error);
}
