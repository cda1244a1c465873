import pg from "pg";
import { ensureDatabase } from "@/server/db/embedded";
import { uniqueDatabaseName } from "./test-database";

export type ScratchDatabase = { url: string; client: pg.Client; drop: () => Promise<void> };

/** An empty database of its own, for tests that need a blank slate (migrations, drift). */
export async function createScratchDatabase(adminUrl: string, prefix = "entente_scratch"): Promise<ScratchDatabase> {
  const name = uniqueDatabaseName(prefix);
  await ensureDatabase(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  client.on("error", () => undefined);
  await client.connect();
  return {
    url: url.toString(),
    client,
    drop: async () => {
      await client.end().catch(() => undefined);
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await admin.end();
    },
  };
}
