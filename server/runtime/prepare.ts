import pg from "pg";
import { applyMigrations, readMigrations, type MigrationReport } from "../db/migrator";
import type { RuntimeConfig } from "./config";
import { openDatabase, type DatabaseHandle } from "./database";

/** Opens the database (embedded or DATABASE_URL) and brings its schema up to date. */
export async function openMigratedDatabase(
  config: Pick<RuntimeConfig, "databaseUrl" | "dataDir" | "pgPort">,
): Promise<DatabaseHandle & { migrations: MigrationReport }> {
  const database = await openDatabase(config);
  try {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return { ...database, migrations: await applyMigrations(client, await readMigrations()) };
    } finally {
      await client.end();
    }
  } catch (error) {
    await database.stop();
    throw error;
  }
}
