/**
 * kramdown's GFM heading ids (kramdown-parser-gfm `generate_gfm_header_id`): lower-case, drop every
 * character that is not a word character in Ruby's sense (`\p{Word}`: alphabetic, marks, decimal digits,
 * connector punctuation), `-`, space or tab, and turn each space and tab into `-` without collapsing runs.
 * Ruby's alphabetic includes letter numbers (`Ⅻ`) but not other numbers (`²`).
 */
export function gfmHeadingId(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- \t]/gu, "")
    .replace(/[ \t]/g, "-");
}
