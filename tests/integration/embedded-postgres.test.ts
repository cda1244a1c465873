import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import pg from "pg";
import { SetupError } from "@/server/db/errors";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/server/db/embedded";
import { freePort } from "../support/test-database";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "entente-embedded-"));
  await chmod(dir, 0o755);
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string, port: number): Promise<EmbeddedServer> {
  const server = await startEmbeddedPostgres({ dataDir, port });
  cleanups.push(() => server.stop());
  return server;
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  test("keeps its data across a restart, and listens on loopback only", async () => {
    const dataDir = await tempDataDir();
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port });
    await query(first.url("postgres"), "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    const [listen] = await query(first.url("postgres"), "SHOW listen_addresses");
    expect(listen).toEqual({ listen_addresses: "127.0.0.1" });
    await first.stop();

    const second = await start(dataDir, port);
    expect(second.ownsServer).toBe(true);
    expect(await query(second.url("postgres"), "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
  });

  test("a second process attaches to the running server instead of starting another", async () => {
    const dataDir = await tempDataDir();
    const port = await freePort();
    await start(dataDir, port);
    const attached = await startEmbeddedPostgres({ dataDir, port });
    expect(attached.ownsServer).toBe(false);
    await attached.stop(); // must leave the owner's server running
    expect(await query(attached.url("postgres"), "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
  });

  test("a port already in use gives one clear line", async () => {
    const dataDir = await tempDataDir();
    const port = await freePort();
    const blocker = net.createServer().listen(port, "127.0.0.1");
    cleanups.push(() => new Promise((resolve) => blocker.close(() => resolve())));
    await new Promise((resolve) => blocker.once("listening", resolve));

    const attempt = startEmbeddedPostgres({ dataDir, port });
    await expect(attempt).rejects.toBeInstanceOf(SetupError);
    await expect(attempt).rejects.toThrow(
      `The embedded database port ${port} is already in use. Set ENTENTE_PG_PORT to a free port.`,
    );
  });

  test("a data folder made by another PostgreSQL major version is refused with what to do", async () => {
    const dataDir = await tempDataDir();
    await mkdir(path.join(dataDir, "postgres"), { recursive: true });
    await writeFile(path.join(dataDir, "postgres", "PG_VERSION"), "16\n");

    await expect(startEmbeddedPostgres({ dataDir, port: await freePort() })).rejects.toThrow(
      /was made by PostgreSQL 16, but Entente ships PostgreSQL 18\. Move that folder away/,
    );
  });
});
