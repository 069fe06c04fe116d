import { existsSync, realpathSync, statSync } from "node:fs";
import { isInsideFolder } from "../site/output-folder.ts";
import path from "node:path";
import { inputError } from "../site/errors.ts";
import { decodeSegment } from "../site/urls.ts";
import { PAGES_FOLDER } from "../site/paths.ts";

/** What an `<img src>` points to, read the way a browser reads it from the page's URL. */
export type ImageReference =
  /** http(s), protocol-relative or data: — not ours to touch. */
  | { kind: "remote" }
  /** A file of the project: `file` is absolute, `urlPath` the site path without baseurl. */
  | { kind: "local"; file: string; urlPath: string }
  /** Climbs above the site root, leaves the project through a link, or uses a scheme like file:. */
  | { kind: "outside"; reason: string };

export interface ResolveContext {
  /** The project folder: the site's `/` is this folder (assets/ is copied to /assets/). */
  root: string;
  /** The page's URL without baseurl (`/docker/2020/02/21/x.html`): relative sources resolve from it. */
  pageUrl: string;
  baseurl: string;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function resolveImageSource(src: string, { root, pageUrl, baseurl }: ResolveContext): ImageReference {
  const value = src.trim();
  if (value.startsWith("//") || /^(https?|data):/i.test(value)) return { kind: "remote" };
  if (SCHEME.test(value))
    return { kind: "outside", reason: `the "${value.split(":")[0]}:" scheme reads files outside the site` };

  const written = value.replace(/[?#].*$/, "");
  const absolute = written.startsWith("/");
  const urlPath = absolute ? stripBaseurl(written, baseurl) : written;
  // A relative source resolves from the page's folder, as the browser (and so Jekyll) would resolve it.
  const segments = absolute ? [] : pageUrl.split("/").slice(1, -1).filter(Boolean).map(decodeSegment);
  for (const raw of urlPath.split("/")) {
    const segment = decodeSegment(raw);
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      // A browser would silently stop at the root; a reference that tries to go higher is a mistake or an attack.
      if (segments.length === 0) return { kind: "outside", reason: "it climbs above the site's root folder" };
      segments.pop();
      continue;
    }
    if (/[\\/\0]/.test(segment)) return { kind: "outside", reason: "an encoded path separator in a file name" };
    segments.push(segment);
  }
  // A static file of the site's own folder (pages/) is served at the same path.
  const inProject = path.join(root, ...segments);
  const inPages = path.join(root, PAGES_FOLDER, ...segments);
  const file = !existsSync(inProject) && existsSync(inPages) ? inPages : inProject;
  if (existsSync(file) && !isInsideFolder(realpathSync(root), realpathSync(file))) {
    return { kind: "outside", reason: "a symbolic link leads out of the project" };
  }
  return { kind: "local", file, urlPath: `/${segments.join("/")}` };
}

function stripBaseurl(urlPath: string, baseurl: string): string {
  const prefix = baseurl.replace(/\/+$/, "");
  if (prefix && (urlPath === prefix || urlPath.startsWith(`${prefix}/`))) return urlPath.slice(prefix.length) || "/";
  return urlPath;
}

/** Where a reference was written, for the error that names it. */
export interface ReferenceSite {
  /** The file to name (`posts/x.md`, `_config.yml`), relative to the project. */
  file: string;
  /** The line, or how to find it: looked up only when there is an error to report. */
  line?: number | (() => number | undefined);
}

/** A local image that exists: `shown` is its path from the project folder, for messages. */
export type LocalImage = { kind: "local"; file: string; urlPath: string; shown: string };

/**
 * A reference to an image that must be an existing file of the project: stops the build with what to change
 * when it is outside the project or missing. Remote images come back as `remote`, to be left alone.
 */
export function requireLocalImage(
  src: string,
  context: ResolveContext,
  site: ReferenceSite,
): { kind: "remote" } | LocalImage {
  const ref = resolveImageSource(src, context);
  if (ref.kind === "remote") return ref;
  const line = () => (typeof site.line === "function" ? site.line() : site.line);
  if (ref.kind === "outside") {
    throw inputError(
      site.file,
      line(),
      `the image "${src}" is refused: ${ref.reason}`,
      "keep images inside the project (e.g. assets/images/NAME.png) and write /assets/images/NAME.png.",
    );
  }
  const shown = path.relative(context.root, ref.file);
  if (!existsSync(ref.file) || !statSync(ref.file).isFile()) {
    throw inputError(
      site.file,
      line(),
      `the image "${src}" does not exist (looked for ${shown})`,
      `add the file ${shown}, or correct the path in the reference.`,
    );
  }
  return { ...ref, shown };
}
