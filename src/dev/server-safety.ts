// `npm start`'s server (Eleventy's dev server, https://www.11ty.dev/docs/dev-server/): on this machine only,
// unless asked otherwise, and a quick answer to a path that climbs out of the site.
import type { IncomingMessage, ServerResponse } from "node:http";

/** The interface `npm start` listens on: loopback, unless BLOG_HOST says otherwise (compose.yaml's `0.0.0.0`). */
export function devServerHost(): string {
  return process.env.BLOG_HOST || "127.0.0.1";
}

/**
 * Whether a request's path, decoded, has a `..` segment or does not decode: the dev server would throw
 * "Invalid path" on it without answering, and the client would wait.
 */
export function climbsOut(url: string): boolean {
  const pathname = url.split(/[?#]/)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  return decoded.split(/[/\\]/).includes("..") || decoded.includes("\0");
}

/**
 * The dev server's `setup` (run once, before the server is made): it listens on every interface by itself (its
 * `listen` takes no host), so the listening call is given one.
 */
export async function listenOnDevHost(): Promise<Record<string, never>> {
  const { default: DevServer } = await import("@11ty/eleventy-dev-server");
  DevServer.prototype._serverListen = function (port: number) {
    this.server.listen({ port, host: devServerHost() });
  };
  return {};
}

/** Middleware: a path that climbs out of the site gets 400 at once. */
export function refuseClimbing(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  if (!climbsOut(request.url ?? "/")) return next();
  response.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
  response.end("Bad request: the path leaves the site.\n");
}
