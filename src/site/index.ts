import type { DateTime } from "luxon";
import type { SiteConfig } from "../types.ts";
import type { EleventyConfig } from "./eleventy-config.ts";
import { strftime, toDateTime, xmlSchema } from "./dates.ts";
import { absoluteUrl, relativeUrl } from "./urls.ts";
import { escapeXml, plainText, readingMinutes, withoutNonXml } from "./text.ts";
import { slugify } from "./slugify.ts";
import { keepOutputsInside } from "./output-folder.ts";
import { refuseLinksOutside } from "./links.ts";

/** Site-wide data (`site.*` as in Jekyll), assets, and the Liquid filters Jekyll themes rely on. */
export default function sitePlugin(
  eleventyConfig: EleventyConfig,
  { site, now, output }: { site: SiteConfig; now: DateTime; output: string },
): void {
  // First, so that no later transform works on a page that will not be written.
  keepOutputsInside(eleventyConfig, output);
  // The feed and the sitemap stay well-formed whatever a title or body holds.
  eleventyConfig.addTransform("xml-characters", function (content: string) {
    return typeof this.page.outputPath === "string" && this.page.outputPath.endsWith(".xml")
      ? withoutNonXml(content)
      : content;
  });
  eleventyConfig.addGlobalData("site", { ...site, time: now.setZone(site.timezone) });
  // Links in assets/ are copied as the files they point to (`expand`), never as links a server would follow;
  // links out of the project, in assets/ or posts/, stop the build before anything is read.
  eleventyConfig.addPassthroughCopy({ assets: "assets" }, { expand: true });
  eleventyConfig.on("eleventy.before", () => refuseLinksOutside(process.cwd(), ["assets", "posts"]));
  // `npm start` serves assets/ from where it is instead of copying it into _site/ on every rebuild.
  // https://www.11ty.dev/docs/copy/#emulate-passthrough-copy-during-serve
  eleventyConfig.setServerPassthroughCopyBehavior("passthrough");
  for (const target of ["_config.yml", "_includes/", "src/", "assets/"]) eleventyConfig.addWatchTarget(target);
  // Eleventy rebuilds once a changed file's size has held for 150 ms; a saved post is written in one go, so
  // 50 ms is enough and each save shows 0.1 s sooner. https://www.11ty.dev/docs/watch-serve/#advanced-chokidar-configuration
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });

  const zone = site.timezone;
  // Jekyll's `date` filter is strftime in the site timezone (liquidjs' own uses the machine's).
  eleventyConfig.addFilter("date", (value: unknown, format = "%Y-%m-%d %H:%M:%S %z") =>
    strftime(toDateTime(value, zone), String(format)),
  );
  eleventyConfig.addFilter("date_to_xmlschema", (value: unknown) => xmlSchema(toDateTime(value, zone)));
  eleventyConfig.addFilter("date_to_string", (value: unknown) => strftime(toDateTime(value, zone), "%d %b %Y"));
  eleventyConfig.addFilter("date_to_long_string", (value: unknown) => strftime(toDateTime(value, zone), "%d %B %Y"));
  eleventyConfig.addFilter("relative_url", (value: unknown) => relativeUrl(site, value));
  eleventyConfig.addFilter("absolute_url", (value: unknown) => absoluteUrl(site, value));
  eleventyConfig.addFilter("xml_escape", (value: unknown) => escapeXml(value));
  eleventyConfig.addFilter("strip_html", (value: unknown) => plainText(value));
  eleventyConfig.addFilter("slugify", (value: unknown) => slugify(String(value ?? "")));
  eleventyConfig.addFilter("reading_minutes", (value: unknown) => readingMinutes(value));
}
