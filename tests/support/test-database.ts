// Shared by the Vitest integration set-up and Playwright's: a real PostgreSQL for the run,
// either the server named by TEST_DATABASE_URL or an embedded one in a temporary folder.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureDatabase, freePort, startEmbeddedPostgres } from "@/server/db/embedded";

export { freePort };
import { applyMigrations, readMigrations } from "@/server/db/migrator";

export type TestServer = {
  /** A connection string to `database` on the test server. */
  urlFor: (database: string) => string;
  stop: () => Promise<void>;
};


export async function startTestServer(): Promise<TestServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    return {
      urlFor: (database) => {
        const url = new URL(external);
        url.pathname = `/${database}`;
        return url.toString();
      },
      stop: async () => undefined,
    };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "entente-test-"));
  // The server runs as the `postgres` user, which must be able to reach its folder.
  await chmod(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  return {
    urlFor: server.url,
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a fresh, migrated database and returns its connection string. */
export async function createMigratedDatabase(server: TestServer, name: string): Promise<string> {
  await ensureDatabase(server.urlFor("postgres"), name);
  const url = server.urlFor(name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await applyMigrations(client, await readMigrations());
  } finally {
    await client.end();
  }
  return url;
}

export async function dropDatabase(server: TestServer, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.urlFor("postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
