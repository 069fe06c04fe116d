// Jekyll's Utils.slugify modes used in URLs: `default` keeps letters, marks and digits; `pretty` also
// keeps characters that stay readable in a URL.
const DEFAULT_MODE = /[^\p{M}\p{L}\p{Nd}]+/gu;
const PRETTY_MODE = /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu;

export function slugify(text: string, mode: "default" | "pretty" = "default", cased = false): string {
  const slug = text.replace(mode === "pretty" ? PRETTY_MODE : DEFAULT_MODE, "-").replace(/^-|-$/g, "");
  return cased ? slug : slug.toLowerCase();
}
