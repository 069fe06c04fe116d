/**
 * kramdown's GFM heading ids (kramdown-parser-gfm `generate_gfm_header_id`): lower-case, drop every
 * character that is not a letter, mark, digit, connector, `-` or space, and turn each space into `-`
 * without collapsing runs.
 */
export function gfmHeadingId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- \t]/gu, "")
    .replace(/ /g, "-");
}
