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
