// `npm run new` and `npm run publish`, as jekyll-compose's `jekyll post`, `jekyll draft` and `jekyll publish`:
// the file name from the title (Jekyll's slugify, default mode), Jekyll's front matter, and the URL the
// post will have, worked out as the build works it out.
import { DateTime } from "luxon";
import type { SiteConfig } from "../types.ts";
import { slugify } from "../site/slugify.ts";
import { readPostFileName, DRAFTS_FOLDER } from "../posts/filename.ts";
import { parseFrontMatter, splitFrontMatter } from "../posts/front-matter.ts";
import { parseFrontMatterDate } from "../posts/date.ts";
import { withDefaults } from "../posts/defaults.ts";
import { buildPost } from "../posts/post.ts";

export interface NewPost {
  title: string;
  categories?: string[];
  tags?: string[];
  draft?: boolean;
}

/** A file to write: its path from the project root, its text, and the post's URL (without baseurl). */
export interface PlannedFile {
  file: string;
  text: string;
  url: string;
}

/** Longest file-name slug: a whole title can run past what file systems and readers' URL bars hold. */
export const MAX_SLUG = 60;

/** The title on one line, white space folded (a line break would end the YAML value). */
export function cleanTitle(title: string): string {
  return title.replace(/[\s\p{Cc}\p{Zl}\p{Zp}]+/gu, " ").trim();
}

/** The file-name slug for a title, shortened at a word to MAX_SLUG; an Error when nothing of it is left. */
export function slugForTitle(title: string): string {
  const slug = slugify(cleanTitle(title));
  if (!slug) {
    throw new Error(
      `The title "${cleanTitle(title)}" has no letter or digit to name the file with.\n` +
        '  Fix: give a title with words in it, e.g. npm run new -- "Notes on Docker"',
    );
  }
  if ([...slug].length <= MAX_SLUG) return slug;
  const cut = [...slug].slice(0, MAX_SLUG + 1).join("");
  const word = cut.lastIndexOf("-");
  return word > 0 ? cut.slice(0, word) : [...slug].slice(0, MAX_SLUG).join("");
}

/** Jekyll's date format with the offset, in the site's timezone: `2024-03-10 08:34:56 -0400`. */
export function jekyllDate(now: DateTime, site: SiteConfig): string {
  return now.setZone(site.timezone).toFormat("yyyy-MM-dd HH:mm:ss ZZZ");
}

/** A YAML flow list, each item quoted unless it is a plain word. */
function yamlList(items: string[]): string {
  return `[${items.map((item) => (/^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u.test(item) ? item : JSON.stringify(item))).join(", ")}]`;
}

/** The new post or draft: `posts/YYYY-MM-DD-slug.md` (today in the site's timezone) or `posts/_drafts/slug.md`. */
export function planNewPost(post: NewPost, site: SiteConfig, now: DateTime): PlannedFile {
  const title = cleanTitle(post.title);
  const slug = slugForTitle(title);
  const day = now.setZone(site.timezone).toFormat("yyyy-MM-dd");
  const file = post.draft ? `posts/${DRAFTS_FOLDER}/${slug}.md` : `posts/${day}-${slug}.md`;
  // JSON's double-quoted strings are YAML's: any title reads back as written.
  const lines = ["---", "layout: post", `title: ${JSON.stringify(title)}`];
  // A draft takes its date when published, as jekyll-compose's drafts do.
  if (!post.draft) lines.push(`date: "${jekyllDate(now, site)}"`);
  lines.push(`categories: ${yamlList(post.categories ?? [])}`);
  if (post.tags?.length) lines.push(`tags: ${yamlList(post.tags)}`);
  lines.push("---", "", "");
  const text = lines.join("\n");
  return { file, text, url: urlOf(file, text, site, now) };
}

/** The draft as a post dated now: `posts/YYYY-MM-DD-slug.md`, its `date` set (or added) in its front matter. */
export function planPublish(draftFile: string, draftText: string, site: SiteConfig, now: DateTime): PlannedFile {
  const source = readPostFileName(draftFile);
  if (!source?.draft || !draftFile.startsWith(`posts/${DRAFTS_FOLDER}/`)) {
    throw new Error(
      `${draftFile} is not a draft.\n  Fix: give a file in posts/${DRAFTS_FOLDER}/, e.g. npm run publish -- posts/${DRAFTS_FOLDER}/my-title.md`,
    );
  }
  const day = now.setZone(site.timezone).toFormat("yyyy-MM-dd");
  const file = `posts/${day}-${source.fileSlug}${source.ext}`;
  const text = withDate(draftText.replace(/\r\n/g, "\n"), `date: "${jekyllDate(now, site)}"`);
  return { file, text, url: urlOf(file, text, site, now) };
}

/** The text with its front matter's `date` line replaced, or added after the title (a front matter made if none). */
function withDate(text: string, dateLine: string): string {
  // The block as Jekyll finds it; what follows its closing line is kept byte for byte.
  const block = /^---[ \t]*\n([\s\S]*?)^(---|\.\.\.)[ \t]*$/m.exec(text);
  if (!block || block.index !== 0) return `---\n${dateLine}\n---\n\n${text}`;
  const lines = block[1] ? block[1].replace(/\n$/, "").split("\n") : [];
  const at = lines.findIndex((line) => /^date\s*:/.test(line));
  if (at >= 0) lines[at] = dateLine;
  else {
    const title = lines.findIndex((line) => /^title\s*:/.test(line));
    lines.splice(title >= 0 ? title + 1 : lines.length, 0, dateLine);
  }
  return `---\n${lines.join("\n")}\n${block[2]}${text.slice(block[0].length)}`;
}

/** The URL the build gives the file with this text (a draft is dated by its file's time, i.e. now). */
function urlOf(file: string, text: string, site: SiteConfig, now: DateTime): string {
  const source = readPostFileName(file);
  if (!source) throw new Error(`${file} is not a post file name.`);
  const jekyllPath = file.replace(/^posts\/_drafts\//, "_drafts/").replace(/^posts\//, "_posts/");
  const data = withDefaults(parseFrontMatter(splitFrontMatter(text).yaml, { filePath: file }), jekyllPath, site);
  const parsed = data.date === undefined ? undefined : parseFrontMatterDate(data.date, site.timezone);
  const date = parsed?.ok ? parsed.date : now.setZone(site.timezone);
  return buildPost(source, data, text, date, site).url;
}
