// `npm run diagrams`: renders the SVG sources in assets/diagrams/ to the PNGs posts link to, in
// assets/images/ (same name, .png). The PNGs are committed, so a build never needs the fonts: only this does
// (DejaVu Sans, Debian's fonts-dejavu-core).
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import sharp from "sharp";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DIAGRAMS_DIR = path.join(ROOT, "assets/diagrams");
export const IMAGES_DIR = path.join(ROOT, "assets/images");
/** Twice the content column (42rem = 672 CSS px), so the 2x image of a diagram is drawn, not upscaled. */
export const DIAGRAM_WIDTH = 1344;

/** An SVG drawing as a PNG `DIAGRAM_WIDTH` pixels wide, rasterised by sharp (librsvg) with the system's fonts. */
export async function renderDiagram(svg: Buffer): Promise<Buffer> {
  const { width } = await sharp(svg).metadata();
  if (!width) throw new Error("the SVG has no width: give the <svg> element width and height attributes");
  // librsvg draws SVG user units at 72 dpi; raising the density draws the vectors at the target size.
  return (
    sharp(svg, { density: (72 * DIAGRAM_WIDTH) / width })
      .resize({ width: DIAGRAM_WIDTH })
      // Flat colours and text: a 256-colour palette is lossless to the eye and a fraction of the bytes.
      .png({ palette: true, compressionLevel: 9, effort: 10 })
      .toBuffer()
  );
}

/** Every `assets/diagrams/NAME.svg` with the PNG it renders to. */
export async function diagramSources(): Promise<{ svg: string; png: string }[]> {
  const names = (await readdir(DIAGRAMS_DIR)).filter((name) => name.endsWith(".svg")).sort();
  return names.map((name) => ({
    svg: path.join(DIAGRAMS_DIR, name),
    png: path.join(IMAGES_DIR, name.replace(/\.svg$/, ".png")),
  }));
}

async function main(): Promise<void> {
  for (const { svg, png } of await diagramSources()) {
    const rendered = await renderDiagram(await readFile(svg));
    await writeFile(png, rendered);
    const { width, height } = await sharp(rendered).metadata();
    console.log(
      `${path.relative(ROOT, svg)} -> ${path.relative(ROOT, png)} (${width}x${height}, ${rendered.length} bytes)`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
