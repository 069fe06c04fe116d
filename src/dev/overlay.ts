// The standing build errors, shown by the dev server over the page it sends: a non-modal dialog at the top
// of the body, read first by screen readers and reached first from the keyboard, that a button (no script)
// hides. Pages on disk never hold it: it is added as a page is sent, and gone on the next good build.
import { escapeXml } from "../site/text.ts";

/** Marks the overlay in a page (tests look for it; the build's output never has it). */
export const OVERLAY_ID = "blog-build-error";

// Colours fixed rather than the theme's, so the text keeps its contrast in light and dark schemes alike.
const STYLE = `#${OVERLAY_ID}{position:fixed;inset:0.75rem 0.75rem auto;z-index:2147483647;margin:0 auto;max-width:60rem;max-height:calc(100vh - 1.5rem);overflow:auto;box-sizing:border-box;padding:1rem 1.25rem;border:0;border-left:0.5rem solid #b00020;border-radius:0.25rem;background:#fff;color:#1a1a1a;box-shadow:0 0.5rem 2rem rgb(0 0 0 / 0.45);font:1rem/1.5 system-ui,sans-serif}
#${OVERLAY_ID} h2{margin:0 0 0.5rem;font-size:1.25rem;color:#b00020}
#${OVERLAY_ID} p{margin:0 0 0.75rem}
#${OVERLAY_ID} pre{margin:0 0 0.75rem;padding:0.75rem;background:#f4f4f4;color:#1a1a1a;white-space:pre-wrap;overflow-wrap:anywhere;font:0.9rem/1.45 ui-monospace,monospace}
#${OVERLAY_ID} button{font:inherit;padding:0.25rem 1rem;border:2px solid #1a1a1a;border-radius:0.25rem;background:#fff;color:#1a1a1a;cursor:pointer}
#${OVERLAY_ID} button:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}`;

/** The overlay's markup for these messages (each as the terminal printed it), escaped. */
export function overlayHtml(messages: string[]): string {
  const count = messages.length === 1 ? "an error" : `${messages.length} errors`;
  return (
    `<style>${STYLE}</style>` +
    `<dialog open id="${OVERLAY_ID}" aria-labelledby="${OVERLAY_ID}-title" aria-describedby="${OVERLAY_ID}-text">` +
    `<h2 id="${OVERLAY_ID}-title">The site has ${count}</h2>` +
    `<p>The rest of the site is served as last built. Fix what is named below and save: this goes away by itself.</p>` +
    `<pre id="${OVERLAY_ID}-text">${messages.map((message) => escapeXml(message)).join("\n\n")}</pre>` +
    `<form method="dialog"><button type="submit" autofocus>Hide</button></form>` +
    `</dialog>`
  );
}

/** The page with the overlay first in its body; the page unchanged when no error stands. */
export function withOverlay(html: string, messages: string[]): string {
  if (!messages.length) return html;
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return overlayHtml(messages) + html;
  const at = body.index + body[0].length;
  return html.slice(0, at) + overlayHtml(messages) + html.slice(at);
}
