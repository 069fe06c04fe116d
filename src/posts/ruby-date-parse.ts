/**
 * Ruby's `Date._parse(text, true)` (the date gem's date_parse.c, not the tight parser), which `Time.parse` and so
 * Jekyll read every date with: a fixed list of rules tried in order, each of which finds its form anywhere in the
 * text, takes its fields and blanks the text it used so that later rules do not see it again. Only the fields
 * `Time.parse` reads are kept (not the weekday or the ISO week).
 */
export interface DateFields {
  year?: number;
  mon?: number;
  mday?: number;
  yday?: number;
  hour?: number;
  min?: number;
  sec?: number;
  /** The digits after the decimal point of the seconds, as written (`"250"` for `.250`). */
  secFraction?: string;
  zone?: string;
}

interface Scan {
  text: string;
  fields: DateFields;
  /** Whether a year of at most two digits, written without a sign, means 1969-2068 (Ruby's `_comp`). */
  complete: boolean;
  bc: boolean;
}

/** Ruby refuses longer strings (in bytes) outright, so Time.parse raises and Jekyll stops. */
const LENGTH_LIMIT = 128;

const MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
const DAYS = "sun|mon|tue|wed|thu|fri|sat";
const ERA = "c(?:e|\\.e\\.)|b(?:ce|\\.c\\.e\\.)|a(?:d|\\.d\\.)|b(?:c|\\.c\\.)";
// Japanese era initials and the year before each era's first (Meiji, Taisho, Showa, Heisei, Reiwa).
const ERA_YEARS: Record<string, number> = { m: 1867, t: 1911, s: 1925, h: 1988, r: 2018 };

const re = (source: string, flags = "iu") => new RegExp(source, flags);

const RULES = {
  // Everything but letters, digits and `-+',./:@[]` is a space, each run of them one space.
  separators: /[^-+',./:@\p{Alphabetic}\p{Nd}[\]]+/gu,
  day: re(`\\b(${DAYS})[^-/\\d\\s]*`),
  time: re(
    "((?:\\d+\\s*:\\s*\\d+(?:\\s*:\\s*\\d+(?:[,.]\\d*)?)?|\\d+\\s*h(?:\\s*\\d+m?(?:\\s*\\d+s?)?)?)(?:\\s*[ap](?:m\\b|\\.m\\.))?|\\d+\\s*[ap](?:m\\b|\\.m\\.))" +
      "(?:\\s*((?:gmt|utc?)?[-+]\\d+(?:[,.:]\\d+(?::\\d+)?)?|[\\p{Alphabetic}.\\s]+(?:standard|daylight)\\stime\\b|\\p{Alphabetic}+(?:\\sdst)?\\b))?",
  ),
  clock: re("^(\\d+)h?(?:\\s*:?\\s*(\\d+)m?(?:\\s*:?\\s*(\\d+)(?:[,.](\\d+))?s?)?)?(?:\\s*([ap])(?:m\\b|\\.m\\.))?"),
  eu: re(`('?\\d+)[^-\\d\\s]*\\s*(${MONTHS})[^-\\d\\s']*(?:\\s*(${ERA})?\\s*('?-?\\d+(?:(?:st|nd|rd|th)\\b)?))?`),
  us: re(`\\b(${MONTHS})[^-\\d\\s']*\\s*('?\\d+)[^-\\d\\s']*(?:\\s*,?\\s*(${ERA})?\\s*('?-?\\d+))?`),
  iso: re("('?[-+]?\\d+)-(\\d+)-('?-?\\d+)", "u"),
  isoWeek: re("\\b(\\d{2}|\\d{4})?-?w(\\d{2})(?:-?(\\d))?\\b"),
  isoWeekDay: re("-w-(\\d)\\b"),
  isoMonthDay: re("--(\\d{2})?-(\\d{2})\\b", "u"),
  isoMonth: re("--(\\d{2})(\\d{2})?\\b", "u"),
  isoOrdinalAfterPoint: re("[,.](\\d{2}|\\d{4})-\\d{3}\\b", "u"),
  isoOrdinal: re("\\b(\\d{2}|\\d{4})-(\\d{3})\\b", "u"),
  isoYearDayAfterDigit: re("\\d-\\d{3}\\b", "u"),
  isoYearDay: re("\\b-(\\d{3})\\b", "u"),
  jis: re("\\b([mtshr])(\\d+)\\.(\\d+)\\.(\\d+)"),
  vmsDayFirst: re(`('?-?\\d+)-(${MONTHS})[^-/.]*-('?-?\\d+)`),
  vmsMonthFirst: re(`\\b(${MONTHS})[^-/.]*-('?-?\\d+)(?:-('?-?\\d+))?`),
  slash: re("('?-?\\d+)/\\s*('?\\d+)(?:\\D\\s*('?-?\\d+))?"),
  dot: re("('?-?\\d+)\\.\\s*('?\\d+)\\.\\s*('?-?\\d+)"),
  year: re("'(\\d+)\\b", "u"),
  mon: re(`\\b(${MONTHS})\\S*`),
  mday: re("(\\d+)(st|nd|rd|th)\\b"),
  digits: re(
    "([-+]?)(\\d{2,14})(?:\\s*t?\\s*(\\d{2,6})?(?:[,.](\\d*))?)?(?:\\s*(z\\b|[-+]\\d{1,4}\\b|\\[[-+]?\\d[^\\]]*\\]))?",
  ),
  bc: re("\\b(bc\\b|bce\\b|b\\.c\\.|b\\.c\\.e\\.)"),
  fragment: re("^\\s*(\\d{1,2})\\s*$"),
};

/** The fields Ruby's `Date._parse(text)` finds, or undefined where it raises. */
export function rubyDateParse(input: string): DateFields | undefined {
  if (Buffer.byteLength(input, "utf8") > LENGTH_LIMIT) return undefined;
  const scan: Scan = { text: input.replace(RULES.separators, " "), fields: {}, complete: true, bc: false };
  const has = (...kinds: (keyof typeof KINDS)[]) => kinds.every((kind) => KINDS[kind].test(scan.text));

  if (has("alpha")) cut(scan, RULES.day, () => {});
  if (has("digit")) cut(scan, RULES.time, (m) => readTime(scan, m));
  void (
    (has("alpha", "digit") &&
      (cut(scan, RULES.eu, (m) => threeParts(scan, m[4], monthOf(m[2]), m[1], isBc(m[3]))) ||
        cut(scan, RULES.us, (m) => threeParts(scan, m[4], monthOf(m[1]), m[2], isBc(m[3]))))) ||
    (has("digit", "dash") && cut(scan, RULES.iso, (m) => threeParts(scan, m[1], m[2], m[3], false))) ||
    (has("digit", "dot") && cut(scan, RULES.jis, (m) => readJapanese(scan, m))) ||
    (has("alpha", "digit", "dash") &&
      (cut(scan, RULES.vmsDayFirst, (m) => threeParts(scan, m[3], monthOf(m[2]), m[1], false)) ||
        cut(scan, RULES.vmsMonthFirst, (m) => threeParts(scan, m[3], monthOf(m[1]), m[2], false)))) ||
    (has("digit", "slash") && cut(scan, RULES.slash, (m) => threeParts(scan, m[1], m[2], m[3], false))) ||
    (has("digit", "dot") && cut(scan, RULES.dot, (m) => threeParts(scan, m[1], m[2], m[3], false))) ||
    (has("digit") && readIsoParts(scan)) ||
    (has("digit") && cut(scan, RULES.year, (m) => (scan.fields.year = Number(m[1])))) ||
    (has("alpha") && cut(scan, RULES.mon, (m) => (scan.fields.mon = monthNumber(m[1])))) ||
    (has("digit") && cut(scan, RULES.mday, (m) => (scan.fields.mday = Number(m[1])))) ||
    (has("digit") && cut(scan, RULES.digits, (m) => readDigits(scan, m)))
  );
  if (has("alpha")) cut(scan, RULES.bc, () => (scan.bc = true));
  if (has("digit")) cut(scan, RULES.fragment, (m) => readFragment(scan, Number(m[1])));

  const { fields } = scan;
  if (scan.bc && fields.year !== undefined) fields.year = -fields.year + 1;
  if (scan.complete && fields.year !== undefined && fields.year >= 0 && fields.year <= 99) {
    fields.year += fields.year >= 69 ? 1900 : 2000;
  }
  return fields;
}

// Ruby looks for a form only when the text still holds the kinds of character it needs (ASCII only).
const KINDS = { alpha: /[A-Za-z]/, digit: /\d/, dash: /-/, dot: /\./, slash: /\// };

/** Runs one rule: on a match, the matched text becomes one space and `found` reads the match. */
function cut(scan: Scan, pattern: RegExp, found: (match: RegExpExecArray) => void): boolean {
  const match = pattern.exec(scan.text);
  if (!match) return false;
  scan.text = scan.text.slice(0, match.index) + " " + scan.text.slice(match.index + match[0].length);
  found(match);
  return true;
}

function readTime(scan: Scan, match: RegExpExecArray): void {
  if (match[2] !== undefined) scan.fields.zone = match[2];
  const clock = RULES.clock.exec(match[1]);
  if (!clock) return;
  const [, hour, min, sec, fraction, meridian] = clock;
  scan.fields.hour = meridian ? (Number(hour) % 12) + (/p/i.test(meridian) ? 12 : 0) : Number(hour);
  if (min !== undefined) scan.fields.min = Number(min);
  if (sec !== undefined) scan.fields.sec = Number(sec);
  if (fraction !== undefined) scan.fields.secFraction = fraction;
}

function readJapanese(scan: Scan, match: RegExpExecArray): void {
  scan.fields.year = Number(match[2]) + ERA_YEARS[match[1].toLowerCase()];
  scan.fields.mon = Number(match[3]);
  scan.fields.mday = Number(match[4]);
}

// ISO 8601 week dates, `--MM-DD`, `--MMDD`, ordinal dates `YYYY-DDD` and `-DDD`; Time.parse uses only some.
function readIsoParts(scan: Scan): boolean {
  const { fields } = scan;
  return (
    cut(scan, RULES.isoWeek, () => {}) ||
    cut(scan, RULES.isoWeekDay, () => {}) ||
    cut(scan, RULES.isoMonthDay, (m) => {
      if (m[1] !== undefined) fields.mon = Number(m[1]);
      fields.mday = Number(m[2]);
    }) ||
    cut(scan, RULES.isoMonth, (m) => {
      fields.mon = Number(m[1]);
      if (m[2] !== undefined) fields.mday = Number(m[2]);
    }) ||
    (!RULES.isoOrdinalAfterPoint.test(scan.text) &&
      cut(scan, RULES.isoOrdinal, (m) => {
        fields.year = Number(m[1]);
        fields.yday = Number(m[2]);
      })) ||
    (!RULES.isoYearDayAfterDigit.test(scan.text) && cut(scan, RULES.isoYearDay, (m) => (fields.yday = Number(m[1]))))
  );
}

/**
 * Year, month and day from a form that does not say which is which for sure (date_parse.c's s3e): a part of more
 * than two digits, or one written with an apostrophe (`'17`), is the year, and the others move round it.
 */
function threeParts(
  scan: Scan,
  yearText: string | undefined,
  monthText: string,
  dayText: string | undefined,
  bc: boolean,
): void {
  let [y, m, d] = [yearText, monthText as string | undefined, dayText];
  if (y !== undefined && m !== undefined && d === undefined) [y, m, d] = [undefined, y, m];
  if (y === undefined) {
    if (d !== undefined && d.length > 2) [y, d] = [d, undefined];
    if (d !== undefined && d.startsWith("'")) [y, d] = [d, undefined];
  }
  if (y !== undefined) {
    const number = /[-+\d]/.exec(y);
    if (number) {
      const [signed] = /^[-+]?\d*/.exec(y.slice(number.index)) ?? [""];
      if (number.index + signed.length < y.length) [y, d] = [d, signed];
    }
  }
  if (m !== undefined && (m.startsWith("'") || m.length > 2)) [y, m, d] = [m, d, y];
  if (d !== undefined && (d.startsWith("'") || d.length > 2)) [y, d] = [d, y];

  const { fields } = scan;
  const yearAt = y === undefined ? -1 : y.search(/[-+\d]/);
  if (y !== undefined && yearAt >= 0) {
    const [, sign, digits] = /^([-+]?)(\d*)/.exec(y.slice(yearAt)) ?? ["", "", ""];
    if (sign || digits.length > 2) scan.complete = false;
    fields.year = Number(sign + digits) || 0;
  }
  if (bc) scan.bc = true;
  const month = m === undefined ? undefined : /\d+/.exec(m);
  if (month) fields.mon = Number(month[0]);
  const day = d === undefined ? undefined : /\d+/.exec(d);
  if (day) fields.mday = Number(day[0]);
}

// A run of 2 to 14 digits, perhaps with a time and zone after it: its length says which fields it holds.
function readDigits(scan: Scan, match: RegExpExecArray): void {
  const [, sign, digits, clock, fraction, zone] = match;
  const { fields } = scan;
  const at = (from: number, width: number) => Number(digits.slice(from, from + width));
  const end = (fromEnd: number, width: number) => at(digits.length - fromEnd, width);
  const signed = (year: number) => (sign === "-" ? -year : year);
  const n = digits.length;
  if (clock === undefined && fraction !== undefined) {
    // Only digits and a fraction: a time read from the right (seconds, minutes, hours), then day, month, year.
    // Ruby reads nothing from 9, 11 or 13 digits.
    if (n < 9 || n % 2 === 0) {
      fields.sec = end(2, 2);
      if (n >= 3) fields.min = n === 3 ? end(3, 1) : end(4, 2);
      if (n >= 5) fields.hour = n === 5 ? end(5, 1) : end(6, 2);
      if (n >= 7) fields.mday = n === 7 ? end(7, 1) : end(8, 2);
      if (n >= 10) fields.mon = end(10, 2);
      if (n === 12) fields.year = signed(end(12, 2));
      if (n === 14) {
        fields.year = signed(end(14, 4));
        scan.complete = false;
      }
    }
  } else if (n === 2) fields.mday = at(0, 2);
  else if (n === 3) fields.yday = at(0, 3);
  else if (n === 4) [fields.mon, fields.mday] = [at(0, 2), at(2, 2)];
  else if (n === 5) [fields.year, fields.yday] = [signed(at(0, 2)), at(2, 3)];
  else if (n === 6) [fields.year, fields.mon, fields.mday] = [signed(at(0, 2)), at(2, 2), at(4, 2)];
  else if (n === 7) [fields.year, fields.yday] = [signed(at(0, 4)), at(4, 3)];
  else if (n % 2 === 0) {
    [fields.year, fields.mon, fields.mday] = [signed(at(0, 4)), at(4, 2), at(6, 2)];
    if (n >= 10) fields.hour = at(8, 2);
    if (n >= 12) fields.min = at(10, 2);
    if (n >= 14) fields.sec = at(12, 2);
    scan.complete = false;
  }
  if (clock !== undefined) readClockDigits(fields, clock, fraction !== undefined);
  if (fraction !== undefined) fields.secFraction = fraction;
  if (zone !== undefined) fields.zone = zone.startsWith("[") ? bracketZone(zone) : zone;
}

// The digits after a date's digits: `HHMMSS` from the left, or with a fraction after them `..MMSS` from the right.
function readClockDigits(fields: DateFields, clock: string, fromRight: boolean): void {
  const n = clock.length;
  if (n % 2 !== 0) return;
  const at = (from: number) => Number(clock.slice(from, from + 2));
  if (fromRight) {
    fields.sec = at(n - 2);
    if (n >= 4) fields.min = at(n - 4);
    if (n >= 6) fields.hour = at(n - 6);
  } else {
    fields.hour = at(0);
    if (n >= 4) fields.min = at(2);
    if (n >= 6) fields.sec = at(4);
  }
}

// `[-5:EST]` names the zone after the colon; `[-5]` is the offset itself.
function bracketZone(zone: string): string {
  const inside = zone.slice(1, -1);
  const colon = inside.indexOf(":");
  return colon < 0 ? inside : inside.slice(colon + 1);
}

// A lone number of one or two digits is the day when only a time was found, or the hour when only a day was.
function readFragment(scan: Scan, n: number): void {
  const { fields } = scan;
  if (fields.hour !== undefined && fields.mday === undefined && n >= 1 && n <= 31) fields.mday = n;
  if (fields.mday !== undefined && fields.hour === undefined && n >= 0 && n <= 24) fields.hour = n;
}

function monthOf(name: string): string {
  return String(monthNumber(name));
}

function monthNumber(name: string): number {
  return MONTHS.split("|").indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function isBc(era: string | undefined): boolean {
  return era !== undefined && /^b/i.test(era);
}
