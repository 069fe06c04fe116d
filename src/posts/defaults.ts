// Jekyll's front matter `defaults` (FrontmatterDefaults#all) for posts: the value sets of `_config.yml`
// whose scope matches the post, merged under the post's own front matter. They can set a post's
// permalink, categories or slug, so URLs depend on them.
import picomatch from "picomatch";
import type { SiteConfig } from "../types.ts";

type Values = Record<string, unknown>;
interface Scope {
  path?: unknown;
  type?: unknown;
}
interface DefaultSet {
  scope?: Scope;
  values: Values;
}

/** The post's front matter with the site's `defaults` under it, as Jekyll merges them. */
export function withDefaults(frontMatter: Values, jekyllPath: string, site: SiteConfig): Values {
  const defaults = defaultsFor(jekyllPath, site.defaults);
  if (Object.keys(defaults).length === 0) return frontMatter;
  const merged: Values = { ...defaults, ...frontMatter };
  // Document#merge_categories!: front-matter categories are added to the defaults', not put in their place.
  if (
    defaults.categories !== undefined &&
    defaults.categories !== null &&
    frontMatter.categories !== undefined &&
    frontMatter.categories !== null
  ) {
    const union: unknown[] = [];
    for (const value of [...asList(defaults.categories), ...asList(frontMatter.categories)])
      if (!union.includes(value)) union.push(value);
    merged.categories = union;
  }
  return merged;
}

/** The values of every matching set, the more specific scope winning (FrontmatterDefaults#all). */
export function defaultsFor(jekyllPath: string, sets: unknown, type: "posts" | "pages" = "posts"): Values {
  if (!Array.isArray(sets)) return {};
  let defaults: Values = {};
  let oldScope: Scope | undefined;
  let first = true;
  for (const set of sets.filter(isDefaultSet)) {
    if (set.scope && !applies(set.scope, jekyllPath, type)) continue;
    if (first || hasPrecedence(oldScope, set.scope)) {
      defaults = deepMerge(defaults, set.values);
      oldScope = set.scope;
    } else {
      defaults = deepMerge(set.values, defaults);
    }
    first = false;
  }
  return defaults;
}

function isDefaultSet(set: unknown): set is DefaultSet {
  return typeof set === "object" && set !== null && isHash((set as DefaultSet).values);
}

// Posts and drafts are both in the `posts` collection; pages are type `pages` (or `page`).
function applies(scope: Scope, jekyllPath: string, type: "posts" | "pages"): boolean {
  const types = type === "pages" ? ["pages", "page"] : ["posts", "post", "drafts", "draft"];
  if (scope.type !== undefined && !types.includes(String(scope.type))) return false;
  if (["drafts", "draft"].includes(String(scope.type)) && !jekyllPath.startsWith("_drafts/")) return false;
  if (typeof scope.path !== "string" || scope.path === "") return true;
  if (scope.path.includes("*")) return globApplies(scope.path, jekyllPath);
  return jekyllPath.startsWith(sanitize(scope.path));
}

const globs = new Map<string, (path: string) => boolean>();

// A scope path with a `*` is globbed (Dir.glob, from the site's folder) and the set applies to what is at or
// below a path found: the post, or one of its folders. Ruby's glob: `*`, `?` and `[...]` (`[!...]` too, hence
// picomatch's `posix`) stop at `/` and skip a leading dot, `**/` crosses folders, `{a,b}` is either, a trailing
// `/` finds folders only; no extglobs, no `!` negation. A glob starting with `/` searches from the disk's root
// and finds no post. A scope path without `*` is a text prefix, `?` and `[` included. (Jekyll compares what its
// glob found as text too, so a found `_posts/sub` also covers `_posts/subway/x.md`: that needs the folder's
// listing and is not done here.)
function globApplies(glob: string, jekyllPath: string): boolean {
  if (glob.startsWith("/")) return false;
  let found = globs.get(glob);
  if (!found) {
    found = picomatch(glob, { posix: true, noextglob: true, nonegate: true });
    globs.set(glob, found);
  }
  if (found(jekyllPath)) return true;
  const parts = jekyllPath.split("/");
  for (let end = 1; end < parts.length; end++) {
    const folder = parts.slice(0, end).join("/");
    if (found(folder) || found(`${folder}/`)) return true;
  }
  return false;
}

function hasPrecedence(oldScope: Scope | undefined, newScope: Scope | undefined): boolean {
  if (!oldScope) return true;
  const newPath = sanitize(newScope?.path);
  const oldPath = sanitize(oldScope.path);
  if (newPath.length !== oldPath.length) return newPath.length >= oldPath.length;
  if (newScope && newScope.type !== undefined) return true;
  return oldScope.type === undefined;
}

function sanitize(path: unknown): string {
  if (typeof path !== "string" || path === "") return "";
  return path.startsWith("/") ? path.replace(/^\//, "") : path;
}

function deepMerge(target: Values, overwrite: Values): Values {
  const result: Values = { ...target };
  for (const [key, value] of Object.entries(overwrite)) {
    result[key] = isHash(result[key]) && isHash(value) ? deepMerge(result[key] as Values, value) : value;
  }
  return result;
}

function isHash(value: unknown): value is Values {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === "string") return value.split(/\s+/).filter(Boolean);
  return [value];
}
