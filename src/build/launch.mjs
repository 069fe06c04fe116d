// `npm run build` starts here, in plain JavaScript: the engine's TypeScript is compiled by esbuild into
// .cache/engine/ and run by Node directly. Loading it through tsx, as `npm start` does, costs every build
// about half a second more. The compiled engine is reused while none of its sources changed.
// https://esbuild.github.io/api/#build
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const SRC = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const OUT = path.resolve(".cache/engine");
/** Every file the compiled engine was made from and every file it is made of, each with its size and time. */
const STAMP = path.join(OUT, "sources.json");

const stampOf = (file) => {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.size}:${stat.mtimeMs}` : "missing";
};

function upToDate() {
  try {
    const { sources, outputs } = JSON.parse(readFileSync(STAMP, "utf8"));
    // A compiled file cut short or edited since is compiled again, never run.
    return [sources, outputs].every((files) => Object.entries(files).every(([file, stamp]) => stampOf(file) === stamp));
  } catch {
    return false;
  }
}

async function compile() {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: { cli: path.join(SRC, "build/cli.ts"), eleventy: path.join(SRC, "eleventy.ts") },
    outdir: OUT,
    bundle: true,
    // One copy of each module for both entries: the build's counters are shared by the CLI and the plugins.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    metafile: true,
    logLevel: "error",
    plugins: [
      {
        // Modules find their templates and code beside them (`import.meta.url`): keep pointing at src/.
        name: "source-locations",
        setup(compiler) {
          compiler.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => ({
            contents: (await readFile(file, "utf8")).replaceAll(
              "import.meta.url",
              JSON.stringify(pathToFileURL(file).href),
            ),
            loader: "ts",
          }));
        },
      },
    ],
  });
  const sources = [
    fileURLToPath(import.meta.url),
    ...Object.keys(result.metafile.inputs).map((file) => path.resolve(file)),
  ];
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.resolve(file));
  const stamps = (files) => Object.fromEntries(files.map((file) => [file, stampOf(file)]));
  writeFileSync(STAMP, JSON.stringify({ sources: stamps(sources), outputs: stamps(outputs) }));
}

if (!upToDate()) await compile();
// Eleventy registers an ESM resolve hook that re-imports changed files in watch mode; a one-off build imports
// each module once, and the hook's loader thread costs about 0.1 s of setup. https://github.com/11ty/eleventy/issues/3371
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= "1";
process.env.BLOG_ELEVENTY_CONFIG = path.join(OUT, "eleventy.js");
await import(pathToFileURL(path.join(OUT, "cli.js")).href);
