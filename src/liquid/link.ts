// Jekyll's `{% link path %}`: the URL (with baseurl) of a post or file named by its path in the source,
// and a failed build when nothing is there, so a broken link never ships.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Context, TagToken } from "liquidjs";
import type { Post, SiteConfig } from "../types.ts";
import type { CollectionItem } from "../site/eleventy-config.ts";
import { relativeUrl } from "../site/urls.ts";
import { inputError, lineContaining } from "../site/errors.ts";
import { projectPath } from "../site/paths.ts";
import { postOfItem } from "../posts/index.ts";

interface LinkTag {
  target: string;
}

/** `_posts/2020-01-01-x.md` (Jekyll's folder) or `posts/...` (ours) names a post; anything else a file. */
export function findLink(target: string, posts: Post[], root: string): string | undefined {
  const postFile = target.replace(/^\/?_posts\//, "posts/").replace(/^\//, "");
  const post = posts.find((p) => p.file === postFile);
  if (post) return post.url;
  const file = target.replace(/^\//, "");
  if (file && !file.split("/").includes("..") && existsSync(path.join(root, file))) return `/${file}`;
  return undefined;
}

export function linkTag(site: SiteConfig, root: string) {
  return {
    parse(this: LinkTag, token: TagToken) {
      this.target = token.args.trim();
    },
    render(this: LinkTag, context: Context): string {
      const target = this.target;
      const collections = context.getSync(["collections"]) as { posts?: CollectionItem[] } | undefined;
      const posts = (collections?.posts ?? []).map(postOfItem);
      const url = findLink(target, posts, root);
      if (url !== undefined) return relativeUrl(site, url);
      const page = context.getSync(["page"]) as { inputPath?: string } | undefined;
      const file = projectPath(page?.inputPath ?? "a post");
      throw inputError(
        file,
        lineContaining(file, "link", target),
        `{% link ${target} %} names no post or file`,
        "give the path of an existing post (_posts/YYYY-MM-DD-title.md) or file (assets/...), as Jekyll's {% link %} needs.",
      );
    },
  };
}
