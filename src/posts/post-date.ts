import { readFileSync, statSync } from "node:fs";
import { DateTime } from "luxon";
import type { SiteConfig } from "../types.ts";
import { inputError, lineOfKey } from "../site/errors.ts";
import { readPostFileName } from "./filename.ts";
import { parseFileNameDate, parseFrontMatterDate } from "./date.ts";
import { isYamlTimestamp } from "./front-matter.ts";

/**
 * A post's date as Jekyll reads it: front-matter `date`, else the file name's, else the file's modification
 * time. Undefined for a file that is not a post, which keeps Eleventy's own reading. A date without a year takes
 * the build's `now`, as Time.parse takes the clock's.
 */
export function postDate(file: string, value: unknown, site: SiteConfig, now: DateTime): DateTime | undefined {
  const source = readPostFileName(file);
  if (!source) return undefined;
  if (value !== undefined && value !== null) {
    const parsed = parseFrontMatterDate(value, site.timezone, now);
    if (parsed.ok) return parsed.date;
    const text = readFileSync(file, "utf8");
    throw inputError(
      file,
      lineOfKey(text, "date"),
      `the date "${describe(value)}" is not a date Jekyll reads`,
      'write it as "YYYY-MM-DD HH:MM:SS +/-TTTT", e.g. "2020-02-21 08:10:00 -0400" (time and offset optional).',
    );
  }
  if (source.fileDate) {
    const parsed = parseFileNameDate(source.fileDate, site.timezone);
    if (parsed.ok) return parsed.date;
    throw inputError(
      file,
      undefined,
      `the file name's date "${source.fileDate}" is not a real date`,
      "rename the file to YYYY-MM-DD-title.md with a valid date.",
    );
  }
  return DateTime.fromJSDate(statSync(file).mtime).setZone(site.timezone);
}

// The date as the author wrote it, not as the YAML reader holds it.
function describe(value: unknown): string {
  return String(isYamlTimestamp(value) ? value.yamlTimestamp : value);
}
