// `npm run build` starts here, in plain JavaScript: the engine's TypeScript is compiled by esbuild into
// .cache/engine/ (about 0.1 s) and run by Node directly. Loading it through tsx, as `npm start` does, costs
// every build about half a second more. https://esbuild.github.io/api/#build
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const SRC = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const OUT = path.resolve(".cache/engine");

await build({
  entryPoints: { cli: path.join(SRC, "build/cli.ts"), eleventy: path.join(SRC, "eleventy.ts") },
  outdir: OUT,
  bundle: true,
  // One copy of each module for both entries: the build's counters are shared by the CLI and the plugins.
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "error",
  plugins: [
    {
      // Modules find their templates and code beside them (`import.meta.url`): keep pointing at src/.
      name: "source-locations",
      setup(compiler) {
        compiler.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => ({
          contents: (await readFile(file, "utf8")).replaceAll("import.meta.url", JSON.stringify(pathToFileURL(file).href)),
          loader: "ts",
        }));
      },
    },
  ],
});

process.env.BLOG_ELEVENTY_CONFIG = path.join(OUT, "eleventy.js");
await import(pathToFileURL(path.join(OUT, "cli.js")).href);
