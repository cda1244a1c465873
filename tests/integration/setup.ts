import { afterAll, beforeEach, inject } from "vitest";
import pg from "pg";

// Server code under test reads DATABASE_URL, as it does in the app.
process.env.DATABASE_URL = inject("databaseUrl");

const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
pool.on("error", () => undefined);

/** Every test starts from empty tables (the migrations stay recorded). */
beforeEach(async () => {
  const { rows } = await pool.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (rows.length > 0) {
    await pool.query(`TRUNCATE ${rows.map((row) => pg.escapeIdentifier(row.tablename)).join(", ")} RESTART IDENTITY CASCADE`);
  }
});

afterAll(async () => {
  await pool.end();
});
