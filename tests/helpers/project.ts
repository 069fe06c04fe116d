// Builds throwaway blog projects for tests: the real build (src/, _includes/, .eleventy.js) over posts and
// config a test writes, in a temporary folder, run the way `npm run build` runs it.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SHARED = ["src", "_includes", "node_modules", ".eleventy.js", "package.json", "tsconfig.json"];

export interface Project {
  dir: string;
  site: string;
  write(file: string, text: string): void;
}

/** A project folder with the repo's code and the given files (`posts/x.md`, `_config.yml`, ...). */
export function makeProject(files: Record<string, string>, options: { assets?: boolean } = {}): Project {
  const dir = mkdtempSync(path.join(tmpdir(), "blog-test-"));
  for (const name of SHARED) symlinkSync(path.join(REPO, name), path.join(dir, name));
  if (options.assets !== false) cpSync(path.join(REPO, "assets"), path.join(dir, "assets"), { recursive: true });
  mkdirSync(path.join(dir, "posts"), { recursive: true });
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  for (const [file, text] of Object.entries(files)) write(file, text);
  return { dir, site: path.join(dir, "_site"), write };
}

export interface BuildResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run build`'s command in a project folder. */
export function build(dir: string, env: Record<string, string> = {}): Promise<BuildResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["src/build/launch.mjs"],
      { cwd: dir, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** A post file: front matter from an object of raw YAML lines, then the body. */
export function post(frontMatter: string, body = "Some text.\n"): string {
  return `---\n${frontMatter.trim()}\n---\n\n${body}`;
}
