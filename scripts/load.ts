// `npm run load`: the production nginx config under load on loopback, for BENCHMARKS.md "Serving".
// Builds the repo's posts into a temporary folder, precompresses it as the Dockerfile does, starts real
// nginx with the image's config (tests/helpers/nginx.ts), then runs wrk against the article (gzip, as
// browsers ask) and one of its content-hashed images. Bounded: DURATION seconds per URL (default 10).
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { REPO } from "../tests/helpers/project.ts";
import { precompress, rawRequest, startNginx } from "../tests/helpers/nginx.ts";

const DURATION = Number(process.env.DURATION ?? 10);
const THREADS = 2;
const CONNECTIONS = 50;
const ARTICLE = "/docker/2020/02/21/docker-versus-virtual-machines.html";

interface WrkResult {
  requestsPerSecond: number;
  requests: number;
  latencyP50: string;
  latencyP99: string;
  transferPerSecond: string;
  errors: number;
  non2xx: number;
}

function wrk(url: string, headers: Record<string, string>): Promise<WrkResult> {
  const args = ["-t", String(THREADS), "-c", String(CONNECTIONS), "-d", `${DURATION}s`, "--latency"];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}: ${value}`);
  return new Promise((resolve, reject) => {
    execFile("wrk", [...args, url], { timeout: (DURATION + 30) * 1000 }, (error, stdout) => {
      if (error) return reject(error);
      const number = (pattern: RegExp) => Number(pattern.exec(stdout)?.[1] ?? 0);
      const text = (pattern: RegExp) => pattern.exec(stdout)?.[1] ?? "?";
      const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
      resolve({
        requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
        requests: number(/(\d+) requests in/),
        latencyP50: text(/^\s+50%\s+(\S+)/m),
        latencyP99: text(/^\s+99%\s+(\S+)/m),
        transferPerSecond: text(/Transfer\/sec:\s+(\S+)/),
        errors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
        non2xx: number(/Non-2xx or 3xx responses: (\d+)/),
      });
    });
  });
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), "blog-load-"));
  const site = path.join(work, "site");
  try {
    execFileSync(process.execPath, ["src/build/launch.mjs"], {
      cwd: REPO,
      env: { ...process.env, BLOG_OUTPUT: site },
      stdio: "inherit",
    });
    await precompress(site);
    const html = readFileSync(path.join(site, ARTICLE), "utf8");
    // The AVIF a current browser picks for the article's first diagram at 1x.
    const image = /<source type="image\/avif" srcset="(\/img\/[^" ]+)/.exec(html)?.[1];
    if (!image) throw new Error(`${ARTICLE} has no /img/ image: is the image pipeline wired?`);

    const nginx = await startNginx(site);
    try {
      const targets: Array<{ what: string; url: string; headers: Record<string, string> }> = [
        { what: "article, gzip", url: ARTICLE, headers: { "Accept-Encoding": "gzip" } },
        { what: "article, identity", url: ARTICLE, headers: {} },
        { what: `hashed image (${path.extname(image).slice(1)})`, url: image, headers: {} },
      ];
      const rows: string[] = [];
      // Other work on the machine takes cores from nginx and wrk: say how busy it was.
      const busy = loadavg()[0].toFixed(1);
      let failed = false;
      for (const target of targets) {
        const probe = await rawRequest(nginx.port, target.url, { headers: target.headers });
        const bytes = probe.body.length;
        const result = await wrk(`${nginx.url}${target.url}`, target.headers);
        failed ||= probe.status !== 200 || result.errors > 0 || result.non2xx > 0 || result.requests === 0;
        rows.push(
          `| ${target.what} | ${bytes} | ${Math.round(result.requestsPerSecond)} | ${result.latencyP50} | ${result.latencyP99} | ${result.transferPerSecond} | ${result.requests} | ${result.errors} | ${result.non2xx} |`,
        );
      }
      const nginxVersion = spawnSync("nginx", ["-v"], { encoding: "utf8" }).stderr.trim();
      console.log(
        `\nwrk ${THREADS} threads, ${CONNECTIONS} connections, ${DURATION} s per URL, loopback; ${cpus().length} cores shared by nginx and wrk; 1-minute load average ${busy} before the run\n`,
      );
      console.log("| URL | bytes sent | requests/s | p50 | p99 | transfer/s | requests | socket errors | non-2xx |");
      console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
      for (const row of rows) console.log(row);
      console.log(`\n${nginxVersion}, config nginx/conf.d/default.conf`);
      if (failed) {
        console.error("load: a URL answered with errors or non-2xx responses");
        process.exitCode = 1;
      }
    } finally {
      await nginx.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
