// `npm run publish -- posts/_drafts/my-title.md`: the draft becomes a post dated now (its file name and its
// front matter's `date`), as jekyll-compose's `jekyll publish`. Never overwrites a post.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { planPublish } from "../dev/new-post.ts";
import { clock, runCommand, showUrl, writeNew } from "./author-files.ts";

runCommand(({ site }) => {
  const args = process.argv.slice(2);
  if (args.length !== 1)
    throw new Error("Give the draft to publish.\n  Usage: npm run publish -- posts/_drafts/my-title.md");
  const draft = path.relative(process.cwd(), path.resolve(args[0])).split(path.sep).join("/");
  let text: string;
  try {
    text = readFileSync(draft, "utf8");
  } catch {
    throw new Error(
      `There is no ${draft}.\n  Fix: give the path of a file in posts/_drafts/ (npm run new -- "Title" --draft makes one).`,
    );
  }
  const planned = planPublish(draft, text, site, clock());
  writeNew(planned.file, planned.text);
  rmSync(draft);
  console.log(`Published ${draft} as ${planned.file}`);
  console.log(showUrl(planned.url, site, "Its URL"));
});
