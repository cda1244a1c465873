import { afterEach, describe, expect, inject, test } from "vitest";
import { GET } from "@/app/api/health/route";
import { getDatabaseStatus } from "@/server/data/status";
import { readMigrations } from "@/server/db/migrator";
import { disconnectDb } from "@/server/db/client";
import { freePort } from "../support/test-database";
import packageJson from "@/package.json" with { type: "json" };

afterEach(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = inject("databaseUrl");
});

describe("GET /api/health", () => {
  test("answers 200 with the version when the database is reachable", async () => {
    process.env.ENTENTE_VERSION = packageJson.version;
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", version: packageJson.version, database: "ok" });
  });

  test("answers 503, without throwing, when the database is down", async () => {
    await disconnectDb();
    process.env.DATABASE_URL = `postgresql://entente:secret@127.0.0.1:${await freePort()}/entente`;
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "degraded", database: "unreachable" });
  });
});

describe("getDatabaseStatus, behind the /status page", () => {
  test("names the PostgreSQL major version and counts every applied migration", async () => {
    const status = await getDatabaseStatus();
    expect(status).toEqual({ reachable: true, serverVersion: expect.stringMatching(/^\d+\.\d+/), migrations: (await readMigrations()).length });
  });

  test("says unreachable, without throwing, when the database is down", async () => {
    await disconnectDb();
    process.env.DATABASE_URL = `postgresql://entente:secret@127.0.0.1:${await freePort()}/entente`;
    expect(await getDatabaseStatus()).toEqual({ reachable: false });
  });
});
