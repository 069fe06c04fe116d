// Imports in src/ run one way, from the top (the command line) down to the floor (site), and no file reaches
// itself through its imports. An upward import or a cycle fails here with the file, line and specifier.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = path.join(path.dirname(fileURLToPath(import.meta.url)), "../..", "src");

/**
 * The layers, floor first: a file may import from its own layer and the ones before it, never after. The order is
 * the one src/eleventy.ts wires the plugins in (site, posts, markdown, render cache, liquid, seo, pages, feed, site files,
 * images, search, rebuild), then the wiring itself, then the command line that runs it.
 */
const LAYERS = [
  "site",
  "posts",
  "markdown",
  "render-cache",
  "liquid",
  "seo",
  "pages",
  "feed",
  "site-files",
  "images",
  "search",
  "rebuild",
  "dev",
  "eleventy",
  "build",
];

/** Files directly in src/ and the layer each belongs to. */
const ROOT_FILES: Record<string, string> = {
  "types.ts": "site", // data types every capability shares
  "eleventy.ts": "eleventy", // wires every capability into Eleventy
};

interface Import {
  /** Importing file, relative to the repository, e.g. `src/feed/index.ts`. */
  from: string;
  /** Imported file, relative to the repository. */
  to: string;
  line: number;
  specifier: string;
}

const repoPath = (file: string) => path.relative(path.dirname(SRC), file).split(path.sep).join("/");
const where = (i: Import) => `${i.from}:${i.line} imports "${i.specifier}"`;
const key = (i: Import) => `${i.from} -> ${i.to}`;

function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:ts|mts|js|mjs)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every relative import of a file: `import ... from`, `export ... from`, `import("...")`, types included. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  // TypeScript's own scanner: multi-line imports, comments and strings are read as the compiler reads them.
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .filter(({ fileName }) => fileName.startsWith("."))
    .map(({ fileName, pos }) => ({
      from: repoPath(file),
      to: repoPath(path.resolve(path.dirname(file), fileName)),
      line: text.slice(0, pos).split("\n").length,
      specifier: fileName,
    }));
}

function layerOf(file: string): string {
  const [top, ...rest] = path.posix.relative("src", file).split("/");
  const layer = rest.length ? top : ROOT_FILES[top];
  if (!layer || !LAYERS.includes(layer)) {
    throw new Error(
      `${file} is in no layer: add its folder to LAYERS in tests/code/architecture.test.ts, where it belongs`,
    );
  }
  return layer;
}

const IMPORTS = sourceFiles().flatMap(importsOf);

/** Every cycle of imports, each as the imports that close it (one cycle per tangle of files). */
function importCycles(imports: Import[]): Import[][] {
  const edges = new Map<string, Import[]>();
  for (const i of imports) edges.set(i.from, [...(edges.get(i.from) ?? []), i]);
  const cycles: Import[][] = [];
  const done = new Set<string>();
  const path: Import[] = [];
  const onPath = new Set<string>();
  const visit = (file: string): void => {
    onPath.add(file);
    for (const i of edges.get(file) ?? []) {
      if (onPath.has(i.to)) {
        const start = path.findIndex((step) => step.from === i.to);
        cycles.push([...(start >= 0 ? path.slice(start) : []), i]);
      } else if (!done.has(i.to)) {
        path.push(i);
        visit(i.to);
        path.pop();
      }
    }
    onPath.delete(file);
    done.add(file);
  };
  for (const file of edges.keys()) if (!done.has(file)) visit(file);
  return cycles;
}

describe("imports in src/", () => {
  it("finds the imports it checks (the scan itself works)", () => {
    const keys = IMPORTS.map(key);
    expect(keys).toContain("src/eleventy.ts -> src/search/index.ts");
    expect(keys).toContain("src/build/cli.ts -> src/build/progress.ts");
    // `import("...")` in a type, in a declaration file.
    expect(keys).toContain("src/site/modules.d.ts -> src/site/eleventy-config.ts");
    expect(IMPORTS.length).toBeGreaterThan(50);
  });

  it("reads static, re-exported and dynamic imports", () => {
    const text = 'import a from "./a.ts";\nexport { b } from "../b/b.ts";\nconst c = await import("./c.ts");\n';
    const found = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
    expect(found).toEqual(["./a.ts", "../b/b.ts", "./c.ts"]);
  });

  it("go only down the layers, from build at the top to site at the floor", () => {
    const upward = IMPORTS.filter((i) => LAYERS.indexOf(layerOf(i.to)) > LAYERS.indexOf(layerOf(i.from))).map(
      (i) => `${where(i)}: ${layerOf(i.from)} is below ${layerOf(i.to)}, so it may not import from it`,
    );
    expect(upward, upward.join("\n")).toEqual([]);
  });

  it("form no cycle between files", () => {
    const cycles = importCycles(IMPORTS).map((cycle) => `cycle: ${cycle.map(where).join(", which ")}`);
    expect(cycles, cycles.join("\n")).toEqual([]);
  });

  it("names the imports of a cycle", () => {
    const at = (from: string, to: string): Import => ({ from, to, line: 1, specifier: to });
    const cycles = importCycles([at("a", "b"), at("b", "c"), at("c", "a"), at("c", "d")]);
    expect(cycles.map((cycle) => cycle.map(key))).toEqual([["a -> b", "b -> c", "c -> a"]]);
  });
});
