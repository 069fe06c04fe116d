// Declarations for Eleventy packages, which ship JavaScript without TypeScript types.
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
  }
}

declare module "@11ty/eleventy-plugin-rss" {
  const rssPlugin: (eleventyConfig: unknown, options?: Record<string, unknown>) => void;
  export default rssPlugin;
}

declare module "@11ty/eleventy-dev-server" {
  export default class EleventyDevServer {
    server: import("node:http").Server;
    _serverListen(port: number): void;
  }
}
