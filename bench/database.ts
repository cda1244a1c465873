// A fresh database for one benchmark run: a new embedded PostgreSQL in .data/bench (wiped first),
// or a new database on DATABASE_URL's server (dropped at the end). Migrated, content synced.
import { chmod, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { loadContentDir } from "@/server/content/load";
import { syncContent } from "@/server/content/sync";
import { ensureDatabase, freePort, startEmbeddedPostgres } from "@/server/db/embedded";
import { applyMigrations, readMigrations } from "@/server/db/migrator";
import { createPool } from "@/server/db/pool";
import { createPrismaClient } from "@/server/db/prisma";
import { PROJECT_ROOT } from "@/server/runtime/config";

export type BenchDatabase = { url: string; description: string; stop: () => Promise<void> };


async function openFreshDatabase(): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL?.trim();
  const name = `entente_bench_${Date.now().toString(36)}`;
  if (external) {
    const admin = new URL(external);
    admin.pathname = "/postgres";
    await ensureDatabase(admin.toString(), name);
    const url = new URL(external);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      description: `database ${name} on ${url.host}`,
      stop: async () => {
        const client = new pg.Client({ connectionString: admin.toString() });
        await client.connect();
        try {
          await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
        } finally {
          await client.end();
        }
      },
    };
  }
  const dataDir = path.join(PROJECT_ROOT, ".data", "bench");
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  // The server runs as the `postgres` system user when we are root: it must reach its folder.
  await chmod(dataDir, 0o755);
  const port = await freePort();
  const server = await startEmbeddedPostgres({ dataDir, port });
  await ensureDatabase(server.url("postgres"), "entente");
  return {
    url: server.url("entente"),
    description: `embedded PostgreSQL 18 on 127.0.0.1:${port} (.data/bench)`,
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new, empty, migrated database with content/ synced into it. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const database = await openFreshDatabase();
  try {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await applyMigrations(client, await readMigrations());
    } finally {
      await client.end();
    }
    const loaded = await loadContentDir(path.join(PROJECT_ROOT, "content"));
    if (!loaded.ok) throw new Error(`content/ has ${loaded.problems.length} problem(s); run npm run content:check`);
    const pool = createPool(database.url, { max: 2 });
    const db = createPrismaClient(pool);
    try {
      await syncContent(db, loaded.modules);
    } finally {
      await db.$disconnect();
      await pool.end();
    }
    return database;
  } catch (error) {
    await database.stop().catch(() => undefined);
    throw error;
  }
}

export type DbCounters = { transactions: number; rowsRead: number };

/**
 * PostgreSQL's counters for the database: transactions and rows read. Backends publish them
 * when idle, at most once a second, so read them after a pause.
 */
export async function readDbCounters(url: string): Promise<DbCounters> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ transactions: string; rows_read: string }>(
      `SELECT xact_commit + xact_rollback AS transactions, tup_returned + tup_fetched AS rows_read
         FROM pg_stat_database WHERE datname = current_database()`,
    );
    return { transactions: Number(rows[0]!.transactions), rowsRead: Number(rows[0]!.rows_read) };
  } finally {
    await client.end();
  }
}
