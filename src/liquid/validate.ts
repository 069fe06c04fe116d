// Checks a post's Liquid before Eleventy compiles it, so an unknown or unclosed tag stops the build with
// the file, the line and the tag, instead of a compiler stack trace.
import { Liquid } from "liquidjs";
import type { TagToken, TopLevelToken } from "liquidjs";

type TagDefinition = Parameters<Liquid["registerTag"]>[1];

export interface LiquidNames {
  tags: string[];
  pairedTags: string[];
  filters: string[];
}

export interface LiquidProblem {
  /** 1-based line in the checked text. */
  line?: number;
  problem: string;
  fix: string;
}

const JEKYLL_TAGS = "highlight, raw, include, link, post_url, if, for, assign, capture, comment";

/** A Liquid parser that knows the tag and filter names the build registers, and nothing else. */
export function createValidator(names: LiquidNames, blockTags: Record<string, (liquid: Liquid) => object>): Liquid {
  const liquid = new Liquid({ jekyllInclude: true, strictFilters: true });
  // Tags with a body parse as they do in the build, so their end tags are found.
  for (const [name, factory] of Object.entries(blockTags)) liquid.registerTag(name, factory(liquid) as TagDefinition);
  for (const name of names.tags) if (!(name in liquid.tags)) liquid.registerTag(name, { parse() {}, render: () => "" });
  for (const name of names.pairedTags) {
    if (name in liquid.tags) continue;
    liquid.registerTag(name, {
      parse(token: TagToken, remaining: TopLevelToken[]) {
        const stream = liquid.parser.parseStream(remaining);
        stream
          .on(`tag:end${name}`, () => stream.stop())
          .on("template", () => {})
          .on("end", () => {
            throw new Error(`tag ${token.getText()} not closed`);
          });
        stream.start();
      },
      render: () => "",
    });
  }
  for (const name of names.filters)
    if (!(name in liquid.filters)) liquid.registerFilter(name, (value: unknown) => value);
  return liquid;
}

/** The first problem Liquid finds in `text`, if any. */
export function checkLiquid(validator: Liquid, text: string): LiquidProblem | undefined {
  try {
    validator.parse(text);
    return undefined;
  } catch (error) {
    return describe(error);
  }
}

function describe(error: unknown): LiquidProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = /line:(\d+), col:(\d+)/.exec(message);
  const line = position ? Number(position[1]) : undefined;
  const text = message.replace(/,?\s*line:\d+, col:\d+[\s\S]*$/, "").trim();
  let match: RegExpExecArray | null;
  if ((match = /^tag "([^"]+)" not found/.exec(text))) {
    return {
      line,
      problem: `unknown Liquid tag {% ${match[1]} %}`,
      fix: `use a tag Jekyll knows (${JEKYLL_TAGS}), or wrap literal {% %} text in {% raw %}...{% endraw %}.`,
    };
  }
  if ((match = /^tag (\{%[\s\S]*?%\}) not closed/.exec(text))) {
    const name = /^\{%-?\s*(\w+)/.exec(match[1])?.[1] ?? "tag";
    return {
      line,
      problem: `Liquid tag ${match[1]} is never closed`,
      fix: `add {% end${name} %} where the ${name} block ends.`,
    };
  }
  if (
    (match = /^tag "(\{%[\s\S]*?)" not closed/.exec(text)) ||
    (match = /^output "(\{\{[\s\S]*?)" not closed/.exec(text))
  ) {
    const closer = match[1].startsWith("{{") ? "}}" : "%}";
    return {
      line,
      problem: `Liquid ${closer === "}}" ? "output" : "tag"} ${match[1].split(/\\n|\n/)[0].trim()} is not closed with ${closer}`,
      fix: `close it with ${closer}, or wrap literal braces in {% raw %}...{% endraw %}.`,
    };
  }
  if ((match = /^undefined filter: (\S+)/.exec(text))) {
    return {
      line,
      problem: `unknown Liquid filter "${match[1]}"`,
      fix: "use a filter Jekyll knows (relative_url, absolute_url, date_to_string, xml_escape, markdownify, slugify, jsonify, where, sort, ...).",
    };
  }
  return {
    line,
    problem: `Liquid cannot read this: ${text}`,
    fix: "fix the Liquid syntax at that line, or wrap literal braces in {% raw %}...{% endraw %}.",
  };
}
