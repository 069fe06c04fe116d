// Copies a Jekyll site into this project's layout, leaving the source as it was: posts (also those of
// `en/news/_posts/`) into posts/, drafts into posts/_drafts/, `_data/` and the site's includes as they are,
// `_config.yml`, and every other file into pages/. Layouts the engine lacks are mapped to `post` or `page`.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface MigrateReport {
  /** Files written, as paths in the project. */
  copied: string[];
  /** `layout` names the site uses that this engine lacks, and what each became. */
  layouts: Record<string, string>;
  /** What was not copied or not copied as it was, one sentence each. */
  notes: string[];
}

// Folders of a Jekyll site that hold no content: the theme, the build and its caches.
const NOT_CONTENT = new Set([
  "_layouts",
  "_sass",
  "_site",
  "_plugins",
  ".jekyll-cache",
  ".sass-cache",
  ".git",
  ".bundle",
]);

function filesBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** Where a file of the Jekyll site goes in this project, or undefined when it is not copied. */
export function targetOf(
  file: string,
): { target: string; kind: "post" | "page" | "data" | "include" | "config" } | undefined {
  const parts = file.split("/");
  if (NOT_CONTENT.has(parts[0])) return undefined;
  if (file === "_config.yml") return { target: file, kind: "config" };
  if (parts[0] === "_posts") return { target: `posts/${parts.slice(1).join("/")}`, kind: "post" };
  if (parts[0] === "_drafts") return { target: `posts/_drafts/${parts.slice(1).join("/")}`, kind: "post" };
  if (parts.includes("_posts")) return { target: `posts/${file}`, kind: "post" };
  if (parts[0] === "_data") return { target: file, kind: "data" };
  if (parts[0] === "_includes") return { target: file, kind: "include" };
  return { target: `pages/${file}`, kind: "page" };
}

const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const LAYOUT_LINE = /^(layout:[ \t]*)(["']?)([^"'\s#]+)\2([ \t]*(?:#.*)?)$/m;

/** The text with its front-matter `layout` replaced by what `map` gives (null, `none` and known ones kept). */
export function mapLayout(text: string, map: (layout: string) => string | undefined): string {
  const block = FRONT_MATTER.exec(text);
  if (!block) return text;
  const replaced = block[0].replace(LAYOUT_LINE, (line, key: string, quote: string, name: string, rest: string) => {
    const to = map(name);
    return to === undefined ? line : `${key}${quote}${to}${quote}${rest}`;
  });
  return replaced + text.slice(block[0].length);
}

// `defaults:` values in _config.yml name layouts too: posts' sets get `post`, the others `page`.
function mapConfigLayouts(text: string, map: (layout: string, kind: "post" | "page") => string | undefined): string {
  const lines = text.split("\n");
  let kind: "post" | "page" = "page";
  return lines
    .map((line) => {
      if (/^\s*-\s*scope:/.test(line) || /^\s*-\s*$/.test(line)) kind = "page";
      if (/^\s+type:\s*["']?(posts|drafts)/.test(line)) kind = "post";
      const layout = /^(\s+layout:[ \t]*)(["']?)([^"'\s#]+)\2(.*)$/.exec(line);
      if (!layout) return line;
      const to = map(layout[3], kind);
      return to === undefined ? line : `${layout[1]}${layout[2]}${to}${layout[2]}${layout[4]}`;
    })
    .join("\n");
}

function isText(buffer: Buffer): boolean {
  return !buffer.subarray(0, 8000).includes(0);
}

/** Copies the Jekyll site at `source` into the project at `target`. Existing files are not overwritten but `_config.yml`. */
export function migrate(source: string, target: string, layoutsDir: string): MigrateReport {
  const ours = new Set(readdirSync(layoutsDir).map((name) => name.replace(/\.[^.]+$/, "")));
  const report: MigrateReport = { copied: [], layouts: {}, notes: [] };
  const mapper = (name: string, kind: "post" | "page") => {
    if (ours.has(name) || name === "null" || name === "none" || name === "~") return undefined;
    report.layouts[name] ??= kind;
    return kind;
  };
  const skipped = new Set<string>();
  for (const file of filesBelow(source)) {
    const where = targetOf(file);
    if (!where) {
      skipped.add(file.split("/")[0]);
      continue;
    }
    const destination = path.join(target, where.target);
    if (existsSync(destination) && where.kind !== "config") {
      report.notes.push(`${where.target} exists already: kept it, ${file} was not copied.`);
      continue;
    }
    mkdirSync(path.dirname(destination), { recursive: true });
    const bytes = readFileSync(path.join(source, file));
    if ((where.kind === "post" || where.kind === "page") && isText(bytes)) {
      const text = bytes.toString("utf8");
      const mapped = mapLayout(text, (name) => mapper(name, where.kind === "post" ? "post" : "page"));
      if (mapped !== text) writeFileSync(destination, mapped);
      else copyFileSync(path.join(source, file), destination);
    } else if (where.kind === "config") {
      writeFileSync(destination, mapConfigLayouts(bytes.toString("utf8"), mapper));
    } else {
      copyFileSync(path.join(source, file), destination);
    }
    report.copied.push(where.target);
  }
  for (const folder of [...skipped].sort()) {
    report.notes.push(
      folder === "_layouts" || folder === "_sass"
        ? `${folder}/ was not copied: the site's own theme is not used yet; pages and posts get this engine's layouts.`
        : `${folder}/ was not copied: it is Jekyll's build output, cache or plugins, not content.`,
    );
  }
  return report;
}
