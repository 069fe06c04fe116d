// Jekyll's `{% include file.html key="value" other=page.title %}`: the file from `_includes/`, its
// parameters as `include.key`. liquidjs has this as `jekyllInclude`, but that option also turns off quoted
// names for every partial (the layouts' `{% render "x.liquid" %}`), so the tag is defined here alone.
import { Hash } from "liquidjs";
import type { Context, Emitter, Liquid, TagToken, Template } from "liquidjs";
import { inputError, lineContaining } from "../site/errors.ts";
import { projectPath } from "../site/paths.ts";

interface IncludeTag {
  file: string;
  hash: Hash;
}

const FILE = /^\s*(\{\{[\s\S]*?\}\}|\S+)([\s\S]*)$/;

/** An include's file (a name, or Liquid that makes one) and its `key=value` parameters, as Jekyll reads them. */
export function includeArguments(token: TagToken): { file: string; hash: Hash } {
  const match = FILE.exec(token.args);
  if (!match) throw new Error(`tag ${token.getText()} names no file, line:${token.getPosition()[0]}, col:1`);
  return { file: match[1], hash: new Hash(match[2], true) };
}

export function includeTag(liquid: Liquid) {
  return {
    parse(this: IncludeTag, token: TagToken) {
      Object.assign(this, includeArguments(token));
    },
    *render(this: IncludeTag, context: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const file = this.file.includes("{{")
        ? String(yield liquid.parseAndRender(this.file, context.getAll()))
        : this.file;
      const params = (yield this.hash.render(context)) as Record<string, unknown>;
      let templates: Template[];
      try {
        templates = (yield liquid.parseFile(file)) as Template[];
      } catch {
        const page = context.getSync(["page"]) as { inputPath?: string } | undefined;
        const source = projectPath(page?.inputPath ?? "a post");
        throw inputError(
          source,
          lineContaining(source, "include", file),
          `{% include ${file} %} names no file in _includes/`,
          `create _includes/${file}, or use the name of a file that is there.`,
        );
      }
      context.push({ include: params });
      yield liquid.renderer.renderTemplates(templates, context, emitter);
      context.pop();
    },
  };
}
