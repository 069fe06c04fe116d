// The real `npm start` (or another command, such as compose.yaml's dev service's) in a test project, on a
// free port given through PORT as the dev service sets it, stopped with its whole process group.
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach } from "vitest";
import type { Project } from "./project.ts";
import { freePort, rawRequest } from "./nginx.ts";

/** How long a poll waits before the test fails; the time it took is printed, speed is not asserted. */
export const POLL_DEADLINE_MS = 30_000;

export interface DevServer {
  port: number;
  output(): string;
  /** The exit code, or null while the server runs. */
  exitCode(): number | null;
  stop(): Promise<void>;
}

const running: DevServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

export interface DevServerOptions {
  /** The command and its arguments; `npm start` unless given. */
  command?: string[];
  env?: Record<string, string>;
  /** The port, given as PORT; a free one unless given (any PORT in `env` is replaced). */
  port?: number;
  /** The URL that answers 200 once the first build is served. */
  ready?: string;
}

/** Starts the dev server and waits until `ready` answers 200. */
export async function startDevServer(project: Project, options: DevServerOptions = {}): Promise<DevServer> {
  const port = options.port ?? (await freePort());
  const [command, ...args] = options.command ?? ["npm", "start"];
  const child: ChildProcess = spawn(command, args, {
    cwd: project.dir,
    env: { ...process.env, ...options.env, PORT: String(port) },
    // Its own process group, so stopping it stops npm, sh and Eleventy together.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server: DevServer = {
    port,
    output: () => output,
    exitCode: () => child.exitCode,
    async stop() {
      if (child.exitCode === null && child.pid) {
        process.kill(-child.pid, "SIGTERM");
        await exited;
      }
    },
  };
  running.push(server);
  await pollUntil(
    "the dev server serves the first build",
    async () => {
      if (child.exitCode !== null) throw new Error(`${command} exited with ${child.exitCode}:\n${output}`);
      return (await navigate(server, options.ready ?? "/")).status === 200;
    },
    180_000,
  );
  return server;
}

/** A page as a browser navigating to it gets it (fetch() would be an XHR, served without live reload). */
export async function navigate(server: DevServer, url: string): Promise<{ status: number; text: string }> {
  try {
    const res = await rawRequest(server.port, url, { headers: { "Sec-Fetch-Mode": "navigate", Accept: "text/html" } });
    return { status: res.status, text: res.body.toString() };
  } catch {
    return { status: 0, text: "" };
  }
}

/** Polls `check` until it holds; returns the milliseconds it took. */
export async function pollUntil(
  what: string,
  check: () => Promise<boolean> | boolean,
  deadline = POLL_DEADLINE_MS,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
