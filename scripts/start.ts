// `npm start` (production server) and `npm run dev` (development server): one command that
// checks the environment, starts or attaches to the database, migrates, syncs content,
// builds when the build is stale, then serves. Running it again is safe.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { SetupError } from "@/server/db/errors";
import { assertPortFree } from "@/server/db/embedded";
import { applyMigrations, readMigrations } from "@/server/db/migrator";
import { PROJECT_ROOT, readRuntimeConfig } from "@/server/runtime/config";
import { openDatabase, type DatabaseHandle } from "@/server/runtime/database";
import { resolveAuthSecret } from "@/server/runtime/secrets";
import { computeBuildStamp, isBuildCurrent, writeBuildStamp } from "./lib/build-stamp";
import { reportFatal } from "./lib/report";
import { runCommand } from "./lib/run";

const isDev = process.argv.includes("--dev");
const nextBin = path.join(PROJECT_ROOT, "node_modules/.bin/next");

async function migrate(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const report = await applyMigrations(client, await readMigrations());
    if (report.applied.length > 0) console.log(`Applied migrations: ${report.applied.join(", ")}`);
  } finally {
    await client.end();
  }
}

async function buildIfStale(): Promise<void> {
  const stamp = await computeBuildStamp(PROJECT_ROOT);
  if (await isBuildCurrent(PROJECT_ROOT, stamp)) return;
  console.log("Building Entente (the production build is missing or stale)…");
  await runCommand("npm", ["run", "build"], { cwd: PROJECT_ROOT, env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
  await writeBuildStamp(PROJECT_ROOT, stamp);
}

function serve(env: NodeJS.ProcessEnv, port: number): ChildProcess {
  const args = isDev ? ["dev", "--port", String(port)] : ["start", "--port", String(port)];
  return spawn(nextBin, args, { cwd: PROJECT_ROOT, env, stdio: "inherit" });
}

async function main(): Promise<void> {
  const config = readRuntimeConfig();
  await assertPortFree(config.port, `Port ${config.port} is already in use. Stop what uses it or set PORT to a free port.`, "0.0.0.0");
  const authSecret = await resolveAuthSecret(config);

  // What is running, so that a signal at any step stops exactly that.
  const running: { database?: DatabaseHandle; server?: ChildProcess; stopping: boolean } = { stopping: false };

  const shutdown = async (exitCode: number) => {
    if (running.stopping) return;
    running.stopping = true;
    const { server, database } = running;
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    }
    await database?.stop();
    process.exit(exitCode);
  };
  process.on("SIGINT", () => void shutdown(130));
  process.on("SIGTERM", () => void shutdown(143));

  const database = await openDatabase(config);
  running.database = database;
  try {
    await migrate(database.url);
    if (!isDev) await buildIfStale();
  } catch (error) {
    await database.stop();
    throw error;
  }
  if (running.stopping) return;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: isDev ? "development" : "production",
    DATABASE_URL: database.url,
    BETTER_AUTH_SECRET: authSecret,
    BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? `http://localhost:${config.port}`,
    PORT: String(config.port),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const server = serve(env, config.port);
  running.server = server;
  server.once("error", (error) => {
    reportFatal(new SetupError(`Could not start Next.js: ${error.message}`));
    void shutdown(1);
  });
  server.once("exit", (code) => void shutdown(code ?? 0));

  console.log(`\nEntente is running at http://localhost:${config.port} (database: ${database.description}).`);
  console.log("Press Ctrl-C to stop.\n");
}

main().catch((error: unknown) => {
  reportFatal(error);
  process.exit(1);
});
