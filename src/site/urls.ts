import type { SiteConfig } from "../types.ts";

/** Jekyll's `relative_url`: the path under the site's `baseurl`. */
export function relativeUrl(site: SiteConfig, input: unknown): string {
  const value = String(input ?? "");
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) return value;
  const joined = `${site.baseurl}/${value.replace(/^\//, "")}`;
  return joined.replace(/\/{2,}/g, "/") || "/";
}

/** Jekyll's `absolute_url`: `url` + `baseurl` + path. */
export function absoluteUrl(site: SiteConfig, input: unknown): string {
  const value = String(input ?? "");
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) return value;
  return `${site.url}${relativeUrl(site, value)}`;
}

/** A URL segment with its %-escapes decoded, or as written when they do not decode (a stray `%`). */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
