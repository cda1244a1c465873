import { afterEach, describe, expect, inject, test } from "vitest";
import pg from "pg";
import { SetupError } from "@/server/db/errors";
import { applyMigrations, readMigrations, type Migration } from "@/server/db/migrator";
import { createScratchDatabase, type ScratchDatabase } from "../support/scratch-database";

const scratch: ScratchDatabase[] = [];
async function blankDatabase(): Promise<ScratchDatabase> {
  const database = await createScratchDatabase(inject("adminDatabaseUrl"), "entente_migrator");
  scratch.push(database);
  return database;
}
afterEach(async () => {
  await Promise.all(scratch.splice(0).map((database) => database.drop()));
});

const migration = (name: string, sql: string): Migration => ({ name, sql, checksum: `checksum-of-${sql}`.slice(0, 64) });

async function tableNames(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return rows.map((row) => row.tablename);
}

async function recorded(client: pg.Client) {
  const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
    `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
  );
  return rows;
}

describe("applyMigrations", () => {
  test("applies the project's migrations in order and records each as Prisma does", async () => {
    const { client } = await blankDatabase();
    const migrations = await readMigrations();
    expect(migrations.map((m) => m.name)).toEqual([...migrations.map((m) => m.name)].sort());

    const report = await applyMigrations(client, migrations);

    expect(report.applied).toEqual(migrations.map((m) => m.name));
    const rows = await recorded(client);
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(migrations[index]!.checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  test("is idempotent: a second run applies nothing", async () => {
    const { client } = await blankDatabase();
    const migrations = await readMigrations();
    await applyMigrations(client, migrations);
    const again = await applyMigrations(client, migrations);
    expect(again).toEqual({ applied: [], alreadyApplied: migrations.length });
    expect(await recorded(client)).toHaveLength(migrations.length);
  });

  test("applies only what is new, in name order", async () => {
    const { client } = await blankDatabase();
    const first = migration("20260101000000_a", 'CREATE TABLE "a" (id int);');
    const second = migration("20260102000000_b", 'ALTER TABLE "a" ADD COLUMN b int;');
    await applyMigrations(client, [first]);
    const report = await applyMigrations(client, [first, second]);
    expect(report.applied).toEqual(["20260102000000_b"]);
    const { rows } = await client.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'a' ORDER BY column_name");
    expect(rows.map((row) => row.column_name)).toEqual(["b", "id"]);
  });

  test("refuses, changing nothing, when an applied migration was edited", async () => {
    const { client } = await blankDatabase();
    const original = migration("20260101000000_a", 'CREATE TABLE "a" (id int);');
    await applyMigrations(client, [original]);
    const edited = { ...original, sql: 'CREATE TABLE "a" (id bigint);', checksum: "edited" };
    const next = migration("20260102000000_b", 'CREATE TABLE "b" (id int);');

    const attempt = applyMigrations(client, [edited, next]);

    await expect(attempt).rejects.toBeInstanceOf(SetupError);
    await expect(attempt).rejects.toThrow(
      "prisma/migrations/20260101000000_a/migration.sql was edited after it was applied. Restore the original file and put the change in a new migration.",
    );
    expect(await tableNames(client)).toEqual(["_prisma_migrations", "a"]);
  });

  test("rolls back a failing migration entirely and stops before the next one", async () => {
    const { client } = await blankDatabase();
    const good = migration("20260101000000_good", 'CREATE TABLE "good" (id int);');
    const bad = migration("20260102000000_bad", 'CREATE TABLE "half" (id int); SELECT * FROM "missing_table";');
    const after = migration("20260103000000_after", 'CREATE TABLE "after" (id int);');

    await expect(applyMigrations(client, [good, bad, after])).rejects.toThrow(
      /Migration 20260102000000_bad failed and was rolled back: relation "missing_table" does not exist/,
    );

    expect(await tableNames(client)).toEqual(["_prisma_migrations", "good"]);
    expect((await recorded(client)).map((row) => row.migration_name)).toEqual(["20260101000000_good"]);
  });

  test("refuses when the database knows a migration that the folder does not", async () => {
    const { client } = await blankDatabase();
    await applyMigrations(client, [migration("20260101000000_a", 'CREATE TABLE "a" (id int);')]);
    await expect(applyMigrations(client, [])).rejects.toThrow(/has migration 20260101000000_a, which is not in prisma\/migrations/);
  });

  test("two instances starting at once apply each migration exactly once", async () => {
    const database = await blankDatabase();
    const second = new pg.Client({ connectionString: database.url });
    await second.connect();
    try {
      // pg_sleep makes the first runner hold the lock long enough for the second to queue behind it.
      const migrations = [
        migration("20260101000000_slow", 'SELECT pg_sleep(0.3); CREATE TABLE "a" (id int);'),
        migration("20260102000000_b", 'CREATE TABLE "b" (id int);'),
      ];
      const reports = await Promise.all([applyMigrations(database.client, migrations), applyMigrations(second, migrations)]);

      expect(reports.map((report) => report.applied.length).sort()).toEqual([0, 2]);
      expect((await recorded(database.client)).map((row) => row.migration_name)).toEqual([
        "20260101000000_slow",
        "20260102000000_b",
      ]);
    } finally {
      await second.end();
    }
  });
});
