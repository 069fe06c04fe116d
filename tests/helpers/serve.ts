// A static file server for tests: a built `_site/` over HTTP on a random loopback port, as a web host
// serves it (folder → index.html, `%20` decoded, 404.html with status 404). Browser tests need real HTTP:
// file:// URLs would break root-relative links and fetch().
import { createServer } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";

export interface Served {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
};

/** The file a URL path names inside `root`, or undefined (outside the folder, or missing). */
function fileFor(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const candidate = path.join(root, decoded);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return undefined;
  if (existsSync(candidate) && statSync(candidate).isDirectory()) {
    const index = path.join(candidate, "index.html");
    return existsSync(index) ? index : undefined;
  }
  return existsSync(candidate) ? candidate : undefined;
}

/** Serves `dir` on 127.0.0.1 at a port the system picks; `headers` go on every response (e.g. a CSP). */
export async function serveDir(dir: string, options: { headers?: Record<string, string> } = {}): Promise<Served> {
  const root = path.resolve(dir);
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(options.headers ?? {})) response.setHeader(name, value);
    const urlPath = new URL(request.url ?? "/", "http://localhost").pathname;
    const file = fileFor(root, urlPath);
    const notFound = path.join(root, "404.html");
    const status = file ? 200 : 404;
    const body = file ?? (existsSync(notFound) ? notFound : undefined);
    response.statusCode = status;
    if (!body) {
      response.setHeader("content-type", TYPES[".txt"]);
      response.end("Not found");
      return;
    }
    response.setHeader("content-type", TYPES[path.extname(body).toLowerCase()] ?? "application/octet-stream");
    if (request.method === "HEAD") {
      response.end();
      return;
    }
    createReadStream(body).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
