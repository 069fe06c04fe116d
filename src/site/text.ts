const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escapes text for HTML and XML, attributes included. `keepApostrophes` leaves `'` as written, for code and the
 * attributes around it: Jekyll (kramdown, Rouge) writes `'` there unescaped, and post bodies must keep its bytes;
 * what is escaped that way may only go in element text or double-quoted attributes.
 */
export function escapeXml(value: unknown, { keepApostrophes = false }: { keepApostrophes?: boolean } = {}): string {
  return String(value ?? "").replace(keepApostrophes ? /[&<>"]/g : /[&<>"']/g, (c) => XML_ESCAPES[c]);
}

// Characters XML 1.0 does not allow anywhere, even escaped: C0 controls but tab and line breaks, the
// non-characters U+FFFE and U+FFFF, and halves of surrogate pairs standing alone.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without the characters an XML parser refuses (ESC, BEL, form feed... in a post's title or body). */
export function withoutNonXml(text: string): string {
  return text.replace(NOT_XML, "");
}

/** Text of an HTML fragment with tags removed and white space folded (Jekyll's strip_html | normalize_whitespace). */
export function plainText(html: unknown): string {
  return withoutTags(html).replace(/\s+/g, " ").trim();
}

function withoutTags(html: unknown): string {
  const text = withoutHidden(html);
  // A tag needs a `>` after its `<`: past the last `>` none can match, and `<[^>]*>` would otherwise scan
  // to the end from every `<` there (quadratic on `<<<<...`).
  const end = text.lastIndexOf(">") + 1;
  return text.slice(0, end).replace(/<[^>]*>/g, "") + text.slice(end);
}

// What hides text from readers, and what ends it.
const HIDDEN_START = /<script|<style|<!--/gi;
const HIDDEN_END: Record<string, RegExp> = { "<script": /<\/script>/gi, "<style": /<\/style>/gi, "<!--": /-->/g };

/**
 * The HTML without scripts, styles and comments, whose text no reader sees: what removing each
 * `<script ... </script>`, `<style ... </style>` and `<!-- ... -->` from left to right (lazily) gives, in one
 * pass. An opening with no end after it has none after any later one either, so it is looked for once.
 */
function withoutHidden(html: unknown): string {
  const text = String(html ?? "");
  // Most post bodies have none of them.
  if (!/<(?:script|style)|<!--/i.test(text)) return text;
  const start = new RegExp(HIDDEN_START);
  const unclosed = new Set<string>();
  let kept = "";
  let from = 0;
  for (let open = start.exec(text); open; open = start.exec(text)) {
    const kind = open[0].toLowerCase();
    if (unclosed.has(kind)) continue;
    const end = new RegExp(HIDDEN_END[kind]);
    end.lastIndex = open.index + open[0].length;
    const close = end.exec(text);
    if (!close) {
      unclosed.add(kind);
      if (unclosed.size === 3) break;
      continue;
    }
    kept += text.slice(from, open.index);
    from = close.index + close[0].length;
    start.lastIndex = from;
  }
  return kept + text.slice(from);
}

const WORDS_PER_MINUTE = 200;

/** Minutes to read an HTML fragment, at least one. */
export function readingMinutes(html: unknown): number {
  return Math.max(1, Math.round(wordCount(html) / WORDS_PER_MINUTE));
}

/**
 * The runs of non-space in an HTML fragment's text: what plainText(html).split(" ") counts, in one pass over
 * the page that skips each tag in place (`<` up to the next `>`, as withoutTags removes it), without building
 * the text. Every post page asks for it on every build.
 */
export function wordCount(html: unknown): number {
  const text = withoutHidden(html);
  const lastClose = text.lastIndexOf(">");
  let words = 0;
  let inWord = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    // Past the last `>`, a `<` starts no tag (and looking for its end each time would be quadratic).
    if (code === 60 /* < */ && at < lastClose) {
      at = text.indexOf(">", at + 1);
      continue;
    }
    if (isSpace(code)) inWord = false;
    else if (!inWord) {
      inWord = true;
      words += 1;
    }
  }
  return words;
}

/** JavaScript's `\s`: ASCII and Unicode spaces, line and paragraph separators, the byte-order mark. */
function isSpace(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  if (code < 0xa0) return false;
  if (code < 0x2000) return code === 0xa0 || code === 0x1680;
  return (
    code <= 0x200a ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
