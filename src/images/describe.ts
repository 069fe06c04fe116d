import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { inputError, lineOfKey } from "../site/errors.ts";

/** A text alternative kept beside an image (`NAME.png.yml`), for images whose Markdown has none. */
export interface ImageDescription {
  /** What the image shows, for screen readers and when the image does not load. */
  alt?: string;
  /** Shown under the image to every reader, in a `<figcaption>`. */
  caption?: string;
}

/** The side file for an image, `assets/images/x.png` -> `assets/images/x.png.yml`. */
export function descriptionFile(imageFile: string): string {
  return `${imageFile}.yml`;
}

/** Reads `IMAGE.yml` if there is one; a file that is not `alt:`/`caption:` text stops the build naming it. */
export function readDescription(imageFile: string, root: string): ImageDescription {
  const file = descriptionFile(imageFile);
  if (!existsSync(file)) return {};
  const shown = path.relative(root, file);
  let text: string;
  let data: unknown;
  try {
    text = readFileSync(file, "utf8");
    data = yaml.load(text);
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    throw inputError(
      shown,
      mark?.line === undefined ? undefined : mark.line + 1,
      `is not valid YAML (${(error as Error).message.split("\n")[0]})`,
      'write two keys, e.g. alt: "What the image shows" and caption: "A sentence under it".',
    );
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== "object" || Array.isArray(data)) {
    throw inputError(
      shown,
      undefined,
      "is not a mapping of alt and caption",
      'write two keys, e.g. alt: "What the image shows" and caption: "A sentence under it".',
    );
  }
  const description: ImageDescription = {};
  for (const [key, value] of Object.entries(data)) {
    if (key !== "alt" && key !== "caption") {
      throw inputError(shown, lineOfKey(text, key), `has an unknown key "${key}"`, "use only alt and caption.");
    }
    if (typeof value !== "string" || value.trim() === "") {
      throw inputError(
        shown,
        lineOfKey(text, key),
        `"${key}" is not text`,
        `write ${key}: "some words", or remove the key.`,
      );
    }
    description[key] = value.trim();
  }
  return description;
}
