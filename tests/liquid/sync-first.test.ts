// Layouts render through `renderSyncFirst` (src/liquid/sync-first.ts): it must give what liquidjs's own async
// render gives, including async filters and tags, and the same errors.
import { Liquid } from "liquidjs";
import { describe, expect, it } from "vitest";
import { renderSyncFirst } from "../../src/liquid/sync-first.ts";

function engines(): { ours: Liquid; theirs: Liquid } {
  const make = () => {
    const liquid = new Liquid({ strictFilters: true });
    liquid.registerFilter(
      "later",
      (value: string) => new Promise((resolve) => setTimeout(() => resolve(`${value}!`), 5)),
    );
    liquid.registerFilter("shout", (value: string) => value.toUpperCase());
    return liquid;
  };
  const ours = make();
  renderSyncFirst(ours);
  return { ours, theirs: make() };
}

const render = (liquid: Liquid, source: string, scope: object) => liquid.render(liquid.parse(source), scope);

describe("sync-first Liquid rendering", () => {
  const scope = { title: "Docker", items: ["a", "b", "c"], post: { tags: ["x", "y"] } };

  it("renders what liquidjs renders, loops, conditions and filters included", async () => {
    const { ours, theirs } = engines();
    const source =
      "{{ title | shout }}{% for item in items %}{% if forloop.last %}[{{ item }}]{% else %}{{ item }},{% endif %}{% endfor %}{% assign n = post.tags.size %}{{ n | plus: 1 }}";
    expect(await render(ours, source, scope)).toBe(await render(theirs, source, scope));
    expect(await render(ours, source, scope)).toBe("DOCKERa,b,[c]3");
  });

  it("waits for an async filter, also inside a loop, keeping the order of the output", async () => {
    const { ours, theirs } = engines();
    const source = "<{% for item in items %}{{ item | later }}{{ item | shout }}{% endfor %}>";
    const result = render(ours, source, scope);
    expect(result).toBeInstanceOf(Promise);
    expect(await result).toBe(await render(theirs, source, scope));
    expect(await result).toBe("<a!Ab!Bc!C>");
  });

  it("fails as liquidjs fails: an unknown filter or a throwing one, with liquidjs's message", async () => {
    const { ours, theirs } = engines();
    ours.registerFilter("boom", () => {
      throw new Error("no way");
    });
    theirs.registerFilter("boom", () => {
      throw new Error("no way");
    });
    const source = "line one\n{{ title | boom }}";
    const error = await render(theirs, source, scope).catch((caught: unknown) => caught);
    await expect(render(ours, source, scope)).rejects.toThrow((error as Error).message);
    expect(() => ours.parse("{{ title | nosuchfilter }}")).toThrow(/nosuchfilter/);
  });
});
