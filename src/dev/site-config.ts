import type { SiteConfig } from "../types.ts";
import { defaultSiteConfig, loadSiteConfig } from "../site/config.ts";
import { findInputError } from "../site/errors.ts";
import { clearFileError, reportFileError } from "./errors.ts";

// Kept across configuration reloads: the module is loaded once, the configuration function runs on each.
let lastGood: SiteConfig | undefined;
let readAt = 0;

/** When the configuration last read `_config.yml` (ms since the epoch). */
export function siteConfigReadAt(): number {
  return readAt;
}

/**
 * `_config.yml` as `npm start` reads it: a mistake in it is reported (terminal and page) and the last good
 * settings stay, or Jekyll's defaults when the server starts with it broken.
 */
export function devSiteConfig(root: string, overrides: Partial<SiteConfig>): SiteConfig {
  readAt = Date.now();
  try {
    lastGood = loadSiteConfig(root, overrides);
    clearFileError("_config.yml");
    return lastGood;
  } catch (error) {
    const input = findInputError(error);
    if (!input) throw error;
    reportFileError("_config.yml", input.message);
    return lastGood ?? defaultSiteConfig(overrides);
  }
}
