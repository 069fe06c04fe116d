// What a post is made of, in two hashes: its body, and its summary, what other pages can show of it
// without its body (every data key: front matter, URL, date, title, categories, the excerpt's source...).
import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { sha256 } from "../site/cache-files.ts";
import type { CollectionItem } from "../site/eleventy-config.ts";
import type { PostState } from "./plan.ts";

/** Data every page shares (the site, collections, Eleventy's own) or that is the page itself. */
const SHARED = new Set(["site", "collections", "eleventy", "pkg", "page"]);

function summaryOf(item: CollectionItem): string {
  const own = Object.keys(item.data).filter((key) => !SHARED.has(key));
  try {
    // JSON.stringify writes dates (Date, luxon's DateTime) as ISO text through their toJSON.
    const data = JSON.stringify(Object.fromEntries(own.map((key) => [key, item.data[key]])));
    // Not page.outputPath: it names this build's staging folder.
    return sha256(item.url, item.date.toISOString(), data);
  } catch {
    // Data that cannot be written out (a cycle) is never the same twice: every page is rendered.
    return randomUUID();
  }
}

/** The post's text below its front matter as Eleventy read it (`page.rawInput`); the front matter is in its data. */
function bodyOf(item: CollectionItem & { rawInput?: unknown }): string | Buffer {
  return typeof item.rawInput === "string" ? item.rawInput : readFileSync(item.inputPath);
}

export function postState(item: CollectionItem): PostState {
  return { inputPath: item.inputPath, source: sha256(bodyOf(item)), summary: summaryOf(item) };
}
