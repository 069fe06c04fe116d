// The image pipeline's plain functions: how a source is resolved, which image is a post's first, and that the
// committed diagrams are what their SVG sources render to.
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { resolveImageSource } from "../../src/images/resolve.ts";
import { createLookups } from "../../src/images/lookups.ts";
import { firstImageIn } from "../../src/seo/first-image.ts";
import { readDescription } from "../../src/images/describe.ts";
import { diagramSources, renderDiagram, DIAGRAM_WIDTH } from "../../scripts/diagrams.ts";

const root = mkdtempSync(path.join(tmpdir(), "images-units-"));
const context = { root, pageUrl: "/docker/2020/02/21/post.html", baseurl: "" };

describe("resolveImageSource", () => {
  it("reads a site path from the project folder, decoding %20", () => {
    expect(resolveImageSource("/assets/images/a%20b.png", context)).toEqual({
      kind: "local",
      file: path.join(root, "assets/images/a b.png"),
      urlPath: "/assets/images/a b.png",
    });
  });

  it("resolves a relative source from the page's folder, as a browser does", () => {
    expect(resolveImageSource("../img/x.png?v=2#top", context)).toMatchObject({
      kind: "local",
      file: path.join(root, "docker/2020/02/img/x.png"),
    });
  });

  it("strips baseurl from site paths", () => {
    expect(resolveImageSource("/blog/assets/x.png", { ...context, baseurl: "/blog" })).toMatchObject({
      kind: "local",
      file: path.join(root, "assets/x.png"),
    });
  });

  it("leaves remote and data images alone", () => {
    for (const src of [
      "https://example.com/x.png",
      "http://example.com/x.png",
      "//cdn.example.com/x.png",
      "data:image/png;base64,AAAA",
    ]) {
      expect(resolveImageSource(src, context)).toEqual({ kind: "remote" });
    }
  });

  it("refuses what climbs above the root, other schemes, and encoded separators", () => {
    for (const src of [
      "/../../etc/passwd",
      "../../../../../etc/passwd",
      "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
      "file:///etc/passwd",
      "/assets/..%2f..%2fetc/passwd",
    ]) {
      expect(resolveImageSource(src, context).kind, src).toBe("outside");
    }
  });

  it("refuses a symbolic link that leads out of the project", () => {
    mkdirSync(path.join(root, "assets"), { recursive: true });
    symlinkSync("/etc/passwd", path.join(root, "assets/link.png"));
    expect(resolveImageSource("/assets/link.png", context).kind).toBe("outside");
  });
});

describe("createLookups", () => {
  it("remembers an image per page folder, and still names the line of a missing one", () => {
    for (const folder of ["a", "b"]) {
      mkdirSync(path.join(root, folder, "img"), { recursive: true });
      writeFileSync(path.join(root, folder, "img/x.png"), folder);
    }
    const lookups = createLookups(root);
    const site = { file: "posts/p.md", line: () => 7 };
    const inA = lookups.image("img/x.png", { ...context, pageUrl: "/a/one.html" }, site);
    const inB = lookups.image("img/x.png", { ...context, pageUrl: "/b/two.html" }, site);
    expect(inA).toMatchObject({ kind: "local", file: path.join(root, "a/img/x.png") });
    expect(inB).toMatchObject({ kind: "local", file: path.join(root, "b/img/x.png") });
    expect(lookups.image("img/x.png", { ...context, pageUrl: "/a/three.html" }, site)).toBe(inA);
    expect(() => lookups.image("img/missing.png", { ...context, pageUrl: "/a/one.html" }, site)).toThrow(
      /posts\/p\.md:7: the image "img\/missing\.png" does not exist/,
    );
  });
});

describe("firstImageIn", () => {
  it("finds Markdown, reference-style and HTML images in order, skipping Liquid sources", () => {
    expect(firstImageIn("Text.\n\n![A diagram](/a.png)\n\n![b](/b.png)")).toEqual({ src: "/a.png", alt: "A diagram" });
    expect(firstImageIn("See ![the chart][c].\n\n[c]: /chart.png")).toEqual({ src: "/chart.png", alt: "the chart" });
    expect(firstImageIn('<p><img alt="Logo" src="/logo.png"></p>\n\n![x](/x.png)')).toEqual({
      src: "/logo.png",
      alt: "Logo",
    });
    expect(firstImageIn("![x]({{ site.baseurl }}/x.png)\n\n![y](/y.png)")).toEqual({ src: "/y.png", alt: "y" });
    expect(firstImageIn("No images, only `![code](/not.png)`.")).toBeUndefined();
  });

  // Only the text up to the first candidate's block is parsed first: these cut that block short.
  it("gives the same answer as a whole-body parse when the first candidate is not an image", () => {
    const fenced = "Intro.\n\n```md\n![in code](/code.png)\n\nstill code\n```\n\n![real](/real.png)";
    expect(firstImageIn(fenced)).toEqual({ src: "/real.png", alt: "real" });
    const comment = "<!--\n![hidden](/hidden.png)\n\n-->\n\n![shown](/shown.png)";
    expect(firstImageIn(comment)).toEqual({ src: "/shown.png", alt: "shown" });
    const laterDefinition = "Intro.\n\n![first][one]\n\nMore text.\n\n![second](/two.png)\n\n[one]: /one.png";
    expect(firstImageIn(laterDefinition)).toEqual({ src: "/one.png", alt: "first" });
    const undefinedReference = "![not an image][nowhere]\n\n![later](/later.png)";
    expect(firstImageIn(undefinedReference)).toEqual({ src: "/later.png", alt: "later" });
    expect(firstImageIn("A literal \\![escaped](/no.png) and <imgx> tag.")).toBeUndefined();
  });

  // Paragraphs without `![` or `<img` are not parsed inline: an image inside a paragraph's inline HTML or
  // after other inline markup is still found, in document order.
  it("finds images inside paragraphs of other inline markup", () => {
    expect(firstImageIn('Some *text* with <img src="/inline.png" alt="i"> in it.\n\n![x](/x.png)')).toEqual({
      src: "/inline.png",
      alt: "i",
    });
    expect(firstImageIn("A [link](/l) and `code`.\n\n> Quoted ![q](/q.png) text.\n\n![x](/x.png)")).toEqual({
      src: "/q.png",
      alt: "q",
    });
    expect(firstImageIn("- item\n- ![listed](/li.png)\n\n![x](/x.png)")).toEqual({ src: "/li.png", alt: "listed" });
  });

  it("reads an HTML <img>'s attributes as a browser does", () => {
    expect(firstImageIn('<IMG data-src="/lazy.png" SRC="/a&amp;b.png" alt=Logo>')).toEqual({
      src: "/a&b.png",
      alt: "Logo",
    });
    expect(firstImageIn('<div><!-- <img src="/hidden.png"> --><img src="/shown.png" alt="s"></div>')).toEqual({
      src: "/shown.png",
      alt: "s",
    });
    expect(firstImageIn('<img alt="no source">\n\n![x](/x.png)')).toEqual({ src: "/x.png", alt: "x" });
  });
});

describe("readDescription", () => {
  it("reads alt and caption from IMAGE.yml and names the file when it is wrong", () => {
    const image = path.join(root, "assets/d.png");
    writeFileSync(`${image}.yml`, 'alt: "A diagram"\ncaption: "Under it"\n');
    expect(readDescription(image, root)).toEqual({ alt: "A diagram", caption: "Under it" });
    writeFileSync(`${image}.yml`, 'alt: "A diagram"\ncolour: red\n');
    expect(() => readDescription(image, root)).toThrow(/assets\/d\.png\.yml:2: has an unknown key "colour"/);
  });
});

describe("the diagrams", () => {
  it("are drawn in DejaVu Sans, and that font is installed", async () => {
    for (const { svg } of await diagramSources())
      expect(readFileSync(svg, "utf8")).toContain('font-family="DejaVu Sans');
    expect(execFileSync("fc-match", ["DejaVu Sans:bold"], { encoding: "utf8" })).toMatch(/^DejaVuSans-Bold\.ttf/);
  });

  it("are committed as the PNGs their SVG sources render to (run `npm run diagrams` after editing one)", async () => {
    const sources = await diagramSources();
    expect(sources.map(({ png }) => path.basename(png))).toEqual([
      "docker-container-diagram.png",
      "docker-vm-diagram.png",
    ]);
    for (const { svg, png } of sources) {
      const rendered = await sharp(await renderDiagram(readFileSync(svg)))
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const committed = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      expect(committed.info.width).toBe(DIAGRAM_WIDTH);
      expect([committed.info.width, committed.info.height]).toEqual([rendered.info.width, rendered.info.height]);
      let differing = 0;
      for (let i = 0; i < rendered.data.length; i++)
        if (Math.abs(rendered.data[i] - committed.data[i]) > 16) differing += 1;
      // Here the two are identical; another FreeType may move a few edge pixels, while changing one glyph of
      // a label moves over a thousand channel values.
      expect(differing, path.basename(png)).toBeLessThan(100);
    }
  });
});
