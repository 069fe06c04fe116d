import type { LiquidScope, LiquidTagImpl, LiquidTagToken } from "../site/eleventy-config.ts";
import type { CollectionItem } from "../site/eleventy-config.ts";
import type { SiteConfig } from "../types.ts";
import { relativeUrl } from "../site/urls.ts";
import { inputError, lineContaining } from "../site/errors.ts";
import { projectPath } from "../site/paths.ts";
import { postOfItem } from "./post-of.ts";

/** `{% post_url 2020-02-21-docker-versus-virtual-machines %}`: a post's URL by its file name. */
export function postUrlTag(): LiquidTagImpl {
  return {
    parse(token: LiquidTagToken) {
      this.name = token.args.trim();
    },
    render(scope: LiquidScope) {
      const name = String(this.name);
      const env = scope.environments as {
        collections?: { posts?: CollectionItem[] };
        page?: { inputPath: string };
        site?: SiteConfig;
      };
      const posts = env.collections?.posts ?? [];
      const found = posts.map(postOfItem).find((post) => matches(post.file, name));
      // Jekyll 4 puts `baseurl` in front (checked against Jekyll 4.3.1).
      if (found) return env.site ? relativeUrl(env.site, found.url) : found.url;
      const file = projectPath(env.page?.inputPath ?? "a post");
      throw inputError(
        file,
        lineContaining(file, "post_url", name),
        `{% post_url ${name} %} names no post`,
        `use the file name of an existing post without extension, e.g. {% post_url ${posts[0] ? baseName(postOfItem(posts[0]).file) : "2020-02-21-title"} %}.`,
      );
    },
  };
}

function baseName(file: string): string {
  return file.replace(/^posts\//, "").replace(/\.[^.]+$/, "");
}

// Jekyll matches the name against the post's path below _posts, or its base name alone.
function matches(file: string, name: string): boolean {
  const stem = baseName(file);
  return stem === name || stem.split("/").pop() === name;
}
