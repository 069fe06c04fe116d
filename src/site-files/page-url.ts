// A page's URL as Jekyll's Page#url builds it: `/:path/:basename:output_ext`, `/:path/` for an index, the
// site's permalink style deciding between `about.html` and `about/`, or the page's own `permalink`.
import path from "node:path";
import { PERMALINK_STYLES } from "../site/config.ts";
import { decodeSegment } from "../site/urls.ts";

const MARKDOWN_EXTENSIONS = [".md", ".markdown", ".mkdown", ".mkdn", ".mkd"];
const HTML_EXTENSIONS = [".html", ".xhtml", ".htm"];

export function isMarkdown(file: string): boolean {
  return MARKDOWN_EXTENSIONS.includes(path.posix.extname(file).toLowerCase());
}

/** The extension of what Jekyll writes: Markdown becomes `.html`, anything else keeps its own. */
export function outputExtension(file: string): string {
  return isMarkdown(file) ? ".html" : path.posix.extname(file);
}

// Utils.add_permalink_suffix.
function withSuffix(template: string, style: string): string {
  if (style === "pretty") return `${template}/`;
  if (style in PERMALINK_STYLES) return `${template}:output_ext`;
  const expanded = PERMALINK_STYLES[style] ?? style;
  if (expanded.endsWith("/")) return `${template}/`;
  if (expanded.endsWith(":output_ext")) return `${template}:output_ext`;
  return template;
}

/** The URL of the page at `file` (relative to the site's folder), given its front-matter permalink if any. */
export function pageUrl(file: string, permalink: unknown, style: string): string {
  const ext = outputExtension(file);
  const basename = path.posix.basename(file, path.posix.extname(file));
  const dir = path.posix.dirname(file) === "." ? "" : path.posix.dirname(file);
  let template: string;
  if (typeof permalink === "string" && permalink) template = permalink;
  else if (!HTML_EXTENSIONS.includes(ext)) template = "/:path/:basename:output_ext";
  else if (basename === "index") template = "/:path/";
  else template = withSuffix("/:path/:basename", style);
  const values: Record<string, string> = { path: dir, basename, output_ext: ext };
  const filled = template.replace(/:(path|basename|output_ext)/g, (_, name: string) => values[name]);
  return `/${filled}`
    .replaceAll("..", "/")
    .replaceAll("./", "")
    .replace(/\/{2,}/g, "/");
}

/** Page#destination: the file a page's URL is written to, relative to the output folder. */
export function pageOutputPath(url: string, ext: string): string {
  let file = url.split("/").map(decodeSegment).join("/").replace(/^\//, "");
  if (url.endsWith("/")) file += "index";
  return file.endsWith(ext) ? file : `${file}${ext}`;
}
