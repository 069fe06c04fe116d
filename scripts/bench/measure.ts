// Runs one build command and measures it: wall time, and peak memory of its whole process tree
// (sampled from /proc, since a build forks: tsx → node, Eleventy → Pagefind) and of its largest process
// (GNU time's "Maximum resident set size").
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Measurement {
  seconds: number;
  /** Peak of the summed resident memory of the command's process tree, in bytes. */
  peakBytes: number;
  /** The last line the command printed (this blog's build ends with its summary). */
  lastLine: string;
}

export interface Command {
  cmd: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
}

const GNU_TIME = "/usr/bin/time";
const PAGE = 4096;

/** Resident bytes of `root` and all its descendants, from /proc (0 once the tree is gone). */
function treeResidentBytes(root: number): number {
  const parents = new Map<number, number>();
  const resident = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name (which may hold spaces) start at the last ')'.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
      resident.set(Number(entry), Number(fields[21]) * PAGE);
    } catch {
      // The process ended between listing and reading.
    }
  }
  let total = 0;
  const pending = [root];
  while (pending.length) {
    const pid = pending.pop() as number;
    total += resident.get(pid) ?? 0;
    for (const [child, parent] of parents) if (parent === pid) pending.push(child);
  }
  return total;
}

/** Runs `command` to completion; rejects with its output if it fails. */
export function measure(command: Command): Promise<Measurement> {
  const useTime = existsSync(GNU_TIME);
  const scratch = mkdtempSync(path.join(tmpdir(), "bench-time-"));
  const timeFile = path.join(scratch, "time.txt");
  const [cmd, args] = useTime
    ? [GNU_TIME, ["-f", "%M", "-o", timeFile, command.cmd, ...command.args]]
    : [command.cmd, command.args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, {
      cwd: command.cwd,
      env: { ...process.env, ...command.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    child.stderr.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    let peak = 0;
    const sampler = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeResidentBytes(child.pid));
    }, 100);
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      if (useTime && existsSync(timeFile)) {
        const kib = Number(readFileSync(timeFile, "utf8").trim().split("\n").at(-1));
        if (Number.isFinite(kib)) peak = Math.max(peak, kib * 1024);
      }
      rmSync(scratch, { recursive: true, force: true });
      if (code !== 0)
        reject(new Error(`${command.cmd} ${command.args.join(" ")} (in ${command.cwd}) exited ${code}:\n${output}`));
      else resolve({ seconds, peakBytes: peak, lastLine: output.trim().split("\n").at(-1) ?? "" });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
