// `_data/` as Jekyll's DataReader reads it into `site.data`: YAML, JSON, CSV and TSV files (CSV and TSV as a
// list of rows keyed by the header line), each under its file name, folders as nested keys.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { inputError } from "../site/errors.ts";

export type SiteData = Record<string, unknown>;

/** Rows of a CSV or TSV text (RFC 4180 quoting), as Ruby's CSV reads them. */
export function parseDelimited(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === separator) {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length) rows.push([...row, field]);
  return rows;
}

function table(text: string, separator: string): Record<string, string | null>[] {
  const [header = [], ...rows] = parseDelimited(text, separator);
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? null])));
}

// DataReader#sanitize_filename.
function keyOf(name: string): string {
  return name.replace(/[^\w\s-]+|(?<=^|\b\s)\s+(?=$|\s?\b)/g, "").replace(/\s+/g, "_");
}

function readDataFile(file: string, shown: string): unknown {
  const text = readFileSync(file, "utf8");
  const ext = path.extname(file).toLowerCase();
  try {
    if (ext === ".csv") return table(text, ",");
    if (ext === ".tsv") return table(text, "\t");
    if (ext === ".json") return JSON.parse(text);
    return yaml.load(text, { filename: shown, schema: DATA_SCHEMA }) ?? null;
  } catch (error) {
    throw inputError(
      shown,
      undefined,
      `not valid ${ext.slice(1).toUpperCase()}: ${(error as Error).message.split("\n")[0]}`,
      "correct the file, or move it out of _data/.",
    );
  }
}

// YAML 1.2's floats (js-yaml's pattern) that are written as floats: with a point, an exponent, .inf or .nan.
const FLOAT =
  /^(?:[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+|[-+]?[0-9][0-9_]*\.[0-9_]*|[-+]?\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
// Ruby prints a YAML float as a float (`26.0`, not `26`): a whole float keeps its `.0` when shown.
const floatType = new yaml.Type("tag:yaml.org,2002:float", {
  kind: "scalar",
  resolve: (data: unknown) => typeof data === "string" && FLOAT.test(data) && !data.endsWith("_"),
  construct: (data: string) => {
    const text = data.replace(/_/g, "").toLowerCase();
    const value = text.endsWith(".inf")
      ? text.startsWith("-")
        ? -Infinity
        : Infinity
      : text === ".nan"
        ? NaN
        : Number(text);
    if (!Number.isInteger(value)) return value;
    const shown = Object(value) as number & { toString(): string };
    Object.defineProperty(shown, "toString", { value: () => `${value}.0` });
    return shown;
  },
  predicate: (value: unknown) => value instanceof Number,
  represent: (value: object) => String(value),
});
const DATA_SCHEMA = yaml.DEFAULT_SCHEMA.extend({ implicit: [floatType] });

const DATA_FILE = /\.(ya?ml|json|csv|tsv)$/i;

/** `site.data` from a `_data` folder (empty when there is none). */
export function readSiteData(folder: string, shownAs = "_data"): SiteData {
  const data: SiteData = {};
  if (!existsSync(folder)) return data;
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(folder, entry.name);
    const shown = `${shownAs}/${entry.name}`;
    if (entry.isDirectory()) data[keyOf(entry.name)] = readSiteData(full, shown);
    else if (DATA_FILE.test(entry.name)) data[keyOf(entry.name.replace(/\.[^.]+$/, ""))] = readDataFile(full, shown);
  }
  return data;
}
