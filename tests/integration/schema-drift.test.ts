import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { applyMigrations, readMigrations } from "@/server/db/migrator";
import { findSchemaDrift, loadSchemaDmmf } from "../support/schema-drift";
import { createScratchDatabase } from "../support/scratch-database";

async function freshMigratedClient() {
  const database = await createScratchDatabase(inject("adminDatabaseUrl"), "entente_drift");
  await applyMigrations(database.client, await readMigrations());
  return database;
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
      await client.query(`DROP INDEX "Attempt_one_in_progress_per_assignment"`);
      await client.query(`ALTER TABLE "Attempt" DROP CONSTRAINT "Attempt_score_is_fraction"`);
      await client.query(`ALTER TABLE "Response" DROP CONSTRAINT "Response_score_is_fraction", ADD CONSTRAINT "Response_score_is_fraction" CHECK (score <= 1)`);
      const problems = await findSchemaDrift(client, await loadSchemaDmmf());
      expect(problems).toEqual(
        expect.arrayContaining([
          "column Topic.titleEn is nullable, schema says required",
          "missing index Fact(topicId)",
          "column Module.extra is not in schema.prisma",
          "column Module.position is bigint, schema says integer",
          expect.stringMatching(/^missing partial index unique Attempt\(userId, assignmentId\) WHERE/),
          "missing check Attempt_score_is_fraction",
          expect.stringMatching(/^check Response_score_is_fraction is CHECK \(\(score <= /),
        ]),
      );
      expect(problems).toHaveLength(7);
    } finally {
      await client.query("ROLLBACK");
    }
  });
});
