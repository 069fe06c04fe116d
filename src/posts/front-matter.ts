import yaml from "js-yaml";
import { inputError, lineOfKey, yamlErrorLine } from "../site/errors.ts";
import { projectPath } from "../site/paths.ts";

/**
 * An unquoted YAML timestamp, kept as written: Jekyll (Ruby's YAML) reads `2020-05-03` as local time but
 * `2020-05-04 23:59:59` as UTC, and js-yaml's Date would lose that difference.
 */
export interface YamlTimestamp {
  yamlTimestamp: string;
}

export function isYamlTimestamp(value: unknown): value is YamlTimestamp {
  return typeof value === "object" && value !== null && "yamlTimestamp" in value;
}

// The YAML 1.1 timestamp pattern js-yaml and Ruby's Psych both use.
const TIMESTAMP =
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)$/;

const timestampType = new yaml.Type("tag:yaml.org,2002:timestamp", {
  kind: "scalar",
  resolve: (data: unknown) => typeof data === "string" && TIMESTAMP.test(data),
  construct: (data: string): YamlTimestamp => ({ yamlTimestamp: data }),
  instanceOf: Object,
  represent: (value: object) => (value as YamlTimestamp).yamlTimestamp,
});

// Numbers as Psych (YAML 1.1) reads them, which Jekyll turns back into text for a date: `070655` is octal,
// `050129` (not octal) stays a string, `1:30` is sexagesimal, commas and underscores are dropped.
const SEXAGESIMAL_INT = /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}$/;
const SEXAGESIMAL_FLOAT = /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2}\.[0-9_]*$/;
const FLOAT = /^(?:[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INTEGER = /^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$/;

function sexagesimal(text: string): number {
  const parts = text.split(":");
  return parts.reduce((sum, part, i) => sum + Number.parseFloat(part.replaceAll("_", "")) * 60 ** Math.abs(i - 2), 0);
}

const intType = new yaml.Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (data: unknown) => typeof data === "string" && (SEXAGESIMAL_INT.test(data) || INTEGER.test(data)),
  construct: (data: string): number => {
    if (SEXAGESIMAL_INT.test(data)) return sexagesimal(data.replace(/\.[0-9_]*$/, ""));
    const digits = data.replace(/[,_]/g, "");
    const sign = digits.startsWith("-") ? -1 : 1;
    const body = digits.replace(/^[-+]/, "");
    if (body.startsWith("0b")) return sign * Number.parseInt(body.slice(2), 2);
    if (body.startsWith("0x")) return sign * Number.parseInt(body.slice(2), 16);
    if (body.length > 1 && body.startsWith("0")) return sign * Number.parseInt(body.slice(1), 8);
    return sign * Number.parseInt(body, 10) || 0;
  },
  predicate: (value: unknown) => Number.isInteger(value),
  represent: (value: object) => String(value),
});

const floatType = new yaml.Type("tag:yaml.org,2002:float", {
  kind: "scalar",
  resolve: (data: unknown) =>
    typeof data === "string" && (SEXAGESIMAL_FLOAT.test(data) || (FLOAT.test(data) && !/^[-+]?\.$/.test(data))),
  construct: (data: string): number => {
    if (SEXAGESIMAL_FLOAT.test(data)) return sexagesimal(data);
    if (/^\+?\.inf$/i.test(data)) return Infinity;
    if (/^-\.inf$/i.test(data)) return -Infinity;
    if (/^\.nan$/i.test(data)) return NaN;
    return Number(data.replace(/[,_]/g, "").replace(/\.([Ee]|$)/, "$1"));
  },
  predicate: (value: unknown) => typeof value === "number" && !Number.isInteger(value),
  represent: (value: object) => String(value),
});

// Each replaces js-yaml's type of the same tag where it stands in the resolving order.
const SCHEMA = yaml.DEFAULT_SCHEMA.extend({ implicit: [intType, floatType, timestampType] });

/** Front-matter engine for Eleventy: YAML as Jekyll reads it, with errors that name the file and line. */
export function parseFrontMatter(text: string, options?: { filePath?: string }): Record<string, unknown> {
  const file = projectPath(options?.filePath ?? "a post");
  try {
    const data = yaml.load(text, { schema: SCHEMA, filename: file });
    if (data === null || data === undefined) return {};
    if (typeof data !== "object" || Array.isArray(data)) {
      throw inputError(
        file,
        2,
        "front matter is not a list of `key: value` lines",
        "write front matter as `key: value` lines between the two `---` lines.",
      );
    }
    const oversized = keyOverNodeLimit(data as Record<string, unknown>);
    if (oversized !== undefined) {
      const line = lineOfKey(text.replace(/^\r?\n/, ""), oversized.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
      throw inputError(
        file,
        line === undefined ? undefined : line + 1,
        `front matter holds more than ${MAX_NODES.toLocaleString("en-US")} values once its aliases (*name) are expanded, from \`${oversized}\` on`,
        "write the values out instead of nesting aliases of aliases.",
      );
    }
    return data as Record<string, unknown>;
  } catch (error) {
    if (error instanceof yaml.YAMLException) {
      // Eleventy hands over the text right after the opening `---` (its line break included); a bare
      // YAML string starts on the file's second line.
      const line = yamlErrorLine(text, error, text.startsWith("\n") || text.startsWith("\r\n") ? 1 : 2);
      throw inputError(
        file,
        line,
        `front matter is not valid YAML: ${error.reason}`,
        "check that line's indentation, colons and quotes (quote values that contain `: ` or start with a special character).",
      );
    }
    throw error;
  }
}

/**
 * A YAML alias is the same object again, so nine aliases of nine aliases... cost nothing to read, but
 * everything downstream (categories, tags, Eleventy's data cascade) walks them as copies: 9^8 values from a
 * few lines. Far more than any front matter holds.
 */
const MAX_NODES = 100_000;

/** The first top-level key at which the values, counted as if every alias were a copy, pass MAX_NODES. */
function keyOverNodeLimit(data: Record<string, unknown>): string | undefined {
  // Each object's expanded size is worked out once, so the count is linear in what the YAML holds.
  const sizes = new Map<object, number>();
  const sizeOf = (value: unknown): number => {
    if (typeof value !== "object" || value === null) return 1;
    const known = sizes.get(value);
    if (known !== undefined) return known;
    sizes.set(value, Infinity);
    let size = 1;
    for (const child of Object.values(value)) {
      size += sizeOf(child);
      if (size > MAX_NODES) break;
    }
    sizes.set(value, size);
    return size;
  };
  let total = 0;
  for (const [key, value] of Object.entries(data)) {
    total += 1 + sizeOf(value);
    if (total > MAX_NODES) return key;
  }
  return undefined;
}

// Jekyll's front matter block: content starts right after the closing `---` (or `...`) line.
const FRONT_MATTER = /^---\s*\n([\s\S]*?\n?)^(?:---|\.\.\.)\s*$\n?/m;

/** A post file split as Jekyll splits it: the YAML text and the body after it. */
export function splitFrontMatter(fileText: string): { yaml: string; body: string } {
  const text = fileText.replace(/\r\n/g, "\n");
  const match = text.startsWith("---") ? FRONT_MATTER.exec(text) : null;
  if (!match || match.index !== 0) return { yaml: "", body: text };
  return { yaml: match[1], body: text.slice(match[0].length) };
}

// The same block, with where each group ends.
const FRONT_MATTER_INDICES = new RegExp(FRONT_MATTER.source, "md");

/**
 * How many lines of a post file the front matter block takes, its two fences included (0 without one): the first
 * line of the text Eleventy hands a template is the next one. (Jekyll's body also drops the blank lines after the
 * closing fence; Eleventy's keeps them.)
 */
export function frontMatterLineCount(fileText: string): number {
  const text = fileText.replace(/\r\n/g, "\n");
  const match = text.startsWith("---") ? FRONT_MATTER_INDICES.exec(text) : null;
  const yamlEnd = match?.index === 0 ? match.indices?.[1]?.[1] : undefined;
  return yamlEnd === undefined ? 0 : text.slice(0, yamlEnd).split("\n").length;
}
