// `npm run new -- "My Title" [--categories docker,linux] [--tags x,y] [--draft]`: a new post (or draft) with
// Jekyll's front matter, as jekyll-compose's `jekyll post` / `jekyll draft`. Never overwrites a file.
import { parseArgs } from "node:util";
import { planNewPost } from "../dev/new-post.ts";
import { clock, runCommand, showUrl, writeNew } from "./author-files.ts";

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

runCommand(({ site }) => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { categories: { type: "string" }, tags: { type: "string" }, draft: { type: "boolean" } },
  });
  if (positionals.length !== 1) {
    throw new Error(
      'Give the title, in quotes.\n  Usage: npm run new -- "My Title" [--categories docker,linux] [--tags x,y] [--draft]',
    );
  }
  const planned = planNewPost(
    { title: positionals[0], categories: list(values.categories), tags: list(values.tags), draft: values.draft },
    site,
    clock(),
  );
  writeNew(planned.file, planned.text);
  console.log(`Wrote ${planned.file}`);
  console.log(showUrl(planned.url, site, values.draft ? "Its URL once published today" : "Its URL"));
  if (values.draft) console.log(`Publish it with: npm run publish -- ${planned.file}`);
});
