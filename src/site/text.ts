const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML and XML, attributes included. */
export function escapeXml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** Text of an HTML fragment with tags removed and white space folded (Jekyll's strip_html | normalize_whitespace). */
export function plainText(html: unknown): string {
  return withoutTags(html).replace(/\s+/g, " ").trim();
}

const HIDDEN = /<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/gi;

function withoutTags(html: unknown): string {
  let text = String(html ?? "");
  // The three-way search is slow on long pages; most post bodies have none of them.
  if (/<(?:script|style)|<!--/i.test(text)) text = text.replace(HIDDEN, "");
  return text.replace(/<[^>]*>/g, "");
}

const WORDS_PER_MINUTE = 200;

/** Minutes to read an HTML fragment, at least one. */
export function readingMinutes(html: unknown): number {
  // Counts the runs of non-space in the text: what plainText(html).split(" ") gives, without building it.
  const text = withoutTags(html);
  let words = 0;
  for (const run = /\S+/g; run.exec(text); ) words += 1;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
