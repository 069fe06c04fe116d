// What makes a warm build render every page (src/rebuild/site-inputs.ts): any input but a post's own file,
// the engine's code and the lockfile included; a post's file is compared post by post instead.
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { siteFingerprint } from "../../src/rebuild/site-inputs.ts";

function project() {
  const root = mkdtempSync(path.join(tmpdir(), "rebuild-inputs-"));
  const files: Record<string, string> = {
    "_config.yml": "title: A\n",
    "_includes/layouts/post.liquid": "{{ content }}",
    "_includes/footer.liquid": "footer",
    "_data/links.yml": "- a\n",
    "pages/about.md": "---\ntitle: About\n---\n",
    "assets/images/a.png": "png",
    "posts/posts.json": "{}",
    "posts/2024-01-01-a.md": "---\ntitle: A\n---\nText.\n",
    "engine/src/eleventy.ts": "export {};",
    "engine/package-lock.json": "{}",
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return {
    root,
    src: path.join(root, "engine/src"),
    fingerprint: () => siteFingerprint(root, path.join(root, "engine/src")),
  };
}

describe("the site fingerprint", () => {
  it("changes with every input but a post's own file", () => {
    const { root, fingerprint } = project();
    let last = fingerprint();
    expect(fingerprint()).toBe(last);
    for (const file of [
      "_config.yml",
      "_includes/layouts/post.liquid",
      "_includes/footer.liquid",
      "_data/links.yml",
      "pages/about.md",
      "assets/images/a.png",
      "posts/posts.json",
      "engine/src/eleventy.ts",
      "engine/package-lock.json",
    ]) {
      appendFileSync(path.join(root, file), " ");
      expect(fingerprint(), file).not.toBe(last);
      last = fingerprint();
    }
    writeFileSync(path.join(root, "_includes/new.liquid"), "");
    expect(fingerprint(), "a new include").not.toBe(last);
    last = fingerprint();

    appendFileSync(path.join(root, "posts/2024-01-01-a.md"), "More.\n");
    writeFileSync(path.join(root, "posts/2024-01-02-b.md"), "---\ntitle: B\n---\n");
    expect(fingerprint()).toBe(last);
  });

  it("changes with the build's settings from the environment", () => {
    const { fingerprint } = project();
    const before = fingerprint();
    for (const name of ["BLOG_DRAFTS", "BLOG_NOW", "JEKYLL_ENV", "TZ"]) {
      const saved = process.env[name];
      process.env[name] = "something else";
      try {
        expect(fingerprint(), name).not.toBe(before);
      } finally {
        if (saved === undefined) delete process.env[name];
        else process.env[name] = saved;
      }
    }
    expect(fingerprint()).toBe(before);
  });
});
