// What `npm run new` and `npm run publish` share: the site's settings and clock, files written only when
// new, the URL shown as readers and `npm start` will have it, and errors printed without a stack trace.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import type { SiteConfig } from "../types.ts";
import { loadSiteConfig } from "../site/config.ts";

/** Now, or BLOG_NOW (an ISO time) as the build reads it. */
export function clock(): DateTime {
  return process.env.BLOG_NOW ? DateTime.fromISO(process.env.BLOG_NOW) : DateTime.now();
}

/** Writes `file` only if there is none (refusing is the point: an author's text is never replaced). */
export function writeNew(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    throw new Error(`${file} already exists; it was left as it is.\n  Fix: choose another title, or edit that file.`, {
      cause: error,
    });
  }
}

/** The URL on the site (when `url` is set) and in `npm start`. */
export function showUrl(url: string, site: SiteConfig, label: string): string {
  const local = `http://localhost:${process.env.PORT ?? 8080}${site.baseurl}${url}`;
  return site.url ? `${label}: ${site.url}${site.baseurl}${url} (npm start: ${local})` : `${label}: ${local}`;
}

/** Runs a command; a mistake prints its message (no stack trace) and exits 1. */
export function runCommand(command: (context: { site: SiteConfig }) => void): void {
  try {
    command({ site: loadSiteConfig(process.cwd()) });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
