// Thin entry: the configuration is TypeScript in src/, loaded through tsx.
// https://www.11ty.dev/docs/languages/typescript/
import { register } from "tsx/esm/api";

register();
const { default: config } = await import("./src/eleventy.ts");
export default config;
