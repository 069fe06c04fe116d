// Runs real nginx (Debian's) with the production config: the exact files the Dockerfile copies into
// /etc/nginx, with only `root` and `listen` replaced, inside an http {} like nginx-unprivileged's nginx.conf.
// nginx runs unprivileged, as in the image: as `nobody` when the tests run as root.
import { execFile, spawn } from "node:child_process";
import {
  chmodSync,
  chownSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO } from "./project.ts";

export const NGINX_DIR = path.join(REPO, "nginx");
/** Where the image puts the site and where nginx listens there; the only two things a test replaces. */
const IMAGE_ROOT = "root /srv/blog;";
const IMAGE_LISTEN = "listen 8080;";
const NOBODY = 65534;

/** The Content-Security-Policy the server sends, read from its one home in nginx/snippets/. */
export function productionCsp(): string {
  const text = readFileSync(path.join(NGINX_DIR, "snippets/security-headers.conf"), "utf8");
  const csp = /^add_header Content-Security-Policy "([^"]+)" always;$/m.exec(text)?.[1];
  if (!csp) throw new Error("nginx/snippets/security-headers.conf has no Content-Security-Policy line");
  return csp;
}

/** A port nobody listens on right now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Precompresses a built site the way the Dockerfile does. */
export function precompress(site: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile("sh", [path.join(REPO, "scripts/precompress.sh"), site], (error, _stdout, stderr) =>
      error ? reject(new Error(`precompress failed: ${stderr}`)) : resolve(),
    );
  });
}

/** The server block as the image has it, pointed at `site` and a loopback port. */
function serverBlock(site: string, port: number): string {
  const text = readFileSync(path.join(NGINX_DIR, "conf.d/default.conf"), "utf8");
  for (const line of [IMAGE_ROOT, IMAGE_LISTEN]) {
    if (text.split(line).length !== 2) throw new Error(`nginx/conf.d/default.conf must contain "${line}" exactly once`);
  }
  return text.replace(IMAGE_ROOT, `root ${site};`).replace(IMAGE_LISTEN, `listen 127.0.0.1:${port};`);
}

/** nginx-unprivileged's nginx.conf, with pid, temp and log paths in `dir` so no privilege is needed. */
function mainConfig(dir: string): string {
  return `worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log notice;
events { worker_connections 1024; }
http {
    client_body_temp_path ${dir}/client_temp;
    proxy_temp_path ${dir}/proxy_temp;
    fastcgi_temp_path ${dir}/fastcgi_temp;
    uwsgi_temp_path ${dir}/uwsgi_temp;
    scgi_temp_path ${dir}/scgi_temp;
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    keepalive_timeout 65;
    include conf.d/*.conf;
}
`;
}

export interface RunningNginx {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** The error log, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

/** Starts nginx over `site` (made readable to an unprivileged user) and waits until it answers. */
export async function startNginx(site: string): Promise<RunningNginx> {
  const dir = mkdtempSync(path.join(tmpdir(), "blog-nginx-"));
  cpSync(path.join(NGINX_DIR, "snippets"), path.join(dir, "snippets"), { recursive: true });
  mkdirSync(path.join(dir, "conf.d"));
  const port = await freePort();
  writeFileSync(path.join(dir, "conf.d/default.conf"), serverBlock(site, port));
  writeFileSync(path.join(dir, "nginx.conf"), mainConfig(dir));

  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chownSync(dir, NOBODY, NOBODY);
    // mkdtemp makes 0700 folders; the unprivileged server must be able to walk down to the site.
    for (let folder = site; folder !== path.dirname(folder); folder = path.dirname(folder)) {
      const mode = statSync(folder).mode;
      if ((mode & 0o005) !== 0o005) chmodSync(folder, mode | 0o055);
    }
  }
  const child = spawn("nginx", ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")], {
    stdio: ["ignore", "ignore", "pipe"],
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const log = () => {
    try {
      return stderr + readFileSync(path.join(dir, "error.log"), "utf8");
    } catch {
      return stderr;
    }
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${log()}`);
    if (await answers(port)) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`nginx did not answer on ${url}:\n${log()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url,
    port,
    log,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGQUIT");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: "/healthz", method: "HEAD" }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on("error", () => resolve(false));
    req.end();
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * One HTTP request with the path sent exactly as given: fetch() would normalise `/../` away and never
 * show what the server does with it.
 */
export function rawRequest(
  port: number,
  requestPath: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path: requestPath, method: options.method ?? "GET", headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}
