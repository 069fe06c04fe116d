// Jekyll's front matter `defaults` (FrontmatterDefaults#all) for posts: the value sets of `_config.yml`
// whose scope matches the post, merged under the post's own front matter. They can set a post's
// permalink, categories or slug, so URLs depend on them.
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
export function defaultsFor(jekyllPath: string, sets: unknown): Values {
  if (!Array.isArray(sets)) return {};
  let defaults: Values = {};
  let oldScope: Scope | undefined;
  let first = true;
  for (const set of sets.filter(isDefaultSet)) {
    if (set.scope && !applies(set.scope, jekyllPath)) continue;
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

// Posts and drafts are both in the `posts` collection.
function applies(scope: Scope, jekyllPath: string): boolean {
  if (scope.type !== undefined && !["posts", "post", "drafts", "draft"].includes(String(scope.type))) return false;
  if (["drafts", "draft"].includes(String(scope.type)) && !jekyllPath.startsWith("_drafts/")) return false;
  if (typeof scope.path !== "string" || scope.path === "") return true;
  const scopePath = sanitize(scope.path);
  if (scopePath.includes("*")) return globPrefix(scopePath).test(jekyllPath);
  return jekyllPath.startsWith(scopePath);
}

// A glob scope (`_posts/*/2020-*`) matches the files it names or anything below them.
function globPrefix(glob: string): RegExp {
  const pattern = glob
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join("[^/]*");
  return new RegExp(`^${pattern}`);
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
