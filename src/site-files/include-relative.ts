// Jekyll's `{% include_relative file.md key="v" %}`: a file named from the including page's own folder (not
// `_includes/`), its parameters as `include.key`. As in Jekyll, the name may not climb out with `..`.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Context, Emitter, Hash, Liquid, TagToken } from "liquidjs";
import { includeArguments } from "../liquid/include.ts";
import { inputError } from "../site/errors.ts";
import { PAGES_FOLDER, projectPath } from "../site/paths.ts";
import { noteFileRead } from "../site/page-context.ts";

interface IncludeRelativeTag {
  file: string;
  hash: Hash;
}

/** The folder a page's relative includes are read from: its own, in pages/ (a site page) or posts/. */
function folderOf(context: Context, root: string): string {
  const sitePage = context.getSync(["sitePage"]) as { path?: string } | undefined;
  const page = context.getSync(["page"]) as { inputPath?: string } | undefined;
  const file = sitePage?.path ? `${PAGES_FOLDER}/${sitePage.path}` : projectPath(page?.inputPath ?? "");
  return path.join(root, path.posix.dirname(file));
}

export function includeRelativeTag(liquid: Liquid, root: string) {
  return {
    parse(this: IncludeRelativeTag, token: TagToken) {
      Object.assign(this, includeArguments(token));
    },
    *render(this: IncludeRelativeTag, context: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const name = this.file.includes("{{")
        ? String(yield liquid.parseAndRender(this.file, context.getAll()))
        : this.file;
      const page = context.getSync(["page"]) as { inputPath?: string } | undefined;
      const folder = folderOf(context, root);
      const file = path.join(folder, name);
      const shown = projectPath(path.relative(root, path.join(folder, "x"))).replace(/\/?x$/, "") || ".";
      if (name.split(/[\\/]/).includes("..") || !existsSync(file)) {
        throw inputError(
          projectPath(page?.inputPath ?? "a page"),
          undefined,
          `{% include_relative ${name} %} names no file in ${shown}/`,
          `create ${shown}/${name} beside the page (include_relative may not use ..), or use {% include %} for _includes/.`,
        );
      }
      const params = (yield this.hash.render(context)) as Record<string, unknown>;
      const text = readFileSync(file, "utf8");
      noteFileRead(projectPath(path.relative(root, file)), text);
      const templates = liquid.parse(text, file);
      context.push({ include: params });
      yield liquid.renderer.renderTemplates(templates, context, emitter);
      context.pop();
    },
  };
}
