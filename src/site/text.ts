const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML and XML, attributes included. */
export function escapeXml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
}

/** Text of an HTML fragment with tags removed and white space folded (Jekyll's strip_html | normalize_whitespace). */
export function plainText(html: unknown): string {
  return String(html ?? "")
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<!--[\s\S]*?-->/gi, "")
    .replace(/<[^>]*>/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const WORDS_PER_MINUTE = 200;

/** Minutes to read an HTML fragment, at least one. */
export function readingMinutes(html: unknown): number {
  const words = plainText(html).split(" ").filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
