// A line chart of build time against post count, one line per system, drawn as plain SVG (no library:
// the chart is a few dozen elements, and a diff of it stays readable).

export interface Series {
  label: string;
  /** Seconds per post count; a missing count leaves a gap. */
  points: { posts: number; seconds: number }[];
}

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { top: 40, right: 240, bottom: 50, left: 60 };
// Colour-blind-safe palette (Okabe–Ito), in a fixed order so a system keeps its colour between runs.
const COLOURS = ["#000000", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F7F7F"];

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Round step for about `count` ticks up to `max`. */
function tickStep(max: number, count = 5): number {
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((f) => f * power).find((step) => step >= raw) ?? raw;
}

/** The chart: x is the post count on a log scale (250, 1,000, 4,000 sit evenly), y is seconds from 0. */
export function buildTimeChart(series: Series[], title: string): string {
  const counts = [...new Set(series.flatMap((s) => s.points.map((p) => p.posts)))].sort((a, b) => a - b);
  const maxSeconds = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.seconds)));
  const step = tickStep(maxSeconds);
  const top = Math.ceil(maxSeconds / step) * step;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const [low, high] = [Math.log(counts[0] ?? 1), Math.log(counts.at(-1) ?? 1)];
  const x = (posts: number) =>
    MARGIN.left + (high === low ? plotWidth / 2 : ((Math.log(posts) - low) / (high - low)) * plotWidth);
  const y = (seconds: number) => MARGIN.top + plotHeight - (seconds / top) * plotHeight;
  const parts: string[] = [];
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`);
  parts.push(`<text x="${MARGIN.left}" y="24" font-size="16" font-weight="bold">${escapeXml(title)}</text>`);
  for (let value = 0; value <= top + 1e-9; value += step) {
    const yy = y(value).toFixed(1);
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${yy}" y2="${yy}" stroke="#dddddd"/>`);
    parts.push(
      `<text x="${MARGIN.left - 8}" y="${yy}" font-size="12" text-anchor="end" dominant-baseline="middle">${Number(value.toFixed(2))}</text>`,
    );
  }
  for (const posts of counts) {
    const xx = x(posts).toFixed(1);
    parts.push(`<line x1="${xx}" x2="${xx}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#eeeeee"/>`);
    parts.push(
      `<text x="${xx}" y="${MARGIN.top + plotHeight + 18}" font-size="12" text-anchor="middle">${posts.toLocaleString("en-US")}</text>`,
    );
  }
  parts.push(
    `<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#333333"/>`,
  );
  parts.push(
    `<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight}" stroke="#333333"/>`,
  );
  parts.push(
    `<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 10}" font-size="13" text-anchor="middle">posts (log scale)</text>`,
  );
  parts.push(
    `<text transform="translate(16 ${MARGIN.top + plotHeight / 2}) rotate(-90)" font-size="13" text-anchor="middle">build time, seconds</text>`,
  );
  series.forEach((line, index) => {
    const colour = COLOURS[index % COLOURS.length];
    const dash = index >= COLOURS.length ? ' stroke-dasharray="6 3"' : "";
    const points = [...line.points].sort((a, b) => a.posts - b.posts);
    const d = points.map((p, i) => `${i ? "L" : "M"}${x(p.posts).toFixed(1)} ${y(p.seconds).toFixed(1)}`).join(" ");
    if (points.length > 1) parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${dash}/>`);
    for (const p of points) {
      parts.push(
        `<circle cx="${x(p.posts).toFixed(1)}" cy="${y(p.seconds).toFixed(1)}" r="3.5" fill="${colour}"><title>${escapeXml(`${line.label}: ${p.seconds.toFixed(2)} s at ${p.posts} posts`)}</title></circle>`,
      );
    }
    const legendY = MARGIN.top + 10 + index * 22;
    const legendX = MARGIN.left + plotWidth + 20;
    parts.push(
      `<line x1="${legendX}" x2="${legendX + 24}" y1="${legendY}" y2="${legendY}" stroke="${colour}" stroke-width="2"${dash}/>`,
    );
    parts.push(
      `<text x="${legendX + 30}" y="${legendY}" font-size="12" dominant-baseline="middle">${escapeXml(line.label)}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="DejaVu Sans, Arial, sans-serif" role="img" aria-label="${escapeXml(title)}">\n<title>${escapeXml(title)}</title>\n${parts.join("\n")}\n</svg>\n`;
}
