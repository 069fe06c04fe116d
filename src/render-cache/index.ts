// Jekyll 4-style render cache: a post's rendered Markdown is kept on disk under a key made of everything
// it depends on (its text after Liquid, so the includes it used; the engine's code; the lockfile;
// _config.yml; the page), so a rebuild skips markdown-it for every post whose key is unchanged.
// Layouts are not cached: they run every build, so a layout change can never leave stale pages.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { EleventyConfig } from "../site/eleventy-config.ts";
import { countBuild } from "../site/stats.ts";
import { projectSetup, renderKey } from "./key.ts";
import { openStore } from "./store.ts";

/** What Eleventy renders Markdown templates with (the library the markdown plugin set). */
export interface Renderer {
  render(src: string, env?: unknown): string;
}

export interface RenderCacheOptions {
  /** The project root: `_config.yml` is read from here and the cache lives in `.cache/render/` under it. */
  root: string;
  /** Off with BLOG_RENDER_CACHE=0. */
  enabled?: boolean;
}

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const wrapped = new WeakSet<Renderer>();

/** The page identity in the data Eleventy hands the library, so no two pages ever share an entry. */
function pageOf(env: unknown): string {
  const page = (env as { page?: { inputPath?: unknown; url?: unknown } } | undefined)?.page;
  return page ? `${String(page.inputPath)}\0${String(page.url)}` : "";
}

/** Wraps `library.render` in place: a cached body when its key is known and intact, else a fresh render. */
export function cacheRenders(library: Renderer, file: string, setup: () => string): { save(): void } {
  const store = openStore(file);
  const render = library.render.bind(library);
  let shared: string | undefined;
  library.render = (src: string, env?: unknown) => {
    shared ??= setup();
    const key = renderKey({ setup: shared, markdown: src, page: pageOf(env) });
    const cached = store.get(key);
    // The build's line counts posts; a Markdown page of pages/ (src/site-files) is cached but not counted.
    const isPost = (env as { post?: unknown } | undefined)?.post !== undefined;
    if (cached !== undefined) {
      if (isPost) countBuild("postsReused");
      return cached;
    }
    const html = render(src, env);
    store.set(key, html);
    if (isPost) countBuild("postsRendered");
    return html;
  };
  return { save: () => store.save() };
}

export default function renderCachePlugin(
  eleventyConfig: EleventyConfig,
  { root, enabled = process.env.BLOG_RENDER_CACHE !== "0" }: RenderCacheOptions,
): void {
  if (!enabled) return;
  const file = path.join(root, ".cache/render/markdown.json");
  const caches: { save(): void }[] = [];
  // Runs on whatever library the markdown plugin set, once Eleventy creates its Markdown engine.
  // https://www.11ty.dev/docs/languages/markdown/#optional-amend-the-library-instance
  eleventyConfig.amendLibrary("md", (library) => {
    if (wrapped.has(library)) return;
    wrapped.add(library);
    caches.push(cacheRenders(library, file, () => projectSetup(root, SRC)));
  });
  const save = () => {
    try {
      for (const cache of caches) cache.save();
    } catch (error) {
      // The site is built; only the next build's head start is lost.
      console.warn(
        `The render cache could not be saved (${error instanceof Error ? error.message : String(error)}); the next build renders every post.`,
      );
    }
  };
  // `npm start`: written once saves pause (or on exit), so the dev server answers at once after a rebuild.
  let pending: NodeJS.Timeout | undefined;
  const saveNow = () => {
    clearTimeout(pending);
    pending = undefined;
    process.off("exit", saveNow);
    save();
  };
  eleventyConfig.on("eleventy.after", ({ runMode }: { runMode?: string }) => {
    // Not awaited: Pagefind's indexing (in its own process) starts first, and this turn writes the cache meanwhile.
    if (runMode === undefined || runMode === "build") return void setImmediate(save);
    if (pending) clearTimeout(pending);
    else process.once("exit", saveNow);
    pending = setTimeout(saveNow, 2000);
  });
}
