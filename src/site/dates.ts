import { DateTime } from "luxon";

// Templates format the same few dates thousands of times (every list of posts shows each one), and luxon's
// setZone and toFormat cost tens of microseconds each: both are memoized.
const zoned = new WeakMap<object, { zone: string; date: DateTime }>();
const formatted = new Map<string, string>();
const FORMATTED_LIMIT = 100_000;

function remember(key: string, make: () => string): string {
  let value = formatted.get(key);
  if (value === undefined) {
    if (formatted.size >= FORMATTED_LIMIT) formatted.clear();
    value = make();
    formatted.set(key, value);
  }
  return value;
}

/** Any date a template hands a filter (luxon, JS Date, ISO text, `now`), in the site timezone. */
export function toDateTime(value: unknown, zone: string): DateTime {
  if (DateTime.isDateTime(value) || value instanceof Date) {
    const known = zoned.get(value);
    // A Date can be changed in place: only trust the memo while it still names the same instant.
    if (known && known.zone === zone && known.date.toMillis() === +value) return known.date;
    const date = DateTime.isDateTime(value) ? value.setZone(zone) : DateTime.fromJSDate(value).setZone(zone);
    zoned.set(value, { zone, date });
    return date;
  }
  if (value === "now" || value === "today") return DateTime.now().setZone(zone);
  if (typeof value === "number") return DateTime.fromSeconds(value).setZone(zone);
  const text = String(value);
  const iso = DateTime.fromISO(text, { setZone: true });
  return (iso.isValid ? iso : DateTime.fromRFC2822(text, { setZone: true })).setZone(zone);
}

// Ruby strftime directives themes use, mapped to luxon tokens.
const DIRECTIVES: Record<string, string> = {
  Y: "yyyy",
  y: "yy",
  m: "MM",
  "-m": "L",
  d: "dd",
  "-d": "d",
  e: "d",
  H: "HH",
  "-H": "H",
  I: "hh",
  "-I": "h",
  M: "mm",
  S: "ss",
  L: "SSS",
  b: "LLL",
  h: "LLL",
  B: "LLLL",
  a: "ccc",
  A: "cccc",
  p: "a",
  j: "ooo",
  z: "ZZZ",
  Z: "ZZZZ",
  u: "E",
  V: "WW",
  G: "kkkk",
  F: "yyyy-MM-dd",
  T: "HH:mm:ss",
  D: "MM/dd/yy",
  R: "HH:mm",
  s: "X",
};

/** Ruby's `strftime`, the format language of Jekyll's `date` filter. */
export function strftime(date: DateTime, format: string): string {
  return remember(`${date.toMillis()}|${date.zoneName}|${format}`, () => rubyStrftime(date, format));
}

function rubyStrftime(date: DateTime, format: string): string {
  return format.replace(/%(-?[a-zA-Z%])/g, (match, directive: string) => {
    if (directive === "%") return "%";
    const token = DIRECTIVES[directive];
    return token ? date.toFormat(token, { locale: "en-US" }) : match;
  });
}

/** Jekyll's `date_to_xmlschema`: ISO 8601 with the offset, e.g. `2020-02-21T07:10:00-05:00`. */
export function xmlSchema(date: DateTime): string {
  return remember(`${date.toMillis()}|${date.zoneName}|xmlschema`, () => date.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"));
}
