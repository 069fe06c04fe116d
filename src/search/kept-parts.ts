// The search index's parts kept between builds (`.cache/search/`). Pagefind cannot update an index in place,
// but the index is written in parts (indexer.ts): a part whose pages are the same, byte for byte, as when it
// was written is copied from here instead of indexed again. Each kept part holds a manifest of the pages it was
// made from (path in the site and a hash of the HTML) and of its own files (with their hashes, checked on every
// reuse): a part that is missing, damaged or made by other code or another Pagefind is indexed again.
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { engineLockfile, readTextOrEmpty, sha256 } from "../site/cache-files.ts";
import { folderFingerprint } from "../render-cache/key.ts";

/** Bumped when what a kept part holds, or how it is checked, changes. */
const FORMAT = 1;
const MANIFEST = "kept-part.json";

/** A page handed to Pagefind: its path inside the site ('/'-separated) and a hash of its HTML. */
export interface IndexedPage {
  file: string;
  hash: string;
}

interface PartManifest {
  format: typeof FORMAT;
  /** The indexer's code (src/search/) and the installed packages (Pagefind among them). */
  engine: string;
  pages: [string, string][];
  files: Record<string, string>;
}

export interface KeptParts {
  /** Writes part `n`'s kept files into `folder` if it was made from exactly `pages`; says whether it did. */
  reuse(n: number, pages: IndexedPage[], folder: string): Promise<boolean>;
  /** Keeps the part just written into `folder` (which holds that part only) as made from `pages`. */
  keep(n: number, pages: IndexedPage[], folder: string): Promise<void>;
  /** Forgets parts after the `count`th (the index has fewer parts than before). */
  forgetAfter(count: number): Promise<void>;
}

export function pageHash(html: string): string {
  return sha256(html);
}

/**
 * What a part depends on beside its pages: the code that indexes and the Pagefind that runs (the installed one,
 * pinned by the lockfile, unless Pagefind's own PAGEFIND_BINARY_PATH names another).
 */
function engineFingerprint(): string {
  const searchDir = path.dirname(fileURLToPath(import.meta.url));
  return sha256(
    folderFingerprint(searchDir),
    readTextOrEmpty(engineLockfile(path.dirname(searchDir))),
    process.env.PAGEFIND_BINARY_PATH ?? "",
  );
}

/** Every file under `folder`, as paths relative to it, sorted. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function readManifest(file: string): Promise<PartManifest | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as Partial<PartManifest>;
    if (parsed.format !== FORMAT || !Array.isArray(parsed.pages) || typeof parsed.files !== "object") return undefined;
    return parsed as PartManifest;
  } catch {
    // Missing, cut short or not JSON: the part is indexed again.
    return undefined;
  }
}

const samePages = (kept: [string, string][], pages: IndexedPage[]) =>
  kept.length === pages.length &&
  kept.every((entry, i) => Array.isArray(entry) && entry[0] === pages[i].file && entry[1] === pages[i].hash);

/** The parts kept in `cacheDir` (the project's `.cache/search`). */
export function keptParts(cacheDir: string): KeptParts {
  let engine: string | undefined;
  const engineNow = () => (engine ??= engineFingerprint());
  const partDir = (n: number) => path.join(cacheDir, `part-${n}`);

  return {
    async reuse(n, pages, folder) {
      const kept = partDir(n);
      const manifest = await readManifest(path.join(kept, MANIFEST));
      if (!manifest || manifest.engine !== engineNow() || !samePages(manifest.pages, pages)) return false;
      const files = (await filesUnder(kept).catch(() => [])).filter((file) => file !== MANIFEST);
      const listed = Object.keys(manifest.files).sort();
      if (files.length !== listed.length || files.some((file, i) => file !== listed[i])) return false;
      // Read and checked whole before anything is written: a damaged part leaves `folder` as it was.
      const contents: [string, Buffer][] = [];
      for (const file of files) {
        const data = await readFile(path.join(kept, file)).catch(() => undefined);
        if (data === undefined || sha256(data) !== manifest.files[file]) return false;
        contents.push([file, data]);
      }
      for (const [file, data] of contents) {
        await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
        await writeFile(path.join(folder, file), data);
      }
      return true;
    },

    async keep(n, pages, folder) {
      const temporary = `${partDir(n)}.${process.pid}.tmp`;
      try {
        await rm(temporary, { recursive: true, force: true });
        const files: Record<string, string> = {};
        for (const file of await filesUnder(folder)) {
          const data = await readFile(path.join(folder, file));
          files[file] = sha256(data);
          await mkdir(path.dirname(path.join(temporary, file)), { recursive: true });
          await writeFile(path.join(temporary, file), data);
        }
        const manifest: PartManifest = {
          format: FORMAT,
          engine: engineNow(),
          pages: pages.map((page) => [page.file, page.hash]),
          files,
        };
        await writeFile(path.join(temporary, MANIFEST), JSON.stringify(manifest));
        // The old part goes before the new one is in place: a build killed between the two finds no part, never
        // a mix of the two.
        await rm(partDir(n), { recursive: true, force: true });
        await rename(temporary, partDir(n));
      } finally {
        await rm(temporary, { recursive: true, force: true });
      }
    },

    async forgetAfter(count) {
      const names = await readdir(cacheDir).catch(() => [] as string[]);
      for (const name of names) {
        const n = /^part-(\d+)$/.exec(name)?.[1];
        if (n !== undefined && Number(n) > count) await rm(path.join(cacheDir, name), { recursive: true, force: true });
      }
    },
  };
}
