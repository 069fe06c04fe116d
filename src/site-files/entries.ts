// Which files of the site's folder Jekyll reads (EntryFilter): not `_`, `.` or `#` names nor `name~` backups,
// not what `exclude:` names, unless `include:` names them; Jekyll 4 always adds its default lists to the site's.
import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import picomatch from "picomatch";
import type { SiteConfig } from "../types.ts";

const DEFAULT_EXCLUDES = [
  ".sass-cache",
  ".jekyll-cache",
  "gemfiles",
  "Gemfile",
  "Gemfile.lock",
  "node_modules",
  "vendor/bundle/",
  "vendor/cache/",
  "vendor/gems/",
  "vendor/ruby/",
];
const DEFAULT_INCLUDES = [".htaccess"];

export interface EntryRules {
  exclude: string[];
  include: string[];
}

export function entryRules(site: SiteConfig): EntryRules {
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  return {
    exclude: [...new Set([...list(site.exclude), ...DEFAULT_EXCLUDES])],
    include: [...new Set([...list(site.include), ...DEFAULT_INCLUDES])],
  };
}

/** Jekyll's glob_include?: a pattern matches a path by File.fnmatch, as a text prefix, or as the folder with `/`. */
export function globIncludes(patterns: string[], relative: string, isFolder: boolean): boolean {
  return patterns.some((pattern) => {
    const clean = pattern.replace(/^\/+/, "");
    return (
      picomatch(clean, { dot: true, posix: true })(relative) ||
      relative.startsWith(clean) ||
      (isFolder && clean === `${relative}/`)
    );
  });
}

function special(name: string): boolean {
  return /^[_.#]/.test(name) || name.endsWith("~");
}

/**
 * Every file Jekyll would read below `folder`, as posix paths relative to it; symbolic links are left out.
 * `leftOut` gets the names left out for starting with `_`, `#` or ending in `~` (not `exclude:`d, not dotfiles).
 */
export function siteEntries(folder: string, rules: EntryRules, leftOut: string[] = []): string[] {
  const found: string[] = [];
  const walk = (relativeDir: string) => {
    const entries = readdirSync(path.join(folder, relativeDir), { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      const isFolder = entry.isDirectory();
      const included = globIncludes(rules.include, relative, isFolder) || rules.include.includes(entry.name);
      if (!included && globIncludes(rules.exclude, relative, isFolder)) continue;
      if (!included && special(entry.name)) {
        if (!entry.name.startsWith(".")) leftOut.push(isFolder ? `${relative}/` : relative);
        continue;
      }
      if (lstatSync(path.join(folder, relative)).isSymbolicLink()) continue;
      if (isFolder) walk(relative);
      else if (entry.isFile()) found.push(relative);
    }
  };
  walk("");
  return found;
}
