// Declarations for packages that ship JavaScript without TypeScript types: Eleventy's, and picomatch.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: {
        configPath?: string;
        quietMode?: boolean;
        runMode?: string;
        config?: (eleventyConfig: import("./eleventy-config.ts").EleventyConfig) => void;
      },
    );
    write(): Promise<unknown>;
    disableLogger(): void;
    init(): Promise<void>;
    /** Forgets the last build's files and templates; `init` then reads them anew. */
    restart(): Promise<void>;
    /** Drops the configuration; `init` then runs the configuration file again. */
    resetConfig(): void;
    /** The file watcher (chokidar), once `watch` has returned. */
    watcher: { on(event: "change" | "add", listener: (file: string) => void): void };
    /** Builds once, then rebuilds on each change (`--watch`). */
    watch(): Promise<unknown>;
    serve(port: number): Promise<void>;
    stopWatch(): Promise<void>;
    /** Prints build errors; `once` is called with each failed build's error. */
    errorHandler: { once(type: string, error: unknown, message: string): void };
    /** The dev server; `reload` tells open pages to reload or patch in the pages given. */
    eleventyServe: { reload(event: { files: string[]; build: { templates: unknown[] } }): Promise<void> };
  }
}

declare module "@11ty/eleventy-plugin-rss" {
  const rssPlugin: (eleventyConfig: unknown, options?: Record<string, unknown>) => void;
  export default rssPlugin;
}

// picomatch comes with Eleventy.
declare module "picomatch" {
  interface PicomatchOptions {
    dot?: boolean;
    posix?: boolean;
    noextglob?: boolean;
    nonegate?: boolean;
    nobrace?: boolean;
  }
  export default function picomatch(glob: string | string[], options?: PicomatchOptions): (path: string) => boolean;
}

declare module "@11ty/eleventy-dev-server" {
  export default class EleventyDevServer {
    server: import("node:http").Server;
    _serverListen(port: number): void;
  }
}
