import pg from "pg";
import { SetupError, describeConnectionError } from "./errors";

/**
 * A pg pool that survives a restarting database: without an 'error' listener, an idle client
 * dropped by the server emits an unhandled error and crashes the process.
 */
export function createPool(connectionString: string, options: { max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
  });
  pool.on("error", (error) => {
    console.warn(`[db] idle connection lost: ${error.message}`);
  });
  return pool;
}

/** Connects once and runs `select 1`, or throws a SetupError that names the host. */
export async function assertDatabaseReachable(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new SetupError(describeConnectionError(connectionString, error), { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}
