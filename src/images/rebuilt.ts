// `npm start` re-renders every page on each save, and the image transform would parse each one again. A page
// whose HTML is what it was last time gets what it got last time, its images handed to the optimizer again so
// they are counted and put in the output as a fresh transform would.
import type { Optimizer } from "./optimize.ts";
import type { PageContext } from "./transform.ts";

type OptimizeCall = Parameters<Optimizer["optimize"]>;

interface Remembered {
  html: string;
  result: string;
  images: OptimizeCall[];
}

export interface RebuiltPages {
  /** On in `npm start` (watch and serve); a one-off build transforms every page once anyway. */
  watching: boolean;
  /** `run(optimizer)` transforms the page afresh; the optimizer it gets notes the images it uses. */
  transform(page: PageContext, html: string, run: (optimizer: Optimizer) => Promise<string>): Promise<string>;
  /** Drops everything remembered: the next rebuild transforms every page. */
  forget(): void;
}

export function rebuiltPages(optimizer: Optimizer): RebuiltPages {
  const remembered = new Map<string, Remembered>();
  return {
    watching: false,
    async transform(page, html, run) {
      if (!this.watching) return run(optimizer);
      const key = `${page.inputPath}\0${page.url}`;
      const known = remembered.get(key);
      if (known && known.html === html) {
        await Promise.all(known.images.map((call) => optimizer.optimize(...call)));
        return known.result;
      }
      const images: OptimizeCall[] = [];
      const noting: Optimizer = {
        ...optimizer,
        optimize: (...call) => (images.push(call), optimizer.optimize(...call)),
      };
      const result = await run(noting);
      remembered.set(key, { html, result, images });
      return result;
    },
    forget() {
      remembered.clear();
    },
  };
}

/** A post's own Markdown under posts/: saving it changes no other page's pictures. */
export function isPostText(file: string): boolean {
  return /(^|\/)posts\/.*\.(md|markdown)$/.test(file.replace(/\\/g, "/"));
}
