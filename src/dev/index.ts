// `npm start` only: a post whose front matter cannot be read (or that src/build/serve.ts left out after its
// error stopped a build) is reported and left out of the build, so the rest of the site is still served; the errors that stand are shown over every page the dev server sends;
// a change to `_config.yml` reloads the configuration (Jekyll needs a restart for it, this does not).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EleventyConfig, FrontMatterEngine } from "../site/eleventy-config.ts";
import { findInputError } from "../site/errors.ts";
import { projectPath } from "../site/paths.ts";
import {
  clearFileError,
  forgetDeletedFiles,
  includeAgain,
  isExcluded,
  reportFileError,
  standingErrors,
} from "./errors.ts";
import { withOverlay } from "./overlay.ts";
import { listenOnDevHost, refuseClimbing } from "./server-safety.ts";

/** Added after the posts plugin, whose front-matter engine it wraps. */
export default function devPlugin(eleventyConfig: EleventyConfig): void {
  // Set once, whole: a later call replaces the middleware list. The functions are the same on every
  // configuration: Eleventy restarts its server when the server options differ.
  eleventyConfig.setServerOptions({ setup: listenOnDevHost, middleware: [refuseClimbing, overlayMiddleware] });
  eleventyConfig.addWatchTarget("_config.yml", { resetConfig: true });
  eleventyConfig.on("eleventy.before", () => forgetDeletedFiles());
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => includeAgain(changed.map(projectPath)));

  const options = eleventyConfig.frontMatterParsingOptions ?? {};
  const yaml = options.engines?.yaml;
  if (yaml) {
    eleventyConfig.setFrontMatterParsingOptions({ ...options, engines: { ...options.engines, yaml: lenient(yaml) } });
  }
}

/** The engine as it was, but an author's error in one file is reported and the file left out (unpublished). */
function lenient(engine: FrontMatterEngine): FrontMatterEngine {
  return (text, options) => {
    const file = projectPath(options?.filePath ?? "");
    // Left out by src/build/serve.ts after its error stopped a build (a date, Liquid, an image...).
    if (isExcluded(file)) return { published: false };
    try {
      const data = engine(text, options);
      clearFileError(file);
      return data;
    } catch (error) {
      const input = findInputError(error);
      if (!input || !options?.filePath) throw error;
      reportFileError(file, input.message);
      // Jekyll's own way to leave a post out; the posts plugin then skips the file before reading it again.
      return { published: false };
    }
  };
}

/** Puts the standing errors over each HTML page as it is sent (the 404 page and error pages included). */
function overlayMiddleware(_request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const end = response.end;
  response.end = function (this: ServerResponse, ...args: unknown[]) {
    const type = String(response.getHeader("content-type") ?? "");
    if (typeof args[0] === "string" && type.startsWith("text/html")) args[0] = withOverlay(args[0], standingErrors());
    return end.apply(this, args as Parameters<typeof end>);
  } as typeof response.end;
  next();
}
