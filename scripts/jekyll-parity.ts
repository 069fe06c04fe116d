// `npm run parity -- path/to/_posts [path/to/_config.yml]`: builds a folder of Jekyll posts (and the
// `_drafts` folder beside it, if any; folders such as `assets/` beside it are copied for images) with real Jekyll and with this project, prints every post whose URL,
// title, date, categories, tags, heading ids or feed entry differ, and exits 1 on any difference.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { siteParity } from "./site-parity.ts";
import { compareWithJekyll, formatReport, readPostsFolder, staticFoldersBeside } from "../tests/helpers/parity.ts";

async function main(): Promise<number> {
  const [postsDir, configFile] = process.argv.slice(2);
  // A whole site (a folder with its _config.yml): scripts/site-parity.ts.
  if (postsDir && existsSync(path.join(postsDir, "_config.yml"))) return siteParity(postsDir);
  if (!postsDir || !existsSync(postsDir)) {
    console.error("usage: npm run parity -- path/to/_posts [path/to/_config.yml]");
    return 2;
  }
  const config = configFile ? readFileSync(configFile, "utf8") : "";
  const posts = readPostsFolder(path.resolve(postsDir));
  let report;
  try {
    report = await compareWithJekyll({ posts, config, staticFolders: staticFoldersBeside(postsDir) });
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  console.log(formatReport(report));
  return report.mismatches.length === 0 ? 0 : 1;
}

process.exitCode = await main();
