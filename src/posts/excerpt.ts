/** Markdown of the excerpt: everything before the separator (Jekyll's Excerpt#extract_excerpt). */
export function excerptSource(body: string, separator: string): string {
  if (separator === "") return "";
  const cut = body.indexOf(separator);
  const head = cut >= 0 ? body.slice(0, cut) : body;
  // Reference-style link definitions below the cut still apply to links in the excerpt.
  const definitions = body.slice(head.length).match(/^ {0,3}\[[^\]]+\]:.+$/gm) ?? [];
  return definitions.length ? `${head}\n\n${definitions.join("\n")}` : head;
}
