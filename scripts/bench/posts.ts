// The benchmark's posts: N copies of the seed article's body under varied titles, dates and categories,
// written as Jekyll posts (`YYYY-MM-DD-slug.md`), so every system builds the same text.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DateTime } from "luxon";
import { frontMatterLineCount } from "../../src/posts/front-matter.ts";

export interface BenchPost {
  /** File name, e.g. `2019-03-02-docker-notes-17.md`. */
  file: string;
  title: string;
  /** Front-matter date as Jekyll writes it: `2019-03-02 08:10:00 -0400`. */
  date: string;
  categories: string[];
  body: string;
}

const TOPICS = [
  "Docker",
  "Containers",
  "Virtual Machines",
  "Linux",
  "Networking",
  "Compose",
  "Images",
  "Kernels",
  "Volumes",
  "Hypervisors",
];
const FORMS = [
  "{t} Versus Virtual Machines",
  "Notes on {t}",
  "Why {t} Matter",
  "{t} in Practice",
  "A Field Guide to {t}",
  "{t}: Questions and Answers",
];
const CATEGORIES = ["docker", "linux", "devops", "virtualization", "networking", "storage", "security", "howto"];
const ZONES = ["-0400", "-0500", "+0000", "+0100", "+0530"];

/** The seed article's body, front matter removed. */
export function articleBody(seedFile: string): string {
  const text = readFileSync(seedFile, "utf8");
  return text.split("\n").slice(frontMatterLineCount(text)).join("\n");
}

/** `count` posts, deterministic: the same count gives the same files on every run and every system. */
export function makePosts(count: number, body: string): BenchPost[] {
  const newest = DateTime.fromISO("2026-06-30T08:10:00", { zone: "UTC" });
  return Array.from({ length: count }, (_, index) => {
    const topic = TOPICS[index % TOPICS.length];
    const title = `${FORMS[Math.floor(index / TOPICS.length) % FORMS.length].replace("{t}", topic)} #${index + 1}`;
    const zone = ZONES[index % ZONES.length];
    // A post every 11 hours going back from the newest: dates spread over years, several a day at times.
    const local = newest.minus({ hours: 11 * index }).setZone(`UTC${zone.slice(0, 3)}:${zone.slice(3)}`);
    const categories = [
      CATEGORIES[index % CATEGORIES.length],
      ...(index % 3 === 0 ? [CATEGORIES[(index * 5 + 1) % CATEGORIES.length]] : []),
    ];
    const slug = title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    return {
      file: `${local.toFormat("yyyy-MM-dd")}-${slug}.md`,
      title,
      date: `${local.toFormat("yyyy-MM-dd HH:mm:ss")} ${zone}`,
      categories: [...new Set(categories)],
      body,
    };
  });
}

/** The post as a Jekyll file: front matter, a blank line, the body. */
export function postText(post: BenchPost): string {
  return `---\ntitle: ${JSON.stringify(post.title)}\ndate: "${post.date}"\ncategories: ${post.categories.join(" ")}\n---\n\n${post.body}`;
}

export function writePosts(folder: string, posts: BenchPost[], text: (post: BenchPost) => string = postText): void {
  mkdirSync(folder, { recursive: true });
  for (const post of posts) writeFileSync(path.join(folder, post.file), text(post));
}
