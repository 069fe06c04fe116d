import { readFileSync } from "node:fs";
import { DateTime, IANAZone } from "luxon";

/**
 * The abbreviation the C library gives a zone at an instant (`CET`, `EDT`, `IST`, `+0530`), read from the tz
 * database's compiled file as Ruby's Time#zone reads it. Intl's short names are not these (`GMT+5:30` for some
 * years of India, `GMT+1` for Berlin in American English). Undefined when the file is not on this machine.
 */
export function zoneAbbreviation(zone: string, instant: DateTime): string | undefined {
  const table = tables.has(zone) ? tables.get(zone) : readTable(zone);
  tables.set(zone, table);
  if (!table) return undefined;
  const seconds = instant.toSeconds();
  const { transitions, types, footer } = table;
  if (transitions.length === 0 || seconds < transitions[0].at) return types[0]?.name;
  const last = transitions[transitions.length - 1];
  if (seconds >= last.at && footer) {
    const standardOffset = footer.standardOffset;
    const inDaylight =
      footer.daylight !== undefined && IANAZone.create(zone).offset(seconds * 1000) * 60 !== standardOffset;
    return inDaylight ? footer.daylight : footer.standard;
  }
  let low = 0;
  let high = transitions.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (transitions[middle].at <= seconds) low = middle;
    else high = middle - 1;
  }
  return types[transitions[low].type]?.name;
}

interface ZoneTable {
  transitions: { at: number; type: number }[];
  types: { name: string }[];
  footer?: { standard: string; standardOffset: number; daylight?: string };
}

const tables = new Map<string, ZoneTable | undefined>();

// TZif (RFC 8536): a 32-bit block, then the same data with 64-bit times, then a POSIX TZ string for later years.
function readTable(zone: string): ZoneTable | undefined {
  if (!/^[A-Za-z0-9_+-]+(?:\/[A-Za-z0-9_+-]+)*$/.test(zone)) return undefined;
  let file: Buffer;
  try {
    file = readFileSync(`/usr/share/zoneinfo/${zone}`);
  } catch {
    return undefined;
  }
  if (file.toString("latin1", 0, 4) !== "TZif" || file[4] < 0x32) return undefined;
  const counts = (at: number) => [0, 1, 2, 3, 4, 5].map((i) => file.readUInt32BE(at + 20 + i * 4));
  const [isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt] = counts(0);
  const skip = 44 + timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8 + isstdcnt + isutcnt;
  const [utc, std, leaps, times, typeCount, chars] = counts(skip);
  let at = skip + 44;
  const transitions = Array.from({ length: times }, (_, i) => ({
    at: Number(file.readBigInt64BE(at + i * 8)),
    type: file[at + times * 8 + i],
  }));
  at += times * 9;
  const names = file.toString("latin1", at + typeCount * 6, at + typeCount * 6 + chars);
  const types = Array.from({ length: typeCount }, (_, i) => {
    const index = file[at + i * 6 + 5];
    return { name: names.slice(index, names.indexOf("\0", index)) };
  });
  at += typeCount * 6 + chars + leaps * 12 + std + utc;
  return { transitions, types, footer: readFooter(file.toString("latin1", at).trim()) };
}

// `CET-1CEST,M3.5.0,M10.5.0/3` or `<+0530>-5:30`: the standard name and offset (west positive), the summer name.
function readFooter(tz: string): ZoneTable["footer"] {
  const match = /^(<[^>]*>|[A-Za-z]+)([-+]?)(\d+)(?::(\d+))?(?::(\d+))?(<[^>]*>|[A-Za-z]+)?/.exec(tz);
  if (!match) return undefined;
  const [, standard, sign, hours, minutes = "0", seconds = "0", daylight] = match;
  const west = (Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds)) * (sign === "-" ? -1 : 1);
  const bare = (name: string) => name.replace(/^<|>$/g, "");
  return { standard: bare(standard), standardOffset: -west, daylight: daylight && bare(daylight) };
}
