// The part of @11ty/eleventy-img 7 this project uses (the package ships no TypeScript declarations).
// https://www.11ty.dev/docs/plugins/image/
declare module "@11ty/eleventy-img" {
  import type { Sharp } from "sharp";

  /** One output file: a format at one width. */
  export interface ImageStat {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    srcset: string;
    filename: string;
    outputPath: string;
    size: number;
  }

  export interface ImageOptions {
    widths?: (number | "auto")[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    minimumThreshold?: number;
    filenameFormat?: (id: string, src: string, width: number, format: string) => string;
    sharpAvifOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpPngOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    /** Runs on the sharp pipeline of each output that is not already in `outputDir`, just before it is encoded. */
    transform?: (sharp: Sharp, target: { width: number; height: number; format: string }) => void | Promise<void>;
    useCache?: boolean;
    failOnError?: boolean;
    /** Names and sizes only: nothing is encoded or written. */
    statsOnly?: boolean;
  }

  /** Output files by format, each list sorted by width. */
  export type ImageResult = Record<string, ImageStat[]>;

  export default function Image(src: string, options?: ImageOptions): Promise<ImageResult>;
}
