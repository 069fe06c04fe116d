// Bad Liquid in a post stops `npm run build` with the file, the line and the tag, never a stack trace.
import { describe, expect, it } from "vitest";
import { build, makeProject, post } from "../helpers/project.ts";

const CONFIG = "title: T\ntimezone: UTC\n";

async function buildPost(body: string) {
  const project = makeProject({ "_config.yml": CONFIG, "posts/2020-01-01-x.md": post("title: X", body) });
  const result = await build(project.dir);
  return { ...result, output: result.stdout + result.stderr };
}

// Front matter is 3 lines, then a blank line: the body's first line is line 5 of the file.
const cases: [string, string, RegExp][] = [
  [
    "an unknown tag",
    "Intro.\n\nLine two\n\n{% youtube abc %}\n",
    /posts\/2020-01-01-x\.md:9: unknown Liquid tag \{% youtube %\}/,
  ],
  [
    "an unclosed if",
    "Intro.\n\n{% if true %}\nyes\n",
    /posts\/2020-01-01-x\.md:7: Liquid tag \{% if true %\} is never closed[\s\S]*\{% endif %\}/,
  ],
  [
    "an unclosed highlight",
    "Intro.\n\n{% highlight ruby %}\nputs 1\n",
    /posts\/2020-01-01-x\.md:7: Liquid tag \{% highlight ruby %\} is never closed[\s\S]*\{% endhighlight %\}/,
  ],
  [
    "an unclosed output",
    "Intro.\n\nHello {{ name\n",
    /posts\/2020-01-01-x\.md:7: Liquid output \{\{ name is not closed with \}\}/,
  ],
  [
    "a missing include",
    "Intro.\n\n{% include nope.html %}\n",
    /posts\/2020-01-01-x\.md:7: \{% include nope\.html %\} names no file in _includes\//,
  ],
  [
    "a link to nothing",
    "Intro.\n\n[x]({% link _posts/2000-01-01-nope.md %})\n",
    /posts\/2020-01-01-x\.md:7: \{% link _posts\/2000-01-01-nope\.md %\} names no post or file/,
  ],
];

describe("bad Liquid in a post", () => {
  for (const [what, body, message] of cases) {
    it(`fails the build on ${what}, naming file, line and tag`, async () => {
      const result = await buildPost(body);
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(message);
      expect(result.output).toMatch(/Fix: /);
      expect(result.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    }, 60_000);
  }

  it("does not check a post Jekyll would not build (dated in the future)", async () => {
    const project = makeProject({
      "_config.yml": CONFIG,
      "posts/2020-01-01-x.md": post("title: X", "Fine.\n"),
      "posts/2999-01-01-later.md": post("title: Later", "{% youtube abc %}\n"),
    });
    const result = await build(project.dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  }, 60_000);

  it("builds when the same text is marked render_with_liquid: false", async () => {
    const project = makeProject({
      "_config.yml": CONFIG,
      "posts/2020-01-01-x.md": post("title: X\nrender_with_liquid: false", "Intro {% youtube abc %} and {{ name.\n"),
    });
    const result = await build(project.dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  }, 60_000);
});
