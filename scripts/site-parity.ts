// `npm run parity -- path/to/jekyll-site` (a folder with `_config.yml`): the whole site, migrated and built
// here and built by real Jekyll, compared file by file (tests/helpers/site-parity.ts). Exits 1 on a difference.
import { compareSite, formatSiteReport } from "../tests/helpers/site-parity.ts";

export async function siteParity(siteDir: string): Promise<number> {
  const report = await compareSite(siteDir);
  console.log(formatSiteReport(report));
  return report.missing.length === 0 && report.differences.length === 0 ? 0 : 1;
}
