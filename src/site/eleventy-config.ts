// The part of Eleventy's UserConfig this project uses (Eleventy 3 ships no TypeScript declarations).
// https://www.11ty.dev/docs/config/
import type { Liquid } from "liquidjs";

export type Filter = (this: unknown, ...args: never[]) => unknown;

export interface LiquidTagToken {
  args: string;
  name: string;
}

export interface LiquidTagImpl {
  parse(this: Record<string, unknown>, token: LiquidTagToken, remaining?: unknown): void;
  render(this: Record<string, unknown>, scope: LiquidScope): unknown;
}

export interface LiquidScope {
  environments: Record<string, unknown>;
}

export interface EleventyConfig {
  dir: Record<string, string>;
  addPlugin<T>(plugin: (config: EleventyConfig, options: T) => void | Promise<void>, options?: T): void;
  addGlobalData(name: string, value: unknown): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addShortcode(name: string, shortcode: (...args: never[]) => unknown): void;
  addLiquidTag(name: string, tag: (liquidEngine: unknown) => LiquidTagImpl): void;
  addCollection(name: string, build: (api: CollectionApi) => unknown): void;
  addDateParsing(parse: (this: { page: EleventyPage }, value: unknown) => unknown): void;
  addPreprocessor(name: string, extensions: string, run: (data: TemplateData, content: string) => unknown): void;
  addTransform(name: string, transform: (this: { page: EleventyPage }, content: string) => unknown): void;
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  addExtension(extensions: string | string[], options: Record<string, unknown>): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  setServerPassthroughCopyBehavior(behavior: "copy" | "passthrough"): void;
  setChokidarConfig(options: Record<string, unknown>): void;
  addWatchTarget(target: string, options?: { resetConfig?: boolean }): void;
  setLibrary(name: string, library: unknown): void;
  amendLibrary(name: "md", amend: (library: { render(source: string, env?: unknown): string }) => void): void;
  amendLibrary(name: "liquid", amend: (library: Liquid) => void): void;
  setLiquidOptions(options: Record<string, unknown>): void;
  setFrontMatterParsingOptions(options: Record<string, unknown>): void;
  setServerOptions(options: Record<string, unknown>): void;
  setQuietMode(quiet: boolean): void;
  setTemplateFormats(formats: string[]): void;
  on(event: string, listener: (...args: never[]) => unknown): void;
  ignores: Set<string>;
  watchIgnores: Set<string>;
}

export interface EleventyPage {
  inputPath: string;
  outputPath?: string | false;
  url?: string | false;
  date: Date;
  fileSlug: string;
}

export interface TemplateData {
  page: EleventyPage;
  [key: string]: unknown;
}

export interface CollectionItem {
  inputPath: string;
  url: string;
  date: Date;
  data: TemplateData;
  content: string;
  templateContent?: string;
}

export interface CollectionApi {
  getFilteredByGlob(glob: string | string[]): CollectionItem[];
  getAll(): CollectionItem[];
}
