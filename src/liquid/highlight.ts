// Jekyll's `{% highlight LANG [linenos] %}...{% endhighlight %}` (jekyll/lib/jekyll/tags/highlight.rb):
// the body is Liquid, rendered first, then highlighted at build time inside Jekyll's markup.
import type { Context, Liquid, TagToken, Template, TopLevelToken } from "liquidjs";
import { escapeXml } from "../site/text.ts";
import { highlight } from "../markdown/highlight.ts";

const SYNTAX = /^\s*([\w+#.-]+)\s*(.*?)\s*$/;

export interface HighlightOptions {
  language: string;
  lineNumbers: boolean;
}

/** Jekyll's figure: `<figure class="highlight"><pre><code class="language-x" data-lang="x">`, Rouge's table for `linenos`. */
export function highlightFigure(source: string, { language, lineNumbers }: HighlightOptions): string {
  // Jekyll drops leading and trailing line breaks, not spaces.
  const code = source.replace(/^[\r\n]+|[\r\n]+$/g, "");
  let html = highlight(code, language);
  if (lineNumbers) {
    const count = code.split("\n").length;
    const numbers = Array.from({ length: count }, (_, i) => `${i + 1}\n`).join("");
    html = `<table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">${numbers}</pre></td><td class="code"><pre>${html}\n</pre></td></tr></tbody></table>`;
  }
  const attrs = `class="language-${escapeXml(language.replace(/\+/g, "-"), { keepApostrophes: true })}" data-lang="${escapeXml(language, { keepApostrophes: true })}"`;
  return `<figure class="highlight"><pre><code ${attrs}>${html}</code></pre></figure>`;
}

export function parseHighlightArgs(args: string): HighlightOptions | undefined {
  const match = SYNTAX.exec(args);
  if (!match) return undefined;
  return { language: match[1].toLowerCase(), lineNumbers: /(^|\s)linenos(\s|=|$)/.test(match[2]) };
}

interface HighlightTag {
  options: HighlightOptions;
  templates: Template[];
}

export function highlightTag(liquid: Liquid) {
  return {
    parse(this: HighlightTag, token: TagToken, remaining: TopLevelToken[]) {
      const options = parseHighlightArgs(token.args);
      if (!options) throw new Error(`tag {% highlight ${token.args} %} needs a language, e.g. {% highlight ruby %}`);
      this.options = options;
      this.templates = [];
      const stream = liquid.parser.parseStream(remaining);
      stream
        .on("tag:endhighlight", () => stream.stop())
        .on("template", (template: Template) => this.templates.push(template))
        .on("end", () => {
          throw new Error(`tag ${token.getText()} not closed`);
        });
      stream.start();
    },
    *render(this: HighlightTag, context: Context): Generator<unknown, string, string> {
      const code = yield liquid.renderer.renderTemplates(this.templates, context);
      return highlightFigure(code, this.options);
    },
  };
}
