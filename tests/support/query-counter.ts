import { disconnectDb, getPool } from "@/server/db/client";

/**
 * Counts the statements the app sends to PostgreSQL. Reconnects first, so that every pooled
 * connection is created after the counter is attached. `reset()` before the measured call.
 */
export async function countQueries(): Promise<{ readonly count: number; reset: () => void }> {
  await disconnectDb();
  let count = 0;
  getPool().on("connect", (client) => {
    const query = client.query.bind(client);
    client.query = ((...args: Parameters<typeof query>) => {
      count += 1;
      return query(...args);
    }) as typeof client.query;
  });
  return {
    get count() {
      return count;
    },
    reset: () => {
      count = 0;
    },
  };
}
