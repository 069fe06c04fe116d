// Thousands of front-matter dates from a grammar (orders, separators, month names, 2- and 4-digit years, ordinals,
// times, zones, quoted and not), each read by real Ruby as Jekyll reads it (Psych's YAML, then Time.parse in the
// site's zone) and by this engine: the same instant where Jekyll takes the date, a refusal where it refuses.
import { execFileSync } from "node:child_process";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseFrontMatterDate, parseRubyTime } from "../../src/posts/date.ts";
import { parseFrontMatter } from "../../src/posts/front-matter.ts";
import { dateSamples } from "../helpers/date-grammar.ts";

// DATE_SAMPLES and DATE_SEED draw more, or other, samples when hunting for a difference.
const SAMPLES = dateSamples(Number(process.env.DATE_SAMPLES ?? 6000), Number(process.env.DATE_SEED ?? 20260115));
// Time.parse fills the fields a date leaves out (`Feb 21` has no year) from the clock: both sides get this one.
const NOW = DateTime.fromISO("2024-07-15T12:34:56.789Z");
const FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSZZ";

// One Ruby process for every sample; TZ is set per line, as Jekyll's site.timezone sets it for the whole build.
const RUBY = `
require "yaml"; require "time"
now = Time.at(${NOW.toSeconds()}r)
STDIN.each_line(chomp: true) do |line|
  zone, value = line.split("\\t", 2)
  ENV["TZ"] = zone
  puts(begin
    date = Psych.safe_load("date: " + value, permitted_classes: [Date, Time], aliases: true)["date"]
    Time.parse(date.to_s, now).localtime.strftime("%Y-%m-%dT%H:%M:%S.%L%:z")
  rescue ArgumentError, Psych::Exception
    "refused"
  end)
end`;

function jekyllReadings(): string[] {
  const input = SAMPLES.map(({ zone, yaml }) => `${zone}\t${yaml}`).join("\n");
  return execFileSync("ruby", ["-e", RUBY], { input, encoding: "utf8", maxBuffer: 64 << 20 })
    .trimEnd()
    .split("\n");
}

function ourReading(yaml: string, zone: string): string {
  try {
    const parsed = parseFrontMatterDate(parseFrontMatter(`date: ${yaml}`).date, zone, NOW);
    return parsed.ok ? parsed.date.toFormat(FORMAT) : "refused";
  } catch {
    return "refused";
  }
}

describe("front-matter dates from a grammar, read as Jekyll reads them", () => {
  it("draws varied samples: quoted and not, in every zone, taken and refused", () => {
    expect(new Set(SAMPLES.map((sample) => sample.yaml)).size).toBeGreaterThan(5000);
    expect(SAMPLES.filter((sample) => /^["']/.test(sample.yaml)).length).toBeGreaterThan(1000);
    expect(SAMPLES.filter((sample) => !/^["']/.test(sample.yaml)).length).toBeGreaterThan(1000);
    expect(new Set(SAMPLES.map((sample) => sample.zone)).size).toBe(5);
  });

  it("agrees with real Ruby on every sample", () => {
    const jekyll = jekyllReadings();
    expect(jekyll).toHaveLength(SAMPLES.length);
    // Both outcomes must be well represented, or the comparison proves little.
    expect(jekyll.filter((reading) => reading === "refused").length).toBeGreaterThan(300);
    expect(jekyll.filter((reading) => reading !== "refused").length).toBeGreaterThan(4000);
    const differences = SAMPLES.flatMap(({ yaml, zone }, i) => {
      const ours = ourReading(yaml, zone);
      return ours === jekyll[i] ? [] : [`${zone} date: ${yaml} => Jekyll ${jekyll[i]}, ours ${ours}`];
    });
    expect(differences.slice(0, 30), `${differences.length} of ${SAMPLES.length} differ`).toEqual([]);
  }, 120_000);

  it("reads day-month-year with dashes as Ruby does (issue 15): 11-9-2017 is the 11th of September", () => {
    const parsed = parseRubyTime("11-9-2017", "Europe/Berlin");
    expect(parsed.ok && parsed.date.toISO()).toBe("2017-09-11T00:00:00.000+02:00");
  });
});
