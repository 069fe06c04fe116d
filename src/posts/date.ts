import { DateTime, IANAZone } from "luxon";
import { isYamlTimestamp } from "./front-matter.ts";
import { rubyDateParse, type DateFields } from "./ruby-date-parse.ts";
import { zoneAbbreviation } from "./zone-abbreviation.ts";

export type DateParse = { ok: true; date: DateTime } | { ok: false };

/**
 * A front-matter `date` as Jekyll reads it, in the site timezone. Quoting matters, as in Ruby's YAML:
 * an unquoted time without an offset is UTC; a quoted one, or a bare date, is local to the site.
 */
export function parseFrontMatterDate(value: unknown, zone: string, now: DateTime = DateTime.now()): DateParse {
  if (isYamlTimestamp(value)) return parseYamlTimestamp(value.yamlTimestamp, zone, now);
  if (value instanceof Date) return valid(DateTime.fromJSDate(value).setZone(zone));
  // Jekyll parses `value.to_s`: an unquoted `20200221` is a YAML integer that still reads as a date.
  if (typeof value === "number") return parseRubyTime(String(value), zone, now);
  if (typeof value !== "string") return { ok: false };
  return parseRubyTime(value, zone, now);
}

/** The date part of a post's file name (`2017-2-5`), local midnight in the site timezone. */
export function parseFileNameDate(text: string, zone: string): DateParse {
  return parseRubyTime(text, zone);
}

// Psych's ScalarScanner#parse_time: no offset means UTC, `-4`, `-0400` and `-04:00` are offsets, and Time#to_s
// (which Jekyll parses again) drops fractions of a second. A time Ruby's Time.utc refuses stays a string, and a
// bare date is a Date: both read as Time.parse reads the text.
function parseYamlTimestamp(text: string, zone: string, now: DateTime): DateParse {
  const match =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d\d):(\d\d)(?:\.\d*)?\s*(Z|[-+]\d{1,2}:?(?:\d\d)?)?)?$/.exec(
      text.trim(),
    );
  if (!match || match[4] === undefined) return parseRubyTime(text, zone, now);
  const [, y, mo, d, h, mi, s, offset] = match;
  const wall = { year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: +s, millisecond: 0 };
  const [, hours = "0", minutes = "0"] = /^([-+]?\d{1,2}):?(\d{1,2})?$/.exec(offset ?? "") ?? [];
  const offsetSeconds = (Number(hours) * 60 + (hours.startsWith("-") ? -1 : 1) * Number(minutes)) * 60;
  if (!timeArgumentsValid(wall) || Math.abs(offsetSeconds) >= 86400) return parseRubyTime(text, zone, now);
  return valid(wallClockAt(wall, offsetSeconds).setZone(zone));
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

/**
 * Ruby's `Time.parse(text, now).localtime` with TZ set to the site's zone, as Jekyll's Utils.parse_date calls it:
 * the fields `Date._parse` finds, the missing leading ones taken from `now`, a zone Time knows as an offset (an
 * unknown one means local time), days past the month's end rolling over as Time.local rolls them.
 */
export function parseRubyTime(input: string, zone: string, now: DateTime = DateTime.now()): DateParse {
  const fields = rubyDateParse(input);
  const time = fields && makeTime(fields, zone, now);
  return time ? valid(time.instant.setZone(zone)) : { ok: false };
}

interface MadeTime {
  instant: DateTime;
  /** The offset the time was made in (its day of the year is counted there); undefined for the site's zone. */
  offset: number | undefined;
}

// Time.make_time (lib/time.rb), step for step.
function makeTime(fields: DateFields, siteZone: string, now: DateTime): MadeTime | undefined {
  const { year: givenYear, yday, mon: givenMon, mday, hour, min, sec, secFraction, zone } = fields;
  if ([givenYear, yday, givenMon, mday, hour, min, sec, secFraction].every((field) => field === undefined)) {
    return undefined;
  }
  const offYear = givenYear ?? now.setZone(siteZone).year;
  let offset = zone === undefined ? undefined : zoneOffset(zone, offYear, siteZone);
  // `now` is moved to that offset first, and Time refuses offsets of a day or more.
  if (offset !== undefined && Math.abs(offset) >= 86_400) return undefined;

  if (yday !== undefined) {
    if (yday < 1 || yday > 366) return undefined;
    let mon = Math.floor((yday - 1) / 31) + 1;
    let day = ((yday - 1) % 31) + 1;
    const first = makeTime({ ...fields, yday: undefined, mon, mday: day }, siteZone, now);
    if (!first) return undefined;
    const diff = yday - dayOfYear(first, siteZone);
    if (diff === 0) return first;
    day += diff;
    const length = monthDays(offYear, mon);
    if (day > 28 && length !== undefined && day > length) {
      mon += 1;
      if (mon > 12) return undefined;
      day -= length;
    }
    return makeTime({ ...fields, yday: undefined, mon, mday: day }, siteZone, now);
  }

  const nowThere = offset === undefined ? now.setZone(siteZone) : now.toUTC().plus({ seconds: offset }).setZone("UTC");
  const wall = { year: givenYear, month: givenMon, day: mday, hour, minute: min, second: sec };
  let millisecond = secFraction === undefined ? undefined : Number(secFraction.padEnd(3, "0").slice(0, 3));
  // Fields before the first one given come from now; the rest default to the start of their range.
  const order = ["year", "month", "day", "hour", "minute", "second"] as const;
  const firstGiven = order.findIndex((key) => wall[key] !== undefined);
  for (const key of firstGiven < 0 ? order : order.slice(0, firstGiven)) wall[key] = nowThere[key];
  if (firstGiven < 0 && millisecond === undefined) millisecond = nowThere.millisecond;
  const full: WallClock = {
    year: wall.year ?? 1970,
    month: wall.month ?? 1,
    day: wall.day ?? 1,
    hour: wall.hour ?? 0,
    minute: wall.minute ?? 0,
    second: wall.second ?? 0,
    millisecond: millisecond ?? 0,
  };
  if (full.year !== offYear) offset = zone === undefined ? undefined : zoneOffset(zone, full.year, siteZone);
  if (offset !== undefined && Math.abs(offset) >= 86_400) return undefined;

  if (offset === undefined) {
    return timeArgumentsValid(full) ? { instant: localWallClock(full, siteZone), offset } : undefined;
  }
  const utc = applyOffset(full, offset);
  return timeArgumentsValid(utc) ? { instant: wallClockAt(utc, 0), offset } : undefined;
}

function dayOfYear(time: MadeTime, siteZone: string): number {
  const { instant, offset } = time;
  return (offset === undefined ? instant.setZone(siteZone) : instant.toUTC().plus({ seconds: offset })).ordinal;
}

// Time.utc and Time.local refuse these, but roll a 31st of a shorter month, 24:00 and a 60th second over.
function timeArgumentsValid(wall: WallClock): boolean {
  const { month, day, hour, minute, second } = wall;
  const lastMinute = hour === 24 ? 0 : 59;
  const lastSecond = hour === 24 ? 0 : 60;
  return (
    Number.isInteger(wall.year) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31 &&
    hour >= 0 &&
    hour <= 24 &&
    minute >= 0 &&
    minute <= lastMinute &&
    second >= 0 &&
    second <= lastSecond
  );
}

// Ruby's Integer#divmod: the quotient rounds down, the remainder takes the divisor's sign.
function divmod(a: number, b: number): [number, number] {
  const quotient = Math.floor(a / b);
  return [quotient, a - quotient * b];
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Time.month_days, Ruby array indexing included: month 0 reads December, month 13 reads nothing.
function monthDays(year: number, month: number): number | undefined {
  const index = month - 1 < 0 ? month - 1 + 12 : month - 1;
  if (index < 0 || index > 11) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return index === 1 && leap ? 29 : MONTH_DAYS[index];
}

/** Time.apply_offset: the wall clock at `offsetSeconds` as UTC, carrying into the day but no further than one month. */
function applyOffset(wall: WallClock, offsetSeconds: number): WallClock {
  let { year, month, day, hour, minute, second } = wall;
  if (offsetSeconds === 0) return wall;
  // Going back to UTC: a negative offset adds, a positive one subtracts.
  const sign = offsetSeconds < 0 ? 1 : -1;
  // Each unit of the offset moves its field; only a field that moved carries its overflow into the next.
  const shift = (value: number, part: number, size: number) =>
    part === 0 ? [0, value] : divmod(value + sign * part, size);
  let off = Math.abs(offsetSeconds);
  let part: number;
  let carry: number;
  [off, part] = divmod(off, 60);
  [carry, second] = shift(second, part, 60);
  off += sign * carry;
  [off, part] = divmod(off, 60);
  [carry, minute] = shift(minute, part, 60);
  off += sign * carry;
  [off, part] = divmod(off, 24);
  [carry, hour] = shift(hour, part, 24);
  off += sign * carry;
  if (off !== 0) {
    day += sign * off;
    if (sign > 0) {
      const days = monthDays(year, month);
      if (days !== undefined && days < day) {
        month += 1;
        if (month > 12) [month, year] = [1, year + 1];
        day = 1;
      }
    } else if (day < 1) {
      month -= 1;
      if (month < 1) [year, month] = [year - 1, 12];
      day = monthDays(year, month) ?? 1;
    }
  }
  return { ...wall, year, month, day, hour, minute, second };
}

// Time::ZoneOffset: the zone names Ruby's Time knows whatever the local zone.
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
    if (localZoneNames(siteZone, local).includes(zone)) return local.offset * 60;
  }
  return undefined;
}

// What Time#zone says: the tz database's abbreviation, or where its files are missing, Intl's English names.
function localZoneNames(siteZone: string, local: DateTime): string[] {
  const abbreviation = zoneAbbreviation(siteZone, local);
  if (abbreviation !== undefined) return [abbreviation.toUpperCase()];
  return ["en-US", "en-GB"]
    .map((locale) => local.toFormat("ZZZZ", { locale }).toUpperCase())
    .filter((name) => !name.startsWith("GMT+") && !name.startsWith("GMT-"));
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

// Time.local: a wall clock that happens twice (clocks going back) is the later instant, one that never happens
// (clocks going forward) reads with the offset from before the change.
function localWallClock(wall: WallClock, zone: string): DateTime {
  const asUtc = wallClockAt(wall, 0).toMillis();
  const iana = IANAZone.create(zone);
  const day = 86_400_000;
  const offsets = [iana.offset(asUtc - day), iana.offset(asUtc), iana.offset(asUtc + day)];
  const instants = offsets
    .map((offset) => asUtc - offset * 60_000)
    .filter((at) => asUtc - at === iana.offset(at) * 60_000);
  return DateTime.fromMillis(instants.length ? Math.max(...instants) : asUtc - offsets[0] * 60_000, { zone });
}

function valid(date: DateTime): DateParse {
  return date.isValid ? { ok: true, date } : { ok: false };
}
