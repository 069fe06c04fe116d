// Build-time syntax highlighting with Prism (no client JavaScript). Token class names are Prism's, not
// Rouge's; the markup around them is Jekyll's (see code.ts and src/liquid/highlight.ts).
import { createRequire } from "node:module";
import type PrismApi from "prismjs";
import { escapeXml } from "../site/text.ts";

const require = createRequire(import.meta.url);
type LoadLanguages = ((languages?: string[]) => void) & { silent: boolean };
interface LoadedPrism {
  Prism: typeof PrismApi;
  loadLanguages: LoadLanguages;
}

// Loaded at the first code block, not with the engine: a build of posts without code never pays for it.
let loaded: LoadedPrism | undefined;
function prism(): LoadedPrism {
  if (!loaded) {
    // Prism's Node loader for its language components (CommonJS only).
    const loadLanguages = require("prismjs/components/index.js") as LoadLanguages;
    loadLanguages.silent = true;
    loaded = { Prism: require("prismjs") as typeof PrismApi, loadLanguages };
  }
  return loaded;
}

// Rouge's names for languages Prism files under another name.
const PRISM_NAMES: Record<string, string> = {
  console: "shell-session",
  terminal: "shell-session",
  "shell-session": "shell-session",
  shell_session: "shell-session",
  shell: "bash",
  sh: "bash",
  zsh: "bash",
  ksh: "bash",
  Dockerfile: "docker",
  dockerfile: "docker",
  html: "markup",
  xml: "markup",
  erb: "markup",
  rhtml: "markup",
  eruby: "markup",
  plist: "markup",
  js: "javascript",
  ts: "typescript",
  rb: "ruby",
  py: "python",
  yml: "yaml",
  rs: "rust",
  golang: "go",
  cs: "csharp",
  "c#": "csharp",
  "c++": "cpp",
  make: "makefile",
  gnumake: "makefile",
  bsdmake: "makefile",
  postgres: "sql",
  plsql: "sql",
  conf: "nginx",
  tf: "hcl",
  terraform: "hcl",
  ps: "powershell",
  posh: "powershell",
  jsonc: "json",
  patch: "diff",
  udiff: "diff",
  md: "markdown",
  mkd: "markdown",
  liquid: "liquid",
};

const tried = new Set<string>();

function grammarFor(language: string): PrismApi.Grammar | undefined {
  const { Prism, loadLanguages } = prism();
  const name = PRISM_NAMES[language] ?? language.toLowerCase();
  if (!Prism.languages[name] && !tried.has(name)) {
    tried.add(name);
    loadLanguages([name]);
  }
  return Prism.languages[name];
}

/** HTML of `code` with token spans, or just escaped when Prism has no grammar for `language`. */
export function highlight(code: string, language: string): string {
  const grammar = language ? grammarFor(language) : undefined;
  return grammar ? prism().Prism.highlight(code, grammar, language) : escapeXml(code, { keepApostrophes: true });
}
