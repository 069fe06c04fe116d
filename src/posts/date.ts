import { DateTime, FixedOffsetZone } from "luxon";
import { isYamlTimestamp } from "./front-matter.ts";

export type DateParse = { ok: true; date: DateTime } | { ok: false };

// What Ruby's Time.parse reads in practice in Jekyll posts: ISO-like dates, an optional time and zone.
const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$/;

// Other forms Time.parse accepts that people write by hand.
const LOOSE_FORMATS = ["MMMM d, yyyy", "MMM d, yyyy", "MMMM d yyyy", "MMM d yyyy", "d MMMM yyyy", "d MMM yyyy", "yyyy/MM/dd", "yyyy/M/d HH:mm", "yyyy/M/d HH:mm:ss", "MMMM d, yyyy HH:mm", "MMM d, yyyy HH:mm"];

/**
 * A front-matter `date` as Jekyll reads it, in the site timezone. Quoting matters, as in Ruby's YAML:
 * an unquoted time without an offset is UTC; a quoted one, or a bare date, is local to the site.
 */
export function parseFrontMatterDate(value: unknown, zone: string): DateParse {
  if (isYamlTimestamp(value)) {
    const text = value.yamlTimestamp;
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
    return parseDateText(text, dateOnly ? zone : "UTC", zone);
  }
  if (value instanceof Date) return valid(DateTime.fromJSDate(value).setZone(zone));
  if (typeof value === "number") return { ok: false };
  if (typeof value !== "string") return { ok: false };
  return parseDateText(value.trim(), zone, zone);
}

/** The date part of a post's file name (`2017-2-5`), local midnight in the site timezone. */
export function parseFileNameDate(text: string, zone: string): DateParse {
  return parseDateText(text, zone, zone);
}

function parseDateText(text: string, assumedZone: string, siteZone: string): DateParse {
  const match = ISO_LIKE.exec(text);
  if (match) {
    const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0", offset] = match;
    const zone = offset ? zoneOf(offset) : assumedZone;
    const date = DateTime.fromObject(
      { year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: +s, millisecond: Math.round(Number(`0.${frac}`) * 1000) },
      { zone },
    );
    return valid(date.setZone(siteZone));
  }
  for (const parse of [() => DateTime.fromRFC2822(text, { setZone: true }), () => DateTime.fromHTTP(text, { setZone: true })]) {
    const date = parse();
    if (date.isValid) return valid(date.setZone(siteZone));
  }
  for (const format of LOOSE_FORMATS) {
    const date = DateTime.fromFormat(text, format, { zone: assumedZone, locale: "en-US" });
    if (date.isValid) return valid(date.setZone(siteZone));
  }
  return { ok: false };
}

function zoneOf(offset: string): string | FixedOffsetZone {
  if (/^(Z|UTC|GMT)$/.test(offset)) return "UTC";
  const [, sign, hours, minutes = "0"] = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(offset) ?? [];
  const total = (Number(hours) * 60 + Number(minutes)) * (sign === "-" ? -1 : 1);
  return FixedOffsetZone.instance(total);
}

function valid(date: DateTime): DateParse {
  return date.isValid ? { ok: true, date } : { ok: false };
}
