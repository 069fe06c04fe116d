// kramdown's HTML vocabulary (kramdown/parser/html.rb, Constants): what a tag looks like, which elements are
// span-level, and how each element's content is read. Shared by the block and span HTML rules.

const words = (list: string) => new Set(list.split(" "));

// REXML's UNAME_STR: a name with an optional namespace prefix (`some:url`).
const NAME_START = "[\\p{L}_]";
const NAME_CHAR = "[-\\p{L}\\p{M}\\p{Nd}._\\u00B7]";
const NC_NAME = `${NAME_START}${NAME_CHAR}*`;
const U_NAME = `(?:${NC_NAME}:)?${NC_NAME}`;

/** HTML_TAG_RE: 1 the name, 2 the attributes, 4 the `/` of a self-closed tag. Sticky: it matches at `lastIndex`. */
export const START_TAG = new RegExp(
  `<(${U_NAME})\\s*((?:\\s+${U_NAME}(?:\\s*=\\s*(?:[\\p{L}\\p{M}\\p{Nd}\\p{Pc}]+|(["'])[^]*?\\3))?)*)\\s*(\\/)?>`,
  "uy",
);
/** HTML_TAG_CLOSE_RE, sticky. */
export const CLOSE_TAG = new RegExp(`</(${U_NAME})\\s*>`, "uy");
/** HTML_COMMENT_RE, sticky. */
export const COMMENT = /<!--[^]*?-->/y;
/** HTML_INSTRUCTION_RE, sticky. */
export const INSTRUCTION = /<\?[^]*?\?>/y;
/** Where raw HTML may hold markup (HTML_RAW_START): `<` and a name, `/`, `!--` or `?`. */
export const RAW_START = new RegExp(`<(?=${NAME_START}|/|!--|\\?)`, "gu");

/** The `markdown` attribute, which kramdown reads and never writes out. */
export const MARKDOWN_ATTRIBUTE =
  /\s+markdown(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([\p{L}\p{M}\p{Nd}\p{Pc}]+)))?(?=[\s/>]|$)/u;

export const SPAN_ELEMENTS = words(
  "a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var",
);
export const BLOCK_ELEMENTS = words(
  "address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul",
);
export const ELEMENTS_WITHOUT_BODY = words(
  "area base br col command embed hr img input keygen link meta param source track wbr",
);

export type ContentModel = "block" | "span" | "raw";
const BLOCK_MODEL = words(
  "address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td",
);
const SPAN_MODEL = words(
  "a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt",
);
const RAW_MODEL = words("script style math option textarea pre code kbd samp var");

/** HTML_CONTENT_MODEL: how kramdown reads an element's content when `markdown="1"` asks for Markdown. */
export function contentModelOf(name: string): ContentModel {
  if (BLOCK_MODEL.has(name)) return "block";
  if (SPAN_MODEL.has(name)) return "span";
  return "raw";
}

/** The content model `markdown="…"` asks for (HTML_MARKDOWN_ATTR_MAP), or undefined without one it knows. */
export function markdownAttributeModel(attributes: string, name: string): ContentModel | undefined {
  const found = MARKDOWN_ATTRIBUTE.exec(attributes);
  if (!found) return undefined;
  const value = found[1] ?? found[2] ?? found[3] ?? "";
  if (value === "0") return "raw";
  if (value === "1") return contentModelOf(name);
  if (value === "span" || value === "block") return value;
  return undefined;
}

// HTML_ELEMENT: names kramdown knows, whose case it ignores.
const KNOWN = new Set([
  ...SPAN_ELEMENTS,
  ...BLOCK_ELEMENTS,
  ...ELEMENTS_WITHOUT_BODY,
  ...BLOCK_MODEL,
  ...SPAN_MODEL,
  ...RAW_MODEL,
]);

export const isKnownElement = (name: string) => KNOWN.has(name);

/** A tag's name as kramdown keeps it: lower case when it is an HTML element, as written otherwise (`some:url`). */
export function elementName(written: string): string {
  const lower = written.toLowerCase();
  return KNOWN.has(lower) ? lower : written;
}

/** A start tag as kramdown writes it back: without its `markdown` attribute. */
export const withoutMarkdownAttribute = (tag: string) => tag.replace(MARKDOWN_ATTRIBUTE, "");

/** The sticky `pattern` matched at `at`, if it ends by `limit`. */
export function matchAt(pattern: RegExp, src: string, at: number, limit: number): RegExpExecArray | undefined {
  pattern.lastIndex = at;
  const found = pattern.exec(src);
  return found && found.index + found[0].length <= limit ? found : undefined;
}

let lastCommentEnd = { src: "", at: -1 };

/** A comment at `at` ending by `limit`; an unclosed `<!--` is not read to the end of the text each time. */
export function commentAt(src: string, at: number, limit: number): RegExpExecArray | undefined {
  if (lastCommentEnd.src !== src) lastCommentEnd = { src, at: src.lastIndexOf("-->") };
  return lastCommentEnd.at < at ? undefined : matchAt(COMMENT, src, at, limit);
}

/** Where `</name>` (any case, spaces before `>`) next starts at or after `from`, before `limit`. */
export function endTagAt(src: string, from: number, limit: number, name: string): RegExpExecArray | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`</${escaped}\\s*>`, KNOWN.has(name) ? "gi" : "g");
  pattern.lastIndex = from;
  const found = pattern.exec(src);
  return found && found.index + found[0].length <= limit ? found : undefined;
}
