// The image pipeline on real builds: the article's two diagrams become <picture>s with AVIF and WebP, sized,
// captioned, linked to the original and cached between builds; other posts' images keep their own rules.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDocument, DomUtils } from "htmlparser2";
import type { Element } from "domhandler";
import yaml from "js-yaml";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO, build, makeProject, post, type BuildResult, type Project } from "../helpers/project.ts";

const ARTICLE = "2020-02-21-docker-versus-virtual-machines.md";
const PAGE = "docker/2020/02/21/docker-versus-virtual-machines.html";
const CONFIG = readFileSync(path.join(REPO, "_config.yml"), "utf8");
const DIAGRAMS = ["docker-vm-diagram.png", "docker-container-diagram.png"];

const elements = (html: string, name: string): Element[] =>
  DomUtils.getElementsByTagName(name, parseDocument(html).children);
const urlsOf = (srcset: string) => srcset.split(",").map((entry) => entry.trim().split(/\s+/));
/** Every URL a <picture> makes the browser able to load: each source's srcset, the img's src and srcset. */
function pictureUrls(picture: Element): string[] {
  const urls: string[] = [];
  for (const element of [
    ...DomUtils.getElementsByTagName("source", picture),
    ...DomUtils.getElementsByTagName("img", picture),
  ]) {
    if (element.attribs.src) urls.push(element.attribs.src);
    if (element.attribs.srcset) urls.push(...urlsOf(element.attribs.srcset).map(([url]) => url));
  }
  return [...new Set(urls)];
}
const encodedIn = (result: BuildResult) => Number(/(\d+) encoded/.exec(result.stdout)?.[1] ?? NaN);
const description = (name: string) =>
  yaml.load(readFileSync(path.join(REPO, "assets/images", `${name}.yml`), "utf8")) as { alt: string; caption: string };

describe("the article's diagrams", () => {
  let project: Project;
  let cold: BuildResult;
  let warm: BuildResult;
  let coldFiles: Map<string, Buffer>;
  let cacheTimes: Map<string, number>;
  let html = "";
  const siteFile = (url: string) => path.join(project.site, decodeURIComponent(url));
  const imgFiles = () =>
    new Map(
      readdirSync(path.join(project.site, "img")).map((name) => [
        name,
        readFileSync(path.join(project.site, "img", name)),
      ]),
    );
  const cacheMtimes = () =>
    new Map(
      readdirSync(path.join(project.dir, ".cache/images")).map((name) => [
        name,
        statSync(path.join(project.dir, ".cache/images", name)).mtimeMs,
      ]),
    );

  beforeAll(async () => {
    project = makeProject({
      "_config.yml": CONFIG,
      [`posts/${ARTICLE}`]: readFileSync(path.join(REPO, "posts", ARTICLE), "utf8"),
    });
    cold = await build(project.dir);
    expect(cold.stderr).toBe("");
    expect(cold.code).toBe(0);
    html = readFileSync(path.join(project.site, PAGE), "utf8");
    coldFiles = imgFiles();
    cacheTimes = cacheMtimes();
    // Without the warm build's manifest (src/rebuild/): the post is rendered again and meets every image.
    rmSync(path.join(project.dir, ".cache/rebuild"), { recursive: true, force: true });
    warm = await build(project.dir);
    expect(warm.code).toBe(0);
  }, 300_000);

  it("become two <picture>s with AVIF and WebP sources and a dimensioned PNG <img>, every file there", async () => {
    const pictures = elements(html, "picture");
    expect(pictures).toHaveLength(2);
    for (const [index, picture] of pictures.entries()) {
      const sources = DomUtils.getElementsByTagName("source", picture);
      expect(sources.map((source) => source.attribs.type)).toEqual(["image/avif", "image/webp"]);
      const [img] = DomUtils.getElementsByTagName("img", picture);
      const original = await sharp(path.join(REPO, "assets/images", DIAGRAMS[index])).metadata();
      // 1x of the column, 2x never more than the original.
      for (const element of [...sources, img]) {
        const widths = urlsOf(element.attribs.srcset).map(([, w]) => Number.parseInt(w, 10));
        expect(widths).toEqual([672, Math.min(1344, original.width)]);
      }
      for (const url of pictureUrls(picture)) {
        expect(existsSync(siteFile(url)), url).toBe(true);
        const descriptor = [...sources, img]
          .flatMap((element) => urlsOf(element.attribs.srcset))
          .find(([u]) => u === url)?.[1];
        const made = await sharp(siteFile(url)).metadata();
        if (descriptor) expect(`${made.width}w`, url).toBe(descriptor);
        expect(made.format).toBe(url.endsWith(".avif") ? "heif" : url.endsWith(".webp") ? "webp" : "png");
      }
      const shown = await sharp(siteFile(img.attribs.src)).metadata();
      expect([Number(img.attribs.width), Number(img.attribs.height)]).toEqual([shown.width, shown.height]);
      expect(Math.abs(shown.height / shown.width - original.height / original.width)).toBeLessThan(0.01);
    }
  });

  it("are served under content-hashed names", () => {
    const urls = elements(html, "picture").flatMap(pictureUrls);
    for (const url of urls) expect(url).toMatch(/^\/img\/[a-z-]+-[A-Za-z0-9_-]{10}-\d+\.(avif|webp|png)$/);
    const vm = urls.filter((url) => url.includes("docker-vm-diagram")).map((url) => url.split("-").at(-2));
    expect(new Set(vm).size).toBe(1);
  });

  it("load the first image of the page eagerly and the others lazily", () => {
    const [first, second] = elements(html, "img");
    expect(first.attribs.loading).toBeUndefined();
    expect(first.attribs.decoding).toBeUndefined();
    expect(second.attribs).toMatchObject({ loading: "lazy", decoding: "async" });
  });

  it("get their alt text and caption from the YAML beside each image, the Markdown untouched", () => {
    expect(readFileSync(path.join(project.dir, "posts", ARTICLE), "utf8")).toBe(
      readFileSync(path.join(REPO, "posts", ARTICLE), "utf8"),
    );
    expect(readFileSync(path.join(REPO, "posts", ARTICLE), "utf8")).toContain(
      "![](/assets/images/docker-vm-diagram.png)\n![](/assets/images/docker-container-diagram.png)",
    );
    const figures = elements(html, "figure");
    expect(figures).toHaveLength(2);
    for (const [index, figure] of figures.entries()) {
      const { alt, caption } = description(DIAGRAMS[index]);
      expect(DomUtils.getElementsByTagName("img", figure)[0].attribs.alt).toBe(alt);
      expect(DomUtils.textContent(DomUtils.getElementsByTagName("figcaption", figure))).toBe(caption);
      // A figure is not allowed inside a <p>: the paragraph the Markdown wrote them in ends before them.
      expect((figure.parent as Element).name).not.toBe("p");
    }
    expect(cold.stderr).not.toMatch(/alt text/);
  });

  it("open the full-size original when clicked", () => {
    for (const [index, picture] of elements(html, "picture").entries()) {
      const link = picture.parent as Element;
      expect(link.name).toBe("a");
      expect(link.attribs.href).toBe(`/assets/images/${DIAGRAMS[index]}`);
      expect(readFileSync(siteFile(link.attribs.href))).toEqual(
        readFileSync(path.join(REPO, "assets/images", DIAGRAMS[index])),
      );
    }
  });

  it("give the post its og:image, with width, height and alt", async () => {
    const meta = (property: string) =>
      elements(html, "meta").find((m) => m.attribs.property === property)?.attribs.content ?? "";
    const url = new URL(meta("og:image"));
    expect(url.origin).toBe("https://blog.example.com");
    const file = await sharp(siteFile(url.pathname)).metadata();
    expect(url.pathname).toContain("docker-vm-diagram");
    expect([Number(meta("og:image:width")), Number(meta("og:image:height"))]).toEqual([file.width, file.height]);
    expect(meta("og:image:alt")).toBe(description(DIAGRAMS[0]).alt);
  });

  it("are not encoded again by a second build, which still serves every file", () => {
    expect(encodedIn(cold)).toBe(coldFiles.size);
    expect(coldFiles.size).toBeGreaterThan(0);
    expect(encodedIn(warm)).toBe(0);
    expect(warm.stdout).toContain(`${coldFiles.size} reused`);
    expect(imgFiles()).toEqual(coldFiles);
    expect(cacheMtimes()).toEqual(cacheTimes);
    expect(readFileSync(path.join(project.site, PAGE), "utf8")).toBe(html);
  });

  it("re-encodes only an image that changed, under a new name", async () => {
    const changed = path.join(project.dir, "assets/images/docker-container-diagram.png");
    writeFileSync(changed, await sharp(changed).flop().png({ palette: true }).toBuffer());
    const result = await build(project.dir);
    expect(result.code).toBe(0);
    const after = readFileSync(path.join(project.site, PAGE), "utf8");
    const [vmBefore, containerBefore] = elements(html, "picture").map(pictureUrls);
    const [vmAfter, containerAfter] = elements(after, "picture").map(pictureUrls);
    expect(vmAfter).toEqual(vmBefore);
    expect(containerAfter.filter((url) => containerBefore.includes(url))).toEqual([]);
    expect(encodedIn(result)).toBe(containerAfter.length);
  }, 300_000);

  // The manifest (.cache/images/manifest.json) lets a build skip sharp; it must never outlive the files it names.
  it("makes again a cached file that disappeared, and builds the same page from a damaged manifest", async () => {
    const before = readFileSync(path.join(project.site, PAGE), "utf8");
    const everyFileServed = (page: string) =>
      elements(page, "picture")
        .flatMap(pictureUrls)
        .every((url) => existsSync(siteFile(url)));
    // One file the page shows (the cache also keeps files of the image the test above changed).
    const shown =
      elements(before, "picture")
        .flatMap(pictureUrls)
        .find((url) => url.endsWith(".avif")) ?? "";
    const cached = path.join(project.dir, ".cache/images", path.basename(shown));
    expect(existsSync(cached)).toBe(true);
    rmSync(cached);
    const missing = await build(project.dir);
    expect(missing.code).toBe(0);
    expect(encodedIn(missing)).toBe(1);
    expect(readFileSync(path.join(project.site, PAGE), "utf8")).toBe(before);
    expect(everyFileServed(before)).toBe(true);

    writeFileSync(path.join(project.dir, ".cache/images/manifest.json"), '{"entries": {"x": {"width": "broken"');
    const damaged = await build(project.dir);
    expect(damaged.code).toBe(0);
    expect(encodedIn(damaged)).toBe(0);
    expect(readFileSync(path.join(project.site, PAGE), "utf8")).toBe(before);
    expect(everyFileServed(before)).toBe(true);
    expect(() => JSON.parse(readFileSync(path.join(project.dir, ".cache/images/manifest.json"), "utf8"))).not.toThrow();
  }, 300_000);

  it("makes again a cached file cut short, and never copies it into the site", async () => {
    const page = readFileSync(path.join(project.site, PAGE), "utf8");
    const shown =
      elements(page, "picture")
        .flatMap(pictureUrls)
        .find((url) => url.endsWith(".webp")) ?? "";
    const cached = path.join(project.dir, ".cache/images", path.basename(shown));
    const whole = readFileSync(cached);
    writeFileSync(cached, whole.subarray(0, whole.length / 2));
    const result = await build(project.dir);
    expect(result.code).toBe(0);
    expect(encodedIn(result)).toBe(1);
    expect(readFileSync(siteFile(shown)).length).toBe(whole.length);
    expect(readFileSync(path.join(project.site, PAGE), "utf8")).toBe(page);
  }, 300_000);
});

describe("images in other posts", () => {
  let project: Project;
  let result: BuildResult;
  const page = (file: string) => readFileSync(path.join(project.site, file), "utf8");

  beforeAll(async () => {
    project = makeProject({
      "_config.yml": `${CONFIG}\nimage: /assets/pics/small.png\n`,
      "posts/2021-01-04-plain.md": post('title: "Plain"', "No image at all.\n"),
      "posts/2021-01-01-remote.md": post('title: "Remote"', "A logo: ![Remote logo](https://example.com/logo.png)\n"),
      "posts/2021-01-02-small.md": post('title: "Small"', "An icon:\n\n![](/assets/pics/small.png)\n"),
      "posts/2021-01-03-photo.md": post(
        'title: "Photo"',
        "[![A photo](/assets/pics/photo.jpg)](https://example.com/)\n\nBefore ![An icon](../../../assets/pics/small.png) after.\n",
      ),
    });
    const pics = path.join(project.dir, "assets/pics");
    mkdirSync(pics, { recursive: true });
    await sharp({ create: { width: 300, height: 200, channels: 3, background: "#3366cc" } })
      .png()
      .toFile(path.join(pics, "small.png"));
    const noise = Buffer.alloc(1000 * 750 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
    await sharp(noise, { raw: { width: 1000, height: 750, channels: 3 } })
      .jpeg()
      .toFile(path.join(pics, "photo.jpg"));
    result = await build(project.dir);
    expect(result.code).toBe(0);
  }, 300_000);

  it("leave remote images as they are", () => {
    const html = page("2021/01/01/remote.html");
    expect(elements(html, "img").map((img) => img.attribs)).toEqual([
      { src: "https://example.com/logo.png", alt: "Remote logo" },
    ]);
    expect(elements(html, "picture")).toHaveLength(0);
  });

  it("give a post without images the site's `image` as og:image, and a remote first image as it is", async () => {
    const meta = (html: string, property: string) =>
      elements(html, "meta").find((m) => m.attribs.property === property)?.attribs.content ?? "";
    const plain = page("2021/01/04/plain.html");
    const url = new URL(meta(plain, "og:image"));
    expect(url.pathname).toMatch(/^\/img\/small-[A-Za-z0-9_-]{10}-300\.png$/);
    const file = await sharp(path.join(project.site, url.pathname)).metadata();
    expect([meta(plain, "og:image:width"), meta(plain, "og:image:height")]).toEqual([
      String(file.width),
      String(file.height),
    ]);
    expect(file.width).toBe(300);
    expect(meta(page("2021/01/01/remote.html"), "og:image")).toBe("https://example.com/logo.png");
  });

  it("warn, naming the post, when an image has no alt text, and never upscale a small image", () => {
    expect(result.stderr).toContain('posts/2021-01-02-small.md: the image "/assets/pics/small.png" has empty alt text');
    expect(result.stderr).not.toContain("2021-01-03-photo.md");
    const [picture] = elements(page("2021/01/02/small.html"), "picture");
    const [img] = DomUtils.getElementsByTagName("img", picture);
    expect(img.attribs).toMatchObject({ width: "300", height: "200", alt: "" });
    for (const source of DomUtils.getElementsByTagName("source", picture))
      expect(urlsOf(source.attribs.srcset).map(([, w]) => w)).toEqual(["300w"]);
    // Nothing bigger to open, and a link without a name would be worse than none.
    expect((picture.parent as Element).name).not.toBe("a");
  });

  it("keep the author's link, fall back to the original format, and resolve relative sources from the page", async () => {
    const html = page("2021/01/03/photo.html");
    const [photo, icon] = elements(html, "picture");
    const link = photo.parent as Element;
    expect(link.attribs.href).toBe("https://example.com/");
    expect(elements(html, "a").filter((a) => a.attribs.class === "image-full")).toHaveLength(0);
    const [img] = DomUtils.getElementsByTagName("img", photo);
    expect(img.attribs.src).toMatch(/\.jpeg$/);
    expect(urlsOf(img.attribs.srcset).map(([, w]) => w)).toEqual(["672w", "1000w"]);
    expect(img.attribs.loading).toBeUndefined();
    const [iconImg] = DomUtils.getElementsByTagName("img", icon);
    expect(iconImg.attribs).toMatchObject({ alt: "An icon", loading: "lazy", width: "300" });
    expect((icon.parent as Element).name).toBe("p");
    for (const url of [...pictureUrls(photo), ...pictureUrls(icon)])
      expect(existsSync(path.join(project.site, url)), url).toBe(true);
  });
});
