// `npm run migrate -- path/to/jekyll-site [--into DIR]`: copies a Jekyll site into this project (or DIR),
// without touching the source, and says what it mapped and what it left out.
import { existsSync } from "node:fs";
import path from "node:path";
import { migrate } from "./migrate.ts";

function main(): number {
  const args = process.argv.slice(2);
  const into = args.indexOf("--into");
  const target = into >= 0 ? path.resolve(args[into + 1] ?? ".") : process.cwd();
  const source = args.find((arg, i) => !arg.startsWith("--") && (into < 0 || i !== into + 1));
  if (!source || !existsSync(path.join(source, "_config.yml"))) {
    console.error("usage: npm run migrate -- path/to/jekyll-site   (a folder with a _config.yml)");
    return 2;
  }
  const report = migrate(path.resolve(source), target, path.join(target, "_includes/layouts"));
  const count = (prefix: string) => report.copied.filter((file) => file.startsWith(prefix)).length;
  console.log(
    `Copied ${report.copied.length} files: ${count("posts/")} posts and drafts, ${count("pages/")} pages and static files (pages/), ${count("_data/")} data files, ${count("_includes/")} includes.`,
  );
  for (const [from, to] of Object.entries(report.layouts)) console.log(`Layout "${from}" is this engine's "${to}".`);
  for (const note of report.notes) console.log(note);
  console.log("Next: npm run build");
  return 0;
}

process.exitCode = main();
