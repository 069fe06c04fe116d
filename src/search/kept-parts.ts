// The search index's parts kept between builds (`.cache/search/`). Pagefind cannot update an index in place,
// but the index is written in parts (indexer.ts): a part whose pages are the same, byte for byte, as when it
// was written is taken from here instead of indexed again. Each kept part holds a manifest of the pages it was
// made from (path in the site, a hash of the HTML and the page's stamp, src/site/file-stamps.ts, so that a page
// kept by a warm build is known without reading it) and of its own files with their stamps, checked on every
// reuse: a part that is missing, damaged or made by other code or another Pagefind is indexed again. Files go
// between the cache and the site as hard links (src/site/hard-links.ts): nothing writes into them once written.
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { engineLockfile, readTextOrEmpty, sha256, writeFileAtomically } from "../site/cache-files.ts";
import { sameStamp, stampOf, type FileStamp } from "../site/file-stamps.ts";
import { linkOrCopy } from "../site/hard-links.ts";
import { folderFingerprint } from "../render-cache/key.ts";

/** Bumped when what a kept part holds, or how it is checked, changes. */
const FORMAT = 2;
const MANIFEST = "kept-part.json";

/** A page handed to Pagefind: its path inside the site ('/'-separated), a hash of its HTML, and its stamp there. */
export interface IndexedPage {
  file: string;
  hash: string;
  stamp?: FileStamp;
}

/** A page of a kept part, known by its stamp. */
export interface KnownPage {
  hash: string;
  stamp: FileStamp;
}

interface PartManifest {
  format: typeof FORMAT;
  /** The indexer's code (src/search/) and the installed packages (Pagefind among them). */
  engine: string;
  pages: IndexedPage[];
  files: FileStamp[];
}

export interface KeptParts {
  /** The pages of every kept part, by path in the site. */
  knownPages(): Promise<Map<string, KnownPage>>;
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
    if (parsed.format !== FORMAT || !Array.isArray(parsed.pages) || !Array.isArray(parsed.files)) return undefined;
    return parsed as PartManifest;
  } catch {
    // Missing, cut short or not JSON: the part is indexed again.
    return undefined;
  }
}

const samePages = (kept: IndexedPage[], pages: IndexedPage[]) =>
  kept.length === pages.length && kept.every((page, i) => page?.file === pages[i].file && page.hash === pages[i].hash);

/** Puts `from` at `to` as a hard link (or a copy), making its folder. */
async function keepAt(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  await linkOrCopy(from, to);
}

/** The parts kept in `cacheDir` (the project's `.cache/search`). */
export function keptParts(cacheDir: string): KeptParts {
  let engine: string | undefined;
  const engineNow = () => (engine ??= engineFingerprint());
  const partDir = (n: number) => path.join(cacheDir, `part-${n}`);

  return {
    async knownPages() {
      const known = new Map<string, KnownPage>();
      for (const name of await readdir(cacheDir).catch(() => [] as string[])) {
        if (!/^part-\d+$/.test(name)) continue;
        const manifest = await readManifest(path.join(cacheDir, name, MANIFEST));
        for (const page of manifest?.pages ?? [])
          if (page?.stamp) known.set(page.file, { hash: page.hash, stamp: page.stamp });
      }
      return known;
    },

    async reuse(n, pages, folder) {
      const kept = partDir(n);
      const manifestFile = path.join(kept, MANIFEST);
      const manifest = await readManifest(manifestFile);
      if (!manifest || manifest.engine !== engineNow() || !samePages(manifest.pages, pages)) return false;
      const files = (await filesUnder(kept).catch(() => [])).filter((file) => file !== MANIFEST);
      const listed = manifest.files.map((stamp) => stamp?.file).sort();
      if (files.length !== listed.length || files.some((file, i) => file !== listed[i])) return false;
      // Each file checked before anything is linked: a damaged part leaves `folder` as it was.
      if (!manifest.files.every((stamp) => sameStamp(stampOf(kept, stamp.file), stamp))) return false;
      for (const file of files) await keepAt(path.join(kept, file), path.join(folder, file));
      // Pages written again with the same bytes have new stamps: noted, so the next build knows them unread.
      if (pages.some((page, i) => !sameStamp(page.stamp, manifest.pages[i].stamp)))
        writeFileAtomically(manifestFile, JSON.stringify({ ...manifest, pages }));
      return true;
    },

    async keep(n, pages, folder) {
      const temporary = `${partDir(n)}.${process.pid}.tmp`;
      try {
        await rm(temporary, { recursive: true, force: true });
        const files: FileStamp[] = [];
        for (const file of await filesUnder(folder)) {
          await keepAt(path.join(folder, file), path.join(temporary, file));
          const stamp = stampOf(temporary, file);
          if (stamp) files.push(stamp);
        }
        const manifest: PartManifest = { format: FORMAT, engine: engineNow(), pages, files };
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
