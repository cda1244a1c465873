import { ensureDatabase, startEmbeddedPostgres } from "../db/embedded";
import { parseDatabaseUrl } from "../db/errors";
import { assertDatabaseReachable } from "../db/pool";
import type { RuntimeConfig } from "./config";

export type DatabaseHandle = {
  url: string;
  /** "embedded" when Entente runs its own server, otherwise the host of DATABASE_URL. */
  description: string;
  stop: () => Promise<void>;
};

export const EMBEDDED_DATABASE_NAME = "entente";

/**
 * Uses DATABASE_URL when it is set (never starting a server of our own); otherwise starts, or
 * attaches to, the embedded PostgreSQL in the data folder.
 */
export async function openDatabase(config: Pick<RuntimeConfig, "databaseUrl" | "dataDir" | "pgPort">): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    await assertDatabaseReachable(config.databaseUrl);
    return {
      url: config.databaseUrl,
      description: parseDatabaseUrl(config.databaseUrl).host,
      stop: async () => undefined,
    };
  }
  const server = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.pgPort });
  try {
    await ensureDatabase(server.url("postgres"), EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    url: server.url(EMBEDDED_DATABASE_NAME),
    description: `embedded PostgreSQL on 127.0.0.1:${config.pgPort}${server.ownsServer ? "" : " (shared with another Entente process)"}`,
    stop: server.stop,
  };
}
