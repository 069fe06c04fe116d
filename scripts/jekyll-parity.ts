// `npm run parity -- path/to/_posts [path/to/_config.yml]`: builds a folder of Jekyll posts (and the
// `_drafts` folder beside it, if any; folders such as `assets/` beside it are copied for images) with real
// Jekyll and with this project, prints every post whose URL, title, date, categories, tags, heading ids or
// feed entry differ, and each post body that differs (first difference) with the share identical; exits 1
// on any metadata difference.
// `npm run parity -- ../shared/corpora/kramdown-testcases/`: kramdown's test cases instead, each input one
// post body, both builds with Jekyll's settings; prints each body that differs and the share identical.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { siteParity } from "./site-parity.ts";
import { compareWithJekyll, formatReport, readPostsFolder, staticFoldersBeside } from "../tests/helpers/parity.ts";
import { compareTestcases, formatTestcaseReport, isTestcaseFolder } from "../tests/helpers/kramdown-testcases.ts";

async function main(): Promise<number> {
  const [postsDir, configFile] = process.argv.slice(2);
  // A whole site (a folder with its _config.yml): scripts/site-parity.ts.
  if (postsDir && existsSync(path.join(postsDir, "_config.yml"))) return siteParity(postsDir);
  if (!postsDir || !existsSync(postsDir)) {
    console.error(
      "usage: npm run parity -- path/to/_posts [path/to/_config.yml]  (or a folder of kramdown test cases)",
    );
    return 2;
  }
  try {
    if (isTestcaseFolder(postsDir)) {
      console.log(formatTestcaseReport(await compareTestcases(path.resolve(postsDir))));
      return 0;
    }
    const config = configFile ? readFileSync(configFile, "utf8") : "";
    const posts = readPostsFolder(path.resolve(postsDir));
    const report = await compareWithJekyll({ posts, config, staticFolders: staticFoldersBeside(postsDir) });
    console.log(formatReport(report));
    return report.mismatches.length === 0 ? 0 : 1;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

process.exitCode = await main();
