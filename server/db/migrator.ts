import { createHash, randomUUID } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { SetupError } from "./errors";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");

// Any constant works; it only has to be the same for every Entente process on a database.
const MIGRATION_LOCK_KEY = 7_242_025_001;

export type Migration = { name: string; sql: string; checksum: string };

export type MigrationReport = { applied: string[]; alreadyApplied: number };

/** Migrations in Prisma's layout (`<timestamp>_<name>/migration.sql`), in name order. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      // Prisma records the SHA-256 of the file, hex-encoded; using the same value lets
      // `prisma migrate deploy` take over a database migrated here, and the other way round.
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

// The table exactly as Prisma's migrate engine creates it.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null };

/**
 * Applies the pending migrations in order, each in its own transaction, under an advisory lock
 * so that two instances starting together never race. Refuses, changing nothing, when an
 * applied migration's file was edited or a migration is recorded as failed.
 */
export async function applyMigrations(
  client: pg.ClientBase,
  migrations: Migration[],
): Promise<MigrationReport> {
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row]));
    assertHistoryConsistent(migrations, applied);

    const pending = migrations.filter((migration) => !applied.has(migration.name));
    for (const migration of pending) {
      await applyOne(client, migration);
    }
    return { applied: pending.map((m) => m.name), alreadyApplied: applied.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}

function assertHistoryConsistent(migrations: Migration[], applied: Map<string, AppliedRow>): void {
  const known = new Map(migrations.map((m) => [m.name, m]));
  for (const row of applied.values()) {
    if (row.finished_at === null) {
      throw new SetupError(
        `Migration ${row.migration_name} is recorded as started but not finished. Repair the database by hand, then delete its row from _prisma_migrations.`,
      );
    }
    const file = known.get(row.migration_name);
    if (!file) {
      throw new SetupError(
        `The database has migration ${row.migration_name}, which is not in prisma/migrations. Restore that folder or use a database made by this version of Entente.`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new SetupError(
        `prisma/migrations/${row.migration_name}/migration.sql was edited after it was applied. Restore the original file and put the change in a new migration.`,
      );
    }
  }
}

async function applyOne(client: pg.ClientBase, migration: Migration): Promise<void> {
  const id = randomUUID();
  try {
    await client.query("BEGIN");
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [id, migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new SetupError(
      `Migration ${migration.name} failed and was rolled back: ${reason}. Fix the SQL in a new migration.`,
      { cause: error },
    );
  }
}
