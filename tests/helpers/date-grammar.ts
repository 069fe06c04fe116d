// Dates as people write them after `date:` in front matter, drawn from a small grammar with a seeded generator:
// the same seed gives the same strings on every run, so a failure names a string that can be tried again.

export interface DateSample {
  /** The text after `date: `, quotes included when the sample is quoted. */
  yaml: string;
  /** The site timezone the sample is read in. */
  zone: string;
}

type Random = () => number;

// mulberry32: small, fast and good enough to spread choices evenly.
function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZONES = ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "UTC", "Australia/Lord_Howe"];
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const ZONE_NAMES = [
  "Z",
  "UTC",
  "utc",
  "GMT",
  "UT",
  "EST",
  "EDT",
  "CST",
  "PDT",
  "CET",
  "CEST",
  "IST",
  "BST",
  "JST",
  "A",
  "M",
  "Y",
  "+0100",
  "-0400",
  "+05:30",
  "-04:00",
  "+5",
  "-4",
  "+01",
  "-03:30",
  "+0000",
  "-00:00",
  "-0000",
  "+14:00",
  "+0545",
  "GMT+2",
  "UTC-5",
  "Eastern Standard Time",
  "Central European Summer Time",
  "(EDT)",
  "EST DST",
];

function generator(random: Random) {
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const chance = (p: number) => random() < p;
  const pad = (n: number) => String(n).padStart(2, "0");
  const maybePad = (n: number) => (chance(0.5) ? pad(n) : String(n));
  const cased = (word: string) => pick([word, word.toLowerCase(), word.toUpperCase()]);

  // Mostly real values, now and then one just out of range (month 13, day 32, hour 25...).
  const year4 = () => (chance(0.05) ? int(1900, 1969) : int(1970, 2099));
  const year2 = () => pad(int(0, 99));
  const month = () => (chance(0.03) ? pick([0, 13]) : int(1, 12));
  const day = () => (chance(0.03) ? pick([0, 32]) : chance(0.2) ? int(28, 31) : int(1, 31));
  const year = () => (chance(0.75) ? String(year4()) : chance(0.8) ? year2() : `'${year2()}`);
  const monthName = (m: number) => {
    const full = MONTH_NAMES[(m + 11) % 12];
    const word = pick([full, full.slice(0, 3), full.slice(0, 3) + ".", full === "September" ? "Sept" : full]);
    return cased(word);
  };
  const ordinal = (d: number) => `${d}${pick(["st", "nd", "rd", "th"])}`;
  const dayWord = (d: number) => (chance(0.2) ? ordinal(d) : String(d));
  const weekday = () => {
    const name = pick(DAY_NAMES);
    return cased(chance(0.5) ? name : name.slice(0, 3)) + pick([", ", " ", "., "]);
  };

  const date = (): string => {
    const m = month();
    const d = day();
    const forms: (() => string)[] = [
      () => `${year4()}-${maybePad(m)}-${maybePad(d)}`,
      () => `${year2()}-${maybePad(m)}-${maybePad(d)}`,
      () => `${maybePad(d)}-${maybePad(m)}-${year()}`,
      () => `${maybePad(m)}/${maybePad(d)}/${year()}`,
      () => `${year4()}/${maybePad(m)}/${maybePad(d)}`,
      () => `${maybePad(d)}.${maybePad(m)}.${year()}`,
      () => `${year4()}.${pad(m)}.${pad(d)}`,
      () => `${dayWord(d)} ${monthName(m)} ${year()}`,
      () => `${dayWord(d)} ${monthName(m)}, ${year()}`,
      () => `${maybePad(d)}-${monthName(m).replace(".", "")}-${year()}`,
      () => `${monthName(m)} ${dayWord(d)}, ${year()}`,
      () => `${monthName(m)} ${dayWord(d)} ${year()}`,
      () => `${monthName(m).replace(".", "")}-${maybePad(d)}-${year()}`,
      () => `${year4()} ${monthName(m)} ${dayWord(d)}`,
      () => `${year4()}${pad(m)}${pad(d)}`,
      () => `${year2()}${pad(m)}${pad(d)}`,
      () => `${monthName(m)} ${year4()}`,
      () => `${dayWord(d)} ${monthName(m)}`,
      () => `${monthName(m)} ${dayWord(d)}`,
      () => `${maybePad(m)}/${maybePad(d)}`,
      () => `${year4()}-${maybePad(m)}`,
      () => `${year4()}-${String(int(1, 366)).padStart(3, "0")}`,
      () => `${year4()}-W${pad(int(1, 53))}-${int(1, 7)}`,
      () => `${pick(["H", "R", "s"])}${int(1, 30)}.${m}.${d}`,
      () => `the ${ordinal(d)} of ${monthName(m)} ${year4()}`,
    ];
    const text = pick(forms)();
    return chance(0.15) ? weekday() + text : text;
  };

  const hour24 = () => (chance(0.03) ? pick([24, 25]) : int(0, 23));
  const minute = () => (chance(0.02) ? 60 : int(0, 59));
  const second = () => (chance(0.03) ? 60 : int(0, 59));
  const time = (): string => {
    const meridian = () => pick([" am", " pm", "pm", " PM", " a.m.", " p.m.", "AM"]);
    const forms: (() => string)[] = [
      () => `${maybePad(hour24())}:${pad(minute())}`,
      () => `${pad(hour24())}:${pad(minute())}:${pad(second())}`,
      () => `${pad(hour24())}:${pad(minute())}:${pad(second())}.${String(int(0, 999999)).slice(0, int(1, 6))}`,
      () => `${int(1, 12)}${meridian()}`,
      () => `${int(0, 13)}:${pad(minute())}${meridian()}`,
      () => `${int(0, 23)}h${pad(minute())}`,
      () => `${pad(hour24())}:${pad(minute())}:${pad(second())},${int(0, 99)}`,
    ];
    return pick(forms)();
  };

  const dateTime = (): string => {
    const d = date();
    if (chance(0.05)) return `${pad(hour24())}${pad(minute())}${pad(second())}`;
    if (/^\d{8}$/.test(d) && chance(0.5)) {
      const clock = `${pad(hour24())}${pad(minute())}${chance(0.5) ? pad(second()) : ""}`;
      return `${d}T${clock}${chance(0.3) ? pick(["Z", "+0100", "-0500"]) : ""}`;
    }
    const withTime = chance(0.65);
    let text = withTime ? `${d}${pick([" ", " ", "T", ", ", " at "])}${time()}` : d;
    if (withTime && chance(0.05)) text = `${time()} ${d}`;
    if (chance(withTime ? 0.5 : 0.1)) text += `${pick([" ", " ", ""])}${pick(ZONE_NAMES)}`;
    return text;
  };

  const quoted = (text: string) => {
    const style = random();
    if (style < 0.4) return text;
    return style < 0.7 ? `"${text}"` : `'${text.replaceAll("'", "''")}'`;
  };

  return (): DateSample => ({ yaml: quoted(dateTime()), zone: pick(ZONES) });
}

/** `count` front-matter dates with their site timezones, the same for the same seed. */
export function dateSamples(count: number, seed: number): DateSample[] {
  const next = generator(seeded(seed));
  return Array.from({ length: count }, next);
}
