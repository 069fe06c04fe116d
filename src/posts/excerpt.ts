// Liquid's block tags (Liquid 4 and Jekyll's `highlight`): a cut inside one gets its closing tag.
const BLOCK_TAGS = new Set([
  "capture",
  "case",
  "comment",
  "for",
  "if",
  "ifchanged",
  "raw",
  "tablerow",
  "unless",
  "highlight",
]);
const LIQUID_TAG = /{%-?\s*(\w+)\s*[\s\S]*?-?%}/g;
const LINK_DEFINITION = /^ {0,3}(\[[^\]]+\])(:.+)$/gm;

/** Markdown of the excerpt: everything before the separator, as Jekyll's Excerpt#extract_excerpt cuts it. */
export function excerptSource(body: string, separator: string): string {
  if (separator === "") return "";
  const cut = body.indexOf(separator);
  if (cut < 0 || cut + separator.length === body.length) return cut < 0 ? body : body.slice(0, cut);
  let head = body.slice(0, cut);
  const tail = body.slice(cut + separator.length);
  if (head.includes("{%")) head = closeLiquidBlocks(head);
  // Reference-style link definitions below the cut still apply to the links the excerpt uses. Jekyll joins
  // them with one line break, which kramdown reads as separate definitions; markdown-it would read a line
  // after a footnote definition as part of the footnote, hence a blank line between them.
  const definitions = [...tail.matchAll(LINK_DEFINITION)].filter((m) => head.includes(m[1])).map((m) => m[1] + m[2]);
  return definitions.length ? `${head}\n\n${definitions.join("\n\n")}` : head;
}

// Excerpt#sanctify_liquid_tags: for each block tag opened in the head (last first) whose `end` tag is not
// in the head at all, append the closing tag.
function closeLiquidBlocks(head: string): string {
  const names = [...head.matchAll(LIQUID_TAG)].map((m) => m[1]);
  let closed = head;
  for (const name of names.reverse()) {
    if (!BLOCK_TAGS.has(name)) continue;
    if (new RegExp(`{%-?\\s*end${name}[\\s\\S]*?\\s*-?%}`).test(closed)) continue;
    closed += `\n{% end${name} %}`;
  }
  return closed;
}
