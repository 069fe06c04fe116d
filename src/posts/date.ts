import { DateTime } from "luxon";
import { isYamlTimestamp } from "./front-matter.ts";

export type DateParse = { ok: true; date: DateTime } | { ok: false };

/**
 * A front-matter `date` as Jekyll reads it, in the site timezone. Quoting matters, as in Ruby's YAML:
 * an unquoted time without an offset is UTC; a quoted one, or a bare date, is local to the site.
 */
export function parseFrontMatterDate(value: unknown, zone: string): DateParse {
  if (isYamlTimestamp(value)) return parseYamlTimestamp(value.yamlTimestamp, zone);
  if (value instanceof Date) return valid(DateTime.fromJSDate(value).setZone(zone));
  // Jekyll parses `value.to_s`: an unquoted `20200221` is a YAML integer that still reads as a date.
  if (typeof value === "number") return parseRubyTime(String(value), zone);
  if (typeof value !== "string") return { ok: false };
  return parseRubyTime(value, zone);
}

/** The date part of a post's file name (`2017-2-5`), local midnight in the site timezone. */
export function parseFileNameDate(text: string, zone: string): DateParse {
  return parseRubyTime(text, zone);
}

// Psych's ScalarScanner#parse_time: no offset means UTC, `-4`, `-0400` and `-04:00` are offsets, and
// Time#to_s (which Jekyll parses again) drops fractions of a second. A bare date is a Date: local midnight.
function parseYamlTimestamp(text: string, zone: string): DateParse {
  const match =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d\d):(\d\d)(?:\.\d*)?\s*(Z|[-+]\d{1,2}:?(?:\d\d)?)?)?$/.exec(
      text.trim(),
    );
  if (!match) return { ok: false };
  const [, y, mo, d, h, mi, s, offset] = match;
  if (h === undefined) return parseRubyTime(`${y}-${mo}-${d}`, zone);
  const [, hours = "0", minutes = "0"] = /^([-+]?\d{1,2}):?(\d{1,2})?$/.exec(offset ?? "") ?? [];
  const offsetSeconds = (Math.abs(Number(hours)) * 3600 + Number(minutes) * 60) * (hours.startsWith("-") ? -1 : 1);
  return valid(
    wallClockAt(
      { year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: +s, millisecond: 0 },
      offsetSeconds,
    ).setZone(zone),
  );
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";

// The date forms of Ruby's Date._parse that people put in front matter, each giving year, month, day.
const DATE_FORMS: { pattern: RegExp; parts: (m: RegExpExecArray) => [number, number, number] }[] = [
  { pattern: /(\d{4})-(\d{1,2})-(\d{1,2})/, parts: (m) => [+m[1], +m[2], +m[3]] },
  { pattern: /(\d{4})\/(\d{1,2})\/(\d{1,2})/, parts: (m) => [+m[1], +m[2], +m[3]] },
  { pattern: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/, parts: (m) => [+m[3], +m[2], +m[1]] },
  {
    pattern: new RegExp(`\\b${DAY}\\s+${MONTH},?\\s+(\\d{4})\\b`, "i"),
    parts: (m) => [+m[3], monthNumber(m[2]), +m[1]],
  },
  {
    pattern: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+(\\d{4})\\b`, "i"),
    parts: (m) => [+m[3], monthNumber(m[1]), +m[2]],
  },
  { pattern: /^(\d{4})(\d{2})(\d{2})(?=$|T)/, parts: (m) => [+m[1], +m[2], +m[3]] },
];

const TIME =
  /(?:^|[\sT])(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d+))?)?(?:\s*([ap])\.?m\.?\b)?|(?:^|\s)(\d{1,2})\s*([ap])\.?m\.?\b|^T(\d{2})(\d{2})(\d{2})?/i;
const ZONE = /^\s*(Z\b|[A-Za-z]{1,5}\b|[+-]\d{1,2}(?::?\d{2}){0,2}\b)/;

/**
 * Ruby's `Time.parse(text).localtime` with TZ set to the site's zone, as Jekyll's Utils.parse_date calls
 * it: lenient about the form, an unknown or missing zone means local time, out-of-range days roll over.
 */
export function parseRubyTime(input: string, zone: string): DateParse {
  const text = input.replace(/\([^)]*\)/g, " ").trim();
  for (const form of DATE_FORMS) {
    const dateMatch = form.pattern.exec(text);
    if (!dateMatch) continue;
    const [year, month, day] = form.parts(dateMatch);
    const rest = text.slice(dateMatch.index + dateMatch[0].length);
    const clock = readTime(rest);
    if (!clock || month < 1 || month > 12 || day < 1 || day > 31) return { ok: false };
    const wall: WallClock = { year, month, day, ...clock.time };
    const offset = clock.zone === undefined ? undefined : zoneOffset(clock.zone, year, zone);
    const date = offset === undefined ? localWallClock(wall, zone) : wallClockAt(wall, offset);
    return valid(date.setZone(zone));
  }
  return { ok: false };
}

function readTime(rest: string): { time: Omit<WallClock, "year" | "month" | "day">; zone?: string } | undefined {
  const match = TIME.exec(rest);
  if (!match) {
    const zone = ZONE.exec(rest)?.[1];
    return {
      time: { hour: 0, minute: 0, second: 0, millisecond: 0 },
      zone: zone && isZoneLike(zone) ? zone : undefined,
    };
  }
  const [, h1, mi, s, frac, meridian1, h2, meridian2, h3, mi3, s3] = match;
  let hour = Number(h1 ?? h2 ?? h3);
  const minute = Number(mi ?? mi3 ?? 0);
  const second = Number(s ?? s3 ?? 0);
  const meridian = (meridian1 ?? meridian2)?.toLowerCase();
  if (meridian) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridian === "p" ? 12 : 0);
  }
  if (hour > 24 || minute > 59 || second > 60 || (hour === 24 && (minute > 0 || second > 0))) return undefined;
  const millisecond = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const zone = ZONE.exec(rest.slice(match.index + match[0].length))?.[1];
  return { time: { hour, minute, second, millisecond }, zone };
}

// A bare word after a date is only a zone when it could be one (not `at`, `pm`...): letters are judged by zoneOffset.
function isZoneLike(word: string): boolean {
  return /^(Z|[A-Z]{1,5}|[+-]\d.*)$/i.test(word);
}

const ZONE_HOURS: Record<string, number> = {
  UTC: 0,
  Z: 0,
  UT: 0,
  GMT: 0,
  EST: -5,
  EDT: -4,
  CST: -6,
  CDT: -5,
  MST: -7,
  MDT: -6,
  PST: -8,
  PDT: -7,
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  I: 9,
  K: 10,
  L: 11,
  M: 12,
  N: -1,
  O: -2,
  P: -3,
  Q: -4,
  R: -5,
  S: -6,
  T: -7,
  U: -8,
  V: -9,
  W: -10,
  X: -11,
  Y: -12,
};

/** Ruby's Time.zone_offset in seconds: `+HH:MM[:SS]`, `+HHMM`, `+HH`, RFC 822 names, the local zone's names. */
function zoneOffset(name: string, year: number, siteZone: string): number | undefined {
  const zone = name.toUpperCase();
  const full = /^([+-])(\d\d)(:?)(\d\d)(?:\3(\d\d))?$/.exec(zone);
  if (full) return (full[1] === "-" ? -1 : 1) * ((Number(full[2]) * 60 + Number(full[4])) * 60 + Number(full[5] ?? 0));
  if (/^[+-]\d\d$/.test(zone)) return Number(zone) * 3600;
  if (zone in ZONE_HOURS) return ZONE_HOURS[zone] * 3600;
  for (const month of [1, 7]) {
    const local = DateTime.fromObject({ year, month, day: 1 }, { zone: siteZone });
    const names = ["en-US", "en-GB"].map((locale) => local.toFormat("ZZZZ", { locale }).toUpperCase());
    if (names.includes(zone)) return local.offset * 60;
  }
  return undefined;
}

// Ruby's Time.new rolls Feb 30 over to March and 24:00 to the next day; luxon refuses them.
function normalised(wall: WallClock): { base: WallClock; extra: { days: number; hours: number; seconds: number } } {
  return {
    base: { ...wall, day: 1, hour: 0, second: 0 },
    extra: { days: wall.day - 1, hours: wall.hour, seconds: wall.second },
  };
}

function wallClockAt(wall: WallClock, offsetSeconds: number): DateTime {
  const { base, extra } = normalised(wall);
  return DateTime.fromObject(base, { zone: "UTC" }).plus(extra).minus({ seconds: offsetSeconds });
}

function localWallClock(wall: WallClock, zone: string): DateTime {
  const { base, extra } = normalised(wall);
  const day = DateTime.fromObject({ year: base.year, month: base.month, day: 1 }, { zone: "UTC" }).plus({
    days: extra.days,
  });
  const hourOver = wall.hour === 24 ? 1 : 0;
  return DateTime.fromObject(
    {
      year: day.year,
      month: day.month,
      day: day.day,
      hour: wall.hour - 24 * hourOver,
      minute: wall.minute,
      second: Math.min(wall.second, 59),
      millisecond: wall.millisecond,
    },
    { zone },
  ).plus({ days: hourOver, seconds: wall.second === 60 ? 1 : 0 });
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function valid(date: DateTime): DateParse {
  return date.isValid ? { ok: true, date } : { ok: false };
}
