// The render cache on disk: one JSON file of key → [checksum, html], read once per build and written
// whole (to a temporary file, then renamed) after it, holding only what the build used.
import { readFileSync } from "node:fs";
import { writeFileAtomically } from "../site/cache-files.ts";
import { checksum } from "./key.ts";

interface CacheFile {
  format: 1;
  entries: Record<string, [string, string]>;
}

export interface RenderStore {
  /** The cached HTML for `key`, or undefined when missing or damaged. */
  get(key: string): string | undefined;
  set(key: string, html: string): void;
  /** Writes the entries used since the store opened; older ones are dropped. */
  save(): void;
}

function readEntries(file: string): Map<string, [string, string]> {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<CacheFile>;
    if (parsed.format !== 1 || typeof parsed.entries !== "object" || parsed.entries === null) return new Map();
    return new Map(Object.entries(parsed.entries));
  } catch {
    // Missing, truncated or not JSON: start empty and rebuild it.
    return new Map();
  }
}

export function openStore(file: string): RenderStore {
  let entries: Map<string, [string, string]> | undefined;
  const used = new Map<string, [string, string]>();
  // A warm build that rendered nothing new and used every entry leaves the file as it is.
  let changed = false;
  const load = () => (entries ??= readEntries(file));
  return {
    get(key) {
      const entry = used.get(key) ?? load().get(key);
      if (!Array.isArray(entry) || typeof entry[0] !== "string" || typeof entry[1] !== "string") return undefined;
      if (checksum(entry[1]) !== entry[0]) return undefined;
      used.set(key, entry);
      return entry[1];
    },
    set(key, html) {
      used.set(key, [checksum(html), html]);
      changed = true;
    },
    save() {
      if (!changed && entries !== undefined && used.size === entries.size) return;
      changed = false;
      writeFileAtomically(file, cacheFileText(used));
    },
  };
}

/**
 * The file's JSON, byte for byte `JSON.stringify({ format: 1, entries })`, in one piece per entry: with thousands
 * of posts the whole text would be tens of megabytes held at once, at the build's peak of memory.
 */
function* cacheFileText(entries: Map<string, [string, string]>): Generator<string> {
  const format: CacheFile["format"] = 1;
  yield `{"format":${format},"entries":{`;
  let first = true;
  for (const [key, entry] of entries) {
    yield `${first ? "" : ","}${JSON.stringify(key)}:${JSON.stringify(entry)}`;
    first = false;
  }
  yield "}}";
}
