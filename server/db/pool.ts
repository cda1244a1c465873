import pg from "pg";
import { SetupError, describeConnectionError } from "./errors";

/**
 * How long the app waits on the database before giving up (docs/decisions/0009): an outage
 * should cost a request a couple of seconds and an error page, not a hung tab.
 * - connecting: a stopped or unreachable server is reported after 2 s at most;
 * - a statement: PostgreSQL cancels it after 10 s (a lock wait included) with a clean error;
 * - a reply: the client stops waiting after 15 s, for a server that no longer answers at all
 *   (frozen host, lost network), which the statement timeout cannot cover;
 * - an open transaction left idle: the server ends it after 15 s, so a stuck request cannot
 *   hold an attempt's row lock for longer.
 */
export const DB_TIMEOUTS = {
  connectMs: 2_000,
  statementMs: 10_000,
  replyMs: 15_000,
  idleInTransactionMs: 15_000,
} as const;

/**
 * A pg pool that survives a restarting database: without an 'error' listener, an idle client
 * dropped by the server emits an unhandled error and crashes the process.
 */
export function createPool(connectionString: string, options: { max?: number } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: DB_TIMEOUTS.connectMs,
    statement_timeout: DB_TIMEOUTS.statementMs,
    query_timeout: DB_TIMEOUTS.replyMs,
    idle_in_transaction_session_timeout: DB_TIMEOUTS.idleInTransactionMs,
    // Notices a peer that vanished without closing the connection (host down, network cut).
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
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
