// The production build and server under test: `next build`, then `next start` on a free port
// with the benchmark's database and secret, its output kept in bench-results/server.log.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "@/server/runtime/config";
import { computeBuildStamp, isBuildCurrent, writeBuildStamp } from "../scripts/lib/build-stamp";
import { watchMemory, type MemoryReport, type MemoryWatch } from "./memory";

export const RESULTS_DIR = path.join(PROJECT_ROOT, "bench-results");
const NEXT_BIN = path.join(PROJECT_ROOT, "node_modules/.bin/next");
const NEXT_JS = path.join(PROJECT_ROOT, "node_modules/next/dist/bin/next");

/** Runs a command with its output in `logFile`; rejects with the log's tail when it fails. */
function runLogged(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(logFile);
    const tail: string[] = [];
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk: Buffer) => {
        log.write(chunk);
        tail.push(chunk.toString());
        if (tail.length > 40) tail.shift();
      });
    }
    child.once("error", reject);
    child.once("exit", (code) => {
      log.end();
      if (code === 0) resolve();
      else
        reject(new Error(`\`${command} ${args.join(" ")}\` failed (exit ${code}); see ${logFile}:\n${tail.join("")}`));
    });
  });
}

/**
 * Builds the production bundle. `reuse`: keep a build whose inputs have not changed (for
 * --quick); otherwise always build, so that the measure is of the code as it is.
 */
export async function buildApp(options: { reuse: boolean }): Promise<{ seconds: number; reused: boolean }> {
  const started = performance.now();
  const stamp = await computeBuildStamp(PROJECT_ROOT);
  if (options.reuse && (await isBuildCurrent(PROJECT_ROOT, stamp))) return { seconds: 0, reused: true };
  await mkdir(RESULTS_DIR, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  await runLogged("npm", ["run", "build"], env, path.join(RESULTS_DIR, "build.log"));
  await writeBuildStamp(PROJECT_ROOT, stamp);
  return { seconds: (performance.now() - started) / 1000, reused: false };
}

export type RunningServer = {
  origin: string;
  pid: number;
  memory: Pick<MemoryWatch, "resetWindow" | "windowPeakMb">;
  stop: () => Promise<MemoryReport>;
};

async function waitUntilReady(origin: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`next start exited with code ${child.exitCode}; see bench-results/server.log`);
    const ok = await fetch(`${origin}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not answer ${origin}/api/health within ${timeoutMs / 1000} s`);
}

/** `next start` on `port`; resolves once /api/health answers 200. Memory is watched from the start. */
export async function startServer(options: {
  port: number;
  databaseUrl: string;
  authSecret: string;
}): Promise<RunningServer> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const origin = `http://127.0.0.1:${options.port}`;
  const log = createWriteStream(path.join(RESULTS_DIR, "server.log"));
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") runs the server under
  // those Node.js flags, to profile it under the benchmark's load; Node refuses them in NODE_OPTIONS.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const nextStart = ["start", "--port", String(options.port), "--hostname", "127.0.0.1"];
  const child = spawn(nodeArgs.length > 0 ? process.execPath : NEXT_BIN, nodeArgs.length > 0 ? [...nodeArgs, NEXT_JS, ...nextStart] : nextStart, {
    cwd: PROJECT_ROOT,
    // Its own process group, so that stopping it stops whatever it started too.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      BETTER_AUTH_SECRET: options.authSecret,
      BETTER_AUTH_URL: origin,
      PORT: String(options.port),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const pid = child.pid!;
  const memory = watchMemory(pid);
  const stop = async () => {
    const report = await memory.stop();
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(-pid, "SIGTERM");
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // already gone
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    return report;
  };
  try {
    await waitUntilReady(origin, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, pid, memory, stop };
}
