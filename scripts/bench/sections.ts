// BENCHMARKS.md is written by several scripts, each owning one section between `<!-- NAME:start -->` and
// `<!-- NAME:end -->`: a new run replaces only its own section, the prose around it stays.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export function markers(name: string): { start: string; end: string } {
  return { start: `<!-- ${name}:start -->`, end: `<!-- ${name}:end -->` };
}

/** `document` with its `name` section replaced by `section` (markers included), or with it appended under `heading`. */
export function replaceSection(document: string, name: string, section: string, heading: string): string {
  const { start, end } = markers(name);
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from !== -1 && to > from) return document.slice(0, from) + section + document.slice(to + end.length);
  return `${document.trimEnd()}\n\n## ${heading}\n\n${section}\n`;
}

export function writeSection(file: string, name: string, section: string, heading: string): void {
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  writeFileSync(file, replaceSection(existing, name, section, heading));
}
