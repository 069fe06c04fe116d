import yaml from "js-yaml";
import { inputError, yamlErrorLine } from "../site/errors.ts";
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

const SCHEMA = yaml.DEFAULT_SCHEMA.extend({ implicit: [timestampType] });

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
