import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import pg from "pg";
import { findSchemaDrift, loadSchemaDmmf } from "../support/schema-drift";
import { ensureDatabase } from "@/server/db/embedded";
import { applyMigrations, readMigrations } from "@/server/db/migrator";
import { uniqueDatabaseName } from "../support/test-database";

const admin = inject("adminDatabaseUrl");

async function freshMigratedClient(): Promise<{ client: pg.Client; drop: () => Promise<void> }> {
  const name = uniqueDatabaseName("entente_drift");
  await ensureDatabase(admin, name);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await applyMigrations(client, await readMigrations());
  return {
    client,
    drop: async () => {
      await client.end();
      const adminClient = new pg.Client({ connectionString: admin });
      await adminClient.connect();
      await adminClient.query(`DROP DATABASE ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await adminClient.end();
    },
  };
}

describe("migrations match schema.prisma", () => {
  let database: Awaited<ReturnType<typeof freshMigratedClient>>;
  beforeAll(async () => {
    database = await freshMigratedClient();
  });
  afterAll(async () => {
    await database.drop();
  });

  test("an empty database migrated from prisma/migrations has every model, column, type, nullability, key, index and foreign key of the schema, and nothing else", async () => {
    const dmmf = await loadSchemaDmmf();
    expect(dmmf.datamodel.models.length).toBeGreaterThan(0);
    expect(await findSchemaDrift(database.client, dmmf)).toEqual([]);
  });

  test("the check reports drift when the database differs from the schema", async () => {
    const { client } = database;
    await client.query("BEGIN");
    try {
      await client.query(`ALTER TABLE "Topic" ALTER COLUMN "titleEn" DROP NOT NULL`);
      await client.query(`DROP INDEX "Fact_topicId_idx"`);
      await client.query(`ALTER TABLE "Module" ADD COLUMN "extra" INTEGER`);
      await client.query(`ALTER TABLE "Module" ALTER COLUMN "position" TYPE BIGINT`);
      const problems = await findSchemaDrift(client, await loadSchemaDmmf());
      expect(problems).toEqual(
        expect.arrayContaining([
          "column Topic.titleEn is nullable, schema says required",
          "missing index Fact(topicId)",
          "column Module.extra is not in schema.prisma",
          "column Module.position is bigint, schema says integer",
        ]),
      );
      expect(problems).toHaveLength(4);
    } finally {
      await client.query("ROLLBACK");
    }
  });
});
