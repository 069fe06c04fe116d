// The reading time on every post page counts words in one pass over the HTML (src/site/text.ts); it must
// count what the plain text holds: tags, scripts, styles and comments out, every kind of space a separator.
import { describe, expect, it } from "vitest";
import { escapeXml, plainText, readingMinutes, wordCount } from "../../src/site/text.ts";

/** The definition: words of the page's plain text, as Jekyll's strip_html | number_of_words reads it. */
const reference = (html: string) => (plainText(html) === "" ? 0 : plainText(html).split(" ").length);

const PIECES = [
  "word",
  "é",
  "-",
  "<",
  ">",
  "<p>",
  "</p>",
  '<a href="x>y">',
  " ",
  "\n",
  "\t",
  "\u00a0",
  "\u2003",
  "\u3000",
  "\ufeff",
  "<!-- a b -->",
  "<script>var a = 1 < 2;</script>",
  "<style>p { }</style>",
  "<br/>",
];

/** A fixed pseudo-random sequence, so a failure can be replayed. */
function randomPages(count: number, seed = 7): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(next() * 40) }, () => PIECES[Math.floor(next() * PIECES.length)]).join(""),
  );
}

describe("word count for the reading time", () => {
  it("counts what the plain text holds, on hand-picked pages", () => {
    expect(wordCount("<p>Docker <em>versus</em> virtual machines</p>")).toBe(4);
    expect(wordCount("<p>one</p><p>two</p>")).toBe(1);
    expect(wordCount("<p>one</p>\n<p>two</p>")).toBe(2);
    expect(wordCount("a < b and c")).toBe(5);
    expect(wordCount("x<!-- hidden words -->y <script>let a = 1;</script>z")).toBe(2);
    expect(wordCount("non\u00a0breaking\u2003em\u3000ideographic")).toBe(4);
    expect(wordCount("")).toBe(0);
    expect(wordCount(undefined)).toBe(0);
  });

  it("agrees with the plain-text definition on 3,000 generated pages", () => {
    for (const page of randomPages(3000)) expect(wordCount(page), JSON.stringify(page)).toBe(reference(page));
  });

  it("turns words into minutes at 200 a minute, never below one", () => {
    expect(readingMinutes("")).toBe(1);
    expect(readingMinutes("word ".repeat(500))).toBe(3);
    expect(readingMinutes(`<p>${"word ".repeat(1000)}</p>`)).toBe(5);
  });
});

describe("escaping", () => {
  it("escapes the five XML specials, for text and attributes either way quoted", () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
    );
    expect(escapeXml(undefined)).toBe("");
  });

  it("leaves apostrophes as written in code, as Jekyll (kramdown, Rouge) does", () => {
    expect(escapeXml(`puts 'a' + "b" if x < 1 && y > 2`, { keepApostrophes: true })).toBe(
      "puts 'a' + &quot;b&quot; if x &lt; 1 &amp;&amp; y &gt; 2",
    );
  });
});
