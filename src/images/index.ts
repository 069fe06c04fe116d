// Images: every local <img> of a page becomes an optimized <picture> (AVIF, WebP, original format) with its
// size, hashed names and a cache between builds; posts get `seoImage` for their og:image.
// https://www.11ty.dev/docs/plugins/image/
import path from "node:path";
import type { SiteConfig } from "../types.ts";
import type { EleventyConfig, TemplateData } from "../site/eleventy-config.ts";
import { countBuild } from "../site/stats.ts";
import { createOptimizer } from "./optimize.ts";
import { CACHE_FOLDER } from "./outputs.ts";
import { createLookups } from "./lookups.ts";
import { seoImageOf } from "./social.ts";
import { transformImages } from "./transform.ts";
import { isPostText, rebuiltPages } from "./rebuilt.ts";

export interface ImagesOptions {
  site: SiteConfig;
  /** The project folder: the site's `/`, and home of the cache folder. */
  root: string;
}

export default function imagesPlugin(eleventyConfig: EleventyConfig, { site, root }: ImagesOptions): void {
  const optimizer = createOptimizer({ root, baseurl: site.baseurl });
  let lookups = createLookups(root);
  const warned = new Set<string>();
  const warn = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    console.warn(`Warning: ${message}`);
  };

  // `npm start`: pages whose HTML has not changed since the last rebuild (every post but the saved one).
  const rebuilt = rebuiltPages(optimizer);
  // The output folder changes on every `npm run build` (a staging folder, then swapped in).
  eleventyConfig.on(
    "eleventy.before",
    ({ directories, runMode }: { directories: { output: string }; runMode?: string }) => {
      optimizer.startBuild(path.resolve(root, directories.output));
      lookups = createLookups(root);
      warned.clear();
      rebuilt.watching = runMode !== undefined && runMode !== "build";
    },
  );
  // A saved post changes only its own pages' HTML; anything else (an image, its description, a layout) may
  // change what any page's pictures become, so every page is transformed again.
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    if (changed.some((file) => !isPostText(file))) rebuilt.forget();
  });
  eleventyConfig.on("eleventy.after", () => {
    const { images, files, encoded } = optimizer.counts();
    if (images === 0) return;
    countBuild("imagesEncoded", encoded);
    countBuild("imagesReused", files - encoded);
    console.log(
      `Images: ${images} used, ${files} files: ${encoded} encoded, ${files - encoded} reused from ${CACHE_FOLDER}/`,
    );
  });

  eleventyConfig.addTransform("images", async function (content: string) {
    if (!this.page.outputPath || !this.page.outputPath.endsWith(".html")) return content;
    const page = { inputPath: this.page.inputPath, url: String(this.page.url || "/") };
    return rebuilt.transform(page, content, (noting) =>
      transformImages(content, page, { root, baseurl: site.baseurl, optimizer: noting, lookups, warn }),
    );
  });

  // After the posts plugin's preprocessor has set `post` (a preprocessor, not computed data: see src/posts/).
  eleventyConfig.addPreprocessor("seo-image", "md,markdown", async (data: TemplateData, content: string) => {
    data.seoImage = await seoImageOf(data, content, { root, site, optimizer, lookups });
    return undefined;
  });
}
