import "server-only";
import { getPool } from "@/server/db/client";

const PROBE_TIMEOUT_MS = 2_000;

export type DatabaseStatus = { reachable: true; serverVersion: string; migrations: number } | { reachable: false };

/** Gives up after two seconds so that a hung database cannot hang the caller. */
async function withinTimeout<T>(work: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work.catch(() => fallback), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The cheapest round trip there is: for the health check, which load balancers call often. */
export async function pingDatabase(): Promise<boolean> {
  return withinTimeout(
    getPool()
      .query("SELECT 1")
      .then(() => true),
    false,
  );
}

/** One round trip that also says which PostgreSQL answers and how many migrations it has applied. */
export async function getDatabaseStatus(): Promise<DatabaseStatus> {
  return withinTimeout(
    getPool()
      .query<{ server_version: string; migrations: number }>(
        `SELECT current_setting('server_version') AS server_version,
                (SELECT count(*)::int FROM _prisma_migrations WHERE finished_at IS NOT NULL) AS migrations`,
      )
      .then(({ rows }): DatabaseStatus => ({
        reachable: true,
        serverVersion: rows[0]!.server_version,
        migrations: rows[0]!.migrations,
      })),
    { reachable: false } as DatabaseStatus,
  );
}
