import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { IANAZone, DateTime } from "luxon";
import type { SiteConfig } from "../types.ts";
import { inputError, lineOfKey } from "./errors.ts";

/** Jekyll's named permalink styles (Configuration::STYLE_TO_PERMALINK). */
export const PERMALINK_STYLES: Record<string, string> = {
  none: "/:categories/:title:output_ext",
  date: "/:categories/:year/:month/:day/:title:output_ext",
  ordinal: "/:categories/:year/:y_day/:title:output_ext",
  pretty: "/:categories/:year/:month/:day/:title/",
  weekdate: "/:categories/:year/W:week/:short_day/:title:output_ext",
};

const DEFAULTS: SiteConfig = {
  title: "My Blog",
  description: "",
  url: "",
  baseurl: "",
  // Jekyll uses the build machine's zone when none is set.
  timezone: DateTime.local().zoneName ?? "UTC",
  permalink: "date",
  excerpt_separator: "\n\n",
  future: false,
  show_drafts: false,
  paginate_path: "/page:num/",
  lang: "en_US",
};

/** Jekyll's defaults, as if there were no `_config.yml`. */
export function defaultSiteConfig(overrides: Partial<SiteConfig> = {}): SiteConfig {
  return { ...DEFAULTS, ...overrides };
}

/** Reads `_config.yml` from the project root; a missing file means Jekyll's defaults. */
export function loadSiteConfig(root: string, overrides: Partial<SiteConfig> = {}): SiteConfig {
  const file = path.join(root, "_config.yml");
  const fileName = "_config.yml";
  let raw: Record<string, unknown> = {};
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (text) {
    try {
      raw = (yaml.load(text) as Record<string, unknown> | null) ?? {};
    } catch (error) {
      const mark = (error as { mark?: { line: number } }).mark;
      throw inputError(
        fileName,
        mark ? mark.line + 1 : undefined,
        `not valid YAML (${(error as Error).message.split("\n")[0]})`,
        "correct the YAML syntax on that line (indentation, quotes, colons).",
      );
    }
  }
  const config = { ...DEFAULTS, ...stripNulls(raw), ...overrides } as SiteConfig;
  // Kept as written: Jekyll's absolute_url is `url` + `baseurl` + path, so a trailing slash in `url` gives
  // `https://x.org//...` in jekyll-feed's entry ids, and the ids must stay what readers already have.
  config.url = String(config.url ?? "");
  config.baseurl = normaliseBaseurl(String(config.baseurl ?? ""));
  config.timezone = String(config.timezone);
  config.permalink = String(config.permalink);
  config.excerpt_separator = String(config.excerpt_separator);
  config.future = config.future === true;
  config.show_drafts = config.show_drafts === true;
  if (!IANAZone.isValidZone(config.timezone)) {
    throw inputError(
      fileName,
      lineOfKey(text, "timezone"),
      `unknown timezone "${config.timezone}"`,
      'use a TZ database name such as "America/New_York" or "UTC".',
    );
  }
  if (!config.permalink.includes("/") && !(config.permalink in PERMALINK_STYLES)) {
    throw inputError(
      fileName,
      lineOfKey(text, "permalink"),
      `unknown permalink style "${config.permalink}"`,
      `use one of ${Object.keys(PERMALINK_STYLES).join(", ")}, or a template such as "/:categories/:year/:title/".`,
    );
  }
  if (config.paginate !== undefined && !(Number.isInteger(config.paginate) && Number(config.paginate) > 0)) {
    throw inputError(
      fileName,
      lineOfKey(text, "paginate"),
      `paginate must be a whole number above 0, not "${String(config.paginate)}"`,
      "set paginate to the number of posts per page, or remove it.",
    );
  }
  return config;
}

function stripNulls(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== null && value !== undefined));
}

function normaliseBaseurl(baseurl: string): string {
  const trimmed = baseurl.replace(/\/+$/, "");
  if (!trimmed) return "";
  return trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
}
