// A small blog for the search tests: the seed article plus posts in other categories, a draft (built, as
// `npm start` builds drafts), an unpublished and a future post; and readers of the Pagefind bundle it gets.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { REPO, makeProject, post, type Project } from "./project.ts";

const ARTICLE = "2020-02-21-docker-versus-virtual-machines.md";

export interface SearchBlog {
  project: Project;
  /** URLs (Jekyll's permalinks) of the posts a reader may find. */
  published: { url: string; title: string; category: string }[];
  /** The draft's output file name (its folder has the build's date) and a word only it contains. */
  draft: { fileName: string; word: string };
  /** Words only the unpublished and the future post contain. */
  hiddenWords: string[];
}

export function makeSearchBlog(baseurl = ""): SearchBlog {
  const config = readFileSync(path.join(REPO, "_config.yml"), "utf8")
    .replace(/^baseurl:.*$/m, `baseurl: "${baseurl}"`)
    .replace(/^show_drafts:.*$/m, "show_drafts: true");
  const project = makeProject({
    "_config.yml": config,
    [`posts/${ARTICLE}`]: readFileSync(path.join(REPO, "posts", ARTICLE), "utf8"),
    "posts/2021-03-01-namespaces.md": post(
      'title: "Linux Namespaces"\ncategories: linux\ntags: [kernel]',
      "Namespaces give containers their own view of processes.\n\n## Network namespaces\n\nEach of the containers gets its own network stack.\n",
    ),
    "posts/2021-04-01-cgroups.md": post(
      'title: "Control Groups"\ncategories: linux',
      "Control groups limit what containers may use of the CPU and memory.\n",
    ),
    "posts/2021-05-01-pods.md": post(
      'title: "Pods"\ncategories: kubernetes\ntags: [scheduling, basics]\nimage: /assets/images/docker-vm-diagram.png',
      "A pod runs one or more containers that share a network namespace.\n",
    ),
    "posts/_drafts/zanzibar.md": post(
      'title: "Draft"\ncategories: linux',
      "zanzibarquux containers volumes, still a draft.\n",
    ),
    "posts/2021-06-01-unpublished.md": post(
      'title: "Unpublished"\npublished: false\ncategories: linux',
      "quuxunpublished containers volumes.\n",
    ),
    "posts/2099-01-01-future.md": post('title: "Future"\ncategories: linux', "quuxfuture containers volumes.\n"),
  });
  const base = baseurl.replace(/\/$/, "");
  return {
    project,
    published: [
      {
        url: "/docker/2020/02/21/docker-versus-virtual-machines.html",
        title: "Docker Versus Virtual Machines",
        category: "docker",
      },
      { url: "/linux/2021/03/01/namespaces.html", title: "Linux Namespaces", category: "linux" },
      { url: "/linux/2021/04/01/cgroups.html", title: "Control Groups", category: "linux" },
      { url: "/kubernetes/2021/05/01/pods.html", title: "Pods", category: "kubernetes" },
    ].map((entry) => ({ ...entry, url: `${base}${entry.url}` })),
    draft: { fileName: "zanzibar.html", word: "zanzibarquux" },
    hiddenWords: ["quuxunpublished", "quuxfuture"],
  };
}

export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** Pagefind's files are gzip with a `pagefind_dcd` signature before the payload. */
export function readBundleFile(file: string): Buffer {
  const data = gunzipSync(readFileSync(file));
  const signature = "pagefind_dcd";
  return data.subarray(0, signature.length).toString() === signature ? data.subarray(signature.length) : data;
}

/** Every page record in a site's Pagefind bundle. */
export function readFragments(site: string): Fragment[] {
  const folder = path.join(site, "pagefind/fragment");
  return readdirSync(folder).map(
    (name) => JSON.parse(readBundleFile(path.join(folder, name)).toString("utf8")) as Fragment,
  );
}

/** All of a bundle's index, filter and fragment data, decompressed, as text (to look for words that must be absent). */
export function readAllBundleText(site: string): string {
  return ["fragment", "index", "filter"]
    .flatMap((folder) =>
      readdirSync(path.join(site, "pagefind", folder)).map((name) => path.join(site, "pagefind", folder, name)),
    )
    .map((file) => readBundleFile(file).toString("latin1"))
    .join("\n");
}
