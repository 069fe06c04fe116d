import path from "node:path";
import type { EleventyConfig } from "./eleventy-config.ts";
import { inputError } from "./errors.ts";
import { projectPath } from "./paths.ts";

/** Whether `file` (decoded, as it will be written) lies inside `folder`. */
export function isInsideFolder(folder: string, file: string): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(file));
  return relative !== "" && relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * Every page Eleventy writes passes its transforms just before it is written: one that runs first refuses a
 * page whose output path leaves the output folder, whatever made the path (a permalink, a page, a plugin).
 */
export function keepOutputsInside(eleventyConfig: EleventyConfig, output: string): void {
  eleventyConfig.addTransform("inside-output", function (content: string) {
    const target = this.page.outputPath;
    if (typeof target === "string" && !isInsideFolder(output, target)) {
      const file = projectPath(this.page.inputPath);
      throw inputError(
        file,
        undefined,
        `its output path "${path.relative(output, path.resolve(target))}" leaves the site folder`,
        "give it a permalink without `..` (encoded as %2e%2e or not).",
      );
    }
    return content;
  });
}
