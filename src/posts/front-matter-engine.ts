import { existsSync, readFileSync, readdirSync } from "node:fs";
import { inputError, lineOfKey } from "../site/errors.ts";
import { parseFrontMatter } from "./front-matter.ts";
import { projectPath } from "../site/paths.ts";

type FrontMatterEngine = (text: string, options?: { filePath?: string }) => Record<string, unknown>;

/**
 * Eleventy's YAML front-matter engine: Ruby's YAML reading (unquoted times are UTC, quoted ones local; errors
 * name the file and line), and the layout checked as the front matter is read: Eleventy resolves layouts
 * before any preprocessor runs, and its own error for a missing one is a stack trace.
 */
export function frontMatterEngine(layoutsDir: string): FrontMatterEngine {
  return (text, options) => checkLayout(parseFrontMatter(text, options), options?.filePath, layoutsDir);
}

/** Front matter whose `layout` names no file in `_includes/layouts/` stops the build, naming the choices. */
function checkLayout(
  data: Record<string, unknown>,
  filePath: string | undefined,
  layoutsDir: string,
): Record<string, unknown> {
  if (typeof data.layout !== "string" || !filePath) return data;
  const layouts = new Set(readdirSync(layoutsDir).map((name) => name.replace(/\.[^.]+$/, "")));
  if (layouts.has(data.layout) || layouts.has(data.layout.replace(/\.[^.]+$/, ""))) return data;
  const file = projectPath(filePath);
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  throw inputError(
    file,
    lineOfKey(text, "layout"),
    `there is no layout "${data.layout}"`,
    `use one of ${[...layouts].sort().join(", ")}, or add _includes/layouts/${data.layout}.liquid.`,
  );
}
