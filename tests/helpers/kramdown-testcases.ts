// kramdown's and kramdown-parser-gfm's own test cases (shared/corpora/kramdown-testcases: inputs `*.text`,
// options `*.options`) as Jekyll posts: each input becomes one post's body, so that one Jekyll build and one
// build of ours render them all. The truth is what Jekyll writes with its own kramdown settings (GFM input),
// not the `.html` beside each input, which kramdown's default parser wrote under that case's options.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { REPO } from "./project.ts";
import { compareWithJekyll } from "./parity.ts";

export interface Testcase {
  /** The input's path below the corpus folder, without `.text` (`kramdown/block/08_list/simple`). */
  name: string;
  text: string;
}

const CORPUS = "shared/corpora/kramdown-testcases";

/** The corpus folder: `shared/` beside the repository (as CI lays it) or beside a folder above it. */
export function findKramdownTestcases(): string | undefined {
  for (let dir = path.dirname(REPO); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, CORPUS))) return path.join(dir, CORPUS);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** True when `folder` holds test cases (`*.text` files) rather than Jekyll posts. */
export function isTestcaseFolder(folder: string): boolean {
  return readTestcases(folder).length > 0 && !readdirSync(folder).some((name) => name.endsWith(".md"));
}

/** Every `*.text` below `folder`, by name. */
export function readTestcases(folder: string): Testcase[] {
  const cases: Testcase[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".text"))
        cases.push({
          name: path
            .relative(folder, full)
            .split(path.sep)
            .join("/")
            .replace(/\.text$/, ""),
          text: readFileSync(full, "utf8"),
        });
    }
  };
  walk(folder);
  return cases;
}

/**
 * The cases as Jekyll posts (`_posts/2020-01-01-<name with dashes>.md`), Liquid off so that kramdown alone
 * reads the input, titled with the case's name.
 */
export function testcasePosts(cases: Testcase[]): Record<string, string> {
  const posts: Record<string, string> = {};
  for (const { name, text } of cases) {
    const slug = name.replace(/[^A-Za-z0-9_]+/g, "-");
    posts[`_posts/2020-01-01-${slug}.md`] =
      `---\ntitle: ${JSON.stringify(name)}\nrender_with_liquid: false\n---\n${text}`;
  }
  return posts;
}

/** The case's name back from its post file. */
export function testcaseOfPost(file: string, cases: Testcase[]): string {
  const slug = file.replace(/^_posts\/2020-01-01-|\.md$/g, "");
  return cases.find((c) => c.name.replace(/[^A-Za-z0-9_]+/g, "-") === slug)?.name ?? file;
}

/**
 * An inline image with a local path: the corpus ships no image files, and our build stops on an image that
 * does not exist (on purpose: Jekyll would publish a broken image), so such cases cannot be built.
 */
const LOCAL_IMAGE = /!\[[^\]]*\]\(\s*(?!(?:[a-z]+:)?\/\/)[^)\s]+/i;

export interface TestcaseReport {
  /** Cases Jekyll built. */
  cases: number;
  /** Cases left out because they point at local images the corpus does not have. */
  skipped: string[];
  identical: string[];
  differing: { name: string; difference: string }[];
  /** Cases our build stops on, with its message. */
  stopped: { name: string; message: string }[];
  /** Cases whose heading ids differ from Jekyll's. */
  headingIds: string[];
}

/** Builds every case below `folder` with Jekyll and with this project (one build each) and compares bodies. */
export async function compareTestcases(folder: string): Promise<TestcaseReport> {
  const all = readTestcases(folder);
  const cases = all.filter((c) => !LOCAL_IMAGE.test(c.text));
  const report = await compareWithJekyll({ posts: testcasePosts(cases), config: "", leaveOutFailing: true });
  const name = (file: string) => testcaseOfPost(file, cases);
  const differing = report.bodies.differing.map(({ post, difference }) => ({ name: name(post), difference }));
  const stopped = report.stopped.map(({ post, message }) => ({
    name: name(post.replace(/^posts\//, "_posts/")),
    message,
  }));
  const unpaired = report.mismatches.filter((m) => m.field === "built").map((m) => name(m.post));
  const notIdentical = new Set([...differing.map((c) => c.name), ...stopped.map((c) => c.name), ...unpaired]);
  return {
    cases: report.compared,
    skipped: all.filter((c) => !cases.includes(c)).map((c) => c.name),
    identical: cases.map((c) => c.name).filter((n) => !notIdentical.has(n)),
    differing,
    stopped,
    headingIds: report.mismatches.filter((m) => m.field === "headingIds").map((m) => name(m.post)),
  };
}

export function formatTestcaseReport(report: TestcaseReport): string {
  const lines = report.differing.map(({ name, difference }) => `${name}\n${difference.replace(/^/gm, "  ")}`);
  for (const { name, message } of report.stopped) lines.push(`${name}: stops our build: ${message}`);
  if (report.headingIds.length) lines.push(`heading ids differ: ${report.headingIds.join(", ")}`);
  if (report.skipped.length)
    lines.push(
      `skipped ${report.skipped.length} cases whose images are local files the corpus does not have (our build stops on a missing image): ${report.skipped.join(", ")}`,
    );
  const share = ((report.identical.length / report.cases) * 100).toFixed(1);
  lines.push(
    `kramdown test cases: ${report.identical.length}/${report.cases} bodies identical to Jekyll's (${share}%), ${report.differing.length} differ, ${report.stopped.length} stop our build.`,
  );
  return lines.join("\n");
}
