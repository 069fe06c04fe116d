// Which posts' pages a build can keep from the last one, and why it keeps none. A post's page is kept when the
// post's file, what every post shows of the others (their summaries), the site's other inputs and the
// page's files in `_site/` are all as the last build left them, and no post whose body it showed, nor any file
// it read with `include_relative`, has changed.
// Every other page (home, archives, feed, sitemap, the site's pages) is rendered on every build.
import type { RebuildManifest, WrittenPost } from "./manifest.ts";
import type { FileStamp } from "../site/file-stamps.ts";

/** A post of this build, as its manifest entry will record it. */
export interface PostState {
  inputPath: string;
  source: string;
  summary: string;
}

export interface RebuildPlan {
  /** Posts whose pages are taken from the last build, with what it recorded of them. */
  kept: Map<string, WrittenPost>;
  /** Why no page can be kept, when none can. */
  renderAll?: string;
}

const renderAll = (why: string): RebuildPlan => ({ kept: new Map(), renderAll: why });

export function planRebuild(
  previous: RebuildManifest | undefined,
  now: { output: string; site: string; posts: PostState[] },
  isIntact: (stamp: FileStamp | undefined) => boolean,
  hashOf: (file: string) => string,
): RebuildPlan {
  if (!previous) return renderAll("no manifest of the last build");
  if (previous.output !== now.output) return renderAll("another output folder");
  if (previous.site !== now.site) return renderAll("the site's other inputs changed");
  const before = previous.posts;
  if (now.posts.length !== Object.keys(before).length || now.posts.some((post) => !before[post.inputPath]))
    return renderAll("posts were added or removed");
  if (now.posts.some((post) => before[post.inputPath].summary !== post.summary))
    return renderAll("a post's front matter, date, URL or excerpt changed");

  const changed = new Set(
    now.posts.filter((post) => before[post.inputPath].source !== post.source).map((p) => p.inputPath),
  );
  const kept = new Map<string, WrittenPost>();
  for (const { inputPath } of now.posts) {
    const last = before[inputPath];
    if (changed.has(inputPath) || last.bodiesRead.some((read) => changed.has(read))) continue;
    if (Object.entries(last.filesRead).some(([file, hash]) => hashOf(file) !== hash)) continue;
    if ([...last.pages, ...last.files].every((file) => isIntact(previous.stamps[file]))) kept.set(inputPath, last);
  }
  return { kept };
}
