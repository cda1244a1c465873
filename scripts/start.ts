// `npm start` (production server) and `npm run dev` (development server): one command that
// checks the environment, starts or attaches to the database, migrates, syncs content,
// builds when the build is stale, then serves. Running it again is safe.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { formatProblem, type Module } from "@/domain/content";
import { ensureDemoAccounts, type NewAccount } from "@/server/auth/accounts";
import { createAuth } from "@/server/auth/create-auth";
import { loadContentDir } from "@/server/content/load";
import { syncContent } from "@/server/content/sync";
import { SetupError } from "@/server/db/errors";
import { createPool } from "@/server/db/pool";
import { createPrismaClient } from "@/server/db/prisma";
import { assertPortFree } from "@/server/db/embedded";
import { PROJECT_ROOT, readRuntimeConfig } from "@/server/runtime/config";
import type { DatabaseHandle } from "@/server/runtime/database";
import { openMigratedDatabase } from "@/server/runtime/prepare";
import { resolveAuthSecret } from "@/server/runtime/secrets";
import { computeBuildStamp, isBuildCurrent, writeBuildStamp } from "./lib/build-stamp";
import { reportFatal } from "./lib/report";
import { runCommand } from "./lib/run";

const isDev = process.argv.includes("--dev");
const nextBin = path.join(PROJECT_ROOT, "node_modules/.bin/next");

/** Every module under content/, or a SetupError listing every problem: never half a module. */
async function loadContent(contentDir: string): Promise<Module[]> {
  const result = await loadContentDir(contentDir);
  if (result.ok) return result.modules;
  const lines = result.problems.map((problem) => `  ${formatProblem(problem)}`);
  throw new SetupError(
    `the content has ${result.problems.length} problem(s); fix them (see \`npm run content:check\`) and start again:\n${lines.join("\n")}`,
  );
}

/** Syncs content and, on the embedded database only, makes sure the demo accounts exist. */
async function seed(url: string, modules: Module[], options: { demoAccounts: boolean; secret: string; baseURL: string }) {
  const pool = createPool(url, { max: 2 });
  const db = createPrismaClient(pool);
  try {
    const report = await syncContent(db, modules);
    for (const synced of report.modules) {
      if (synced.status === "unchanged") continue;
      console.log(
        `Content ${synced.slug}: ${synced.status} (${synced.factsCreated} new, ${synced.factsRevised} revised, ${synced.factsRetired} retired, ${synced.factsRestored} restored facts).`,
      );
    }
    for (const slug of report.modulesRetired) console.log(`Content ${slug}: retired (its folder is gone).`);
    if (options.demoAccounts) {
      return await ensureDemoAccounts(createAuth(db, { secret: options.secret, baseURL: options.baseURL }), db);
    }
    return [];
  } finally {
    await db.$disconnect();
    await pool.end();
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
  const modules = await loadContent(config.contentDir);

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

  const baseURL = process.env.BETTER_AUTH_URL ?? `http://localhost:${config.port}`;
  const database = await openMigratedDatabase(config);
  running.database = database;
  let demoAccounts: NewAccount[];
  try {
    if (database.migrations.applied.length > 0) console.log(`Applied migrations: ${database.migrations.applied.join(", ")}`);
    demoAccounts = await seed(database.url, modules, { demoAccounts: !config.databaseUrl, secret: authSecret, baseURL });
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
    BETTER_AUTH_URL: baseURL,
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
  if (demoAccounts.length > 0) {
    console.log("Demo accounts on this local database:");
    for (const account of demoAccounts) console.log(`  ${account.role.padEnd(10)} ${account.email}  password: ${account.password}`);
  }
  console.log("Press Ctrl-C to stop.\n");
}

main().catch((error: unknown) => {
  reportFatal(error);
  process.exit(1);
});
