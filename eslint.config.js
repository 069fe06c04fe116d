// Lint rules for the engine, scripts and tests: ESLint's and typescript-eslint's recommended sets,
// with formatting left to Prettier (`npm run format`).
// https://typescript-eslint.io/getting-started
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "_site/", ".cache/", ".build-*/", "tests/fixtures/", "docs/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // `_`-prefixed names are the deliberate way to ignore a parameter or a destructured value.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  // The one script readers' browsers run.
  { files: ["assets/js/**"], languageOptions: { globals: globals.browser } },
  prettier,
);
