// Starts Entente for the end-to-end run exactly as `npm start` does, on a database of its own:
// a fresh embedded PostgreSQL, or a new database on TEST_DATABASE_URL's server.
import { spawn } from "node:child_process";
import { chmod, mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "@/server/runtime/config";
import { E2E_INSTANCE_FILE, type E2eInstance } from "./instance";
import { createMigratedDatabase, dropDatabase, freePort, startTestServer, uniqueDatabaseName } from "../support/test-database";

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env };
  let cleanup = async () => undefined as void;

  if (process.env.TEST_DATABASE_URL) {
    const server = await startTestServer();
    const name = uniqueDatabaseName("entente_e2e");
    env.DATABASE_URL = await createMigratedDatabase(server, name);
    env.BETTER_AUTH_SECRET ??= "e2e-secret-that-is-long-enough-for-better-auth";
    cleanup = () => dropDatabase(server, name);
  } else {
    const dataDir = path.join(PROJECT_ROOT, ".data", "e2e");
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    await chmod(dataDir, 0o755);
    env.ENTENTE_DATA_DIR = dataDir;
    env.ENTENTE_PG_PORT = String(await freePort());
    delete env.DATABASE_URL;
  }

  // How to start a second instance on the same database (tests/e2e/two-instances.spec.ts).
  const instance: E2eInstance = {
    env: Object.fromEntries(
      ["DATABASE_URL", "BETTER_AUTH_SECRET", "ENTENTE_DATA_DIR", "ENTENTE_PG_PORT"].flatMap((name) => (env[name] ? [[name, env[name]!]] : [])),
    ),
  };
  await mkdir(path.dirname(E2E_INSTANCE_FILE), { recursive: true });
  await writeFile(E2E_INSTANCE_FILE, JSON.stringify(instance));

  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: PROJECT_ROOT, env, stdio: "inherit" });
  const stop = (signal: NodeJS.Signals) => app.kill(signal);
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  app.on("exit", async (code) => {
    await cleanup().catch(() => undefined);
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
