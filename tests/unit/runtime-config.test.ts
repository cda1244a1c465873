import { describe, expect, test } from "vitest";
import { SetupError, describeConnectionError } from "@/server/db/errors";
import { isDatabaseUnavailable } from "@/server/errors";
import { readRuntimeConfig } from "@/server/runtime/config";

describe("readRuntimeConfig", () => {
  test("defaults: port 3000, embedded database, development", () => {
    const config = readRuntimeConfig({} as NodeJS.ProcessEnv);
    expect(config).toMatchObject({ port: 3000, pgPort: 54_329, databaseUrl: undefined, isProduction: false });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  test("an empty DATABASE_URL means the embedded database", () => {
    expect(readRuntimeConfig({ DATABASE_URL: "  " } as unknown as NodeJS.ProcessEnv).databaseUrl).toBeUndefined();
  });

  test("production is NODE_ENV=production with a DATABASE_URL", () => {
    const env = { NODE_ENV: "production", DATABASE_URL: "postgresql://db.example:5432/entente" } as NodeJS.ProcessEnv;
    expect(readRuntimeConfig(env).isProduction).toBe(true);
    expect(readRuntimeConfig({ NODE_ENV: "production" } as NodeJS.ProcessEnv).isProduction).toBe(false);
  });

  test.each([
    [{ PORT: "eighty" }, "PORT must be a port number between 1 and 65535."],
    [{ PORT: "70000" }, "PORT must be between 1 and 65535."],
    [{ ENTENTE_PG_PORT: "0" }, "ENTENTE_PG_PORT must be between 1 and 65535."],
    [{ BETTER_AUTH_SECRET: "short" }, "BETTER_AUTH_SECRET must be at least 32 characters long."],
  ])("rejects %o with a message that says what to fix", (env, message) => {
    expect(() => readRuntimeConfig(env as unknown as NodeJS.ProcessEnv)).toThrow(SetupError);
    expect(() => readRuntimeConfig(env as unknown as NodeJS.ProcessEnv)).toThrow(message);
  });

  test("reports every bad variable at once", () => {
    expect(() => readRuntimeConfig({ PORT: "x", ENTENTE_PG_PORT: "y" } as unknown as NodeJS.ProcessEnv)).toThrow(
      "PORT must be a port number between 1 and 65535. ENTENTE_PG_PORT must be a port number between 1 and 65535.",
    );
  });
});

describe("describeConnectionError", () => {
  const url = "postgresql://app:secret@db.internal:6543/entente";
  test.each([
    ["ECONNREFUSED", "Cannot reach PostgreSQL at db.internal:6543: connection refused."],
    ["ENOTFOUND", "Cannot reach PostgreSQL at db.internal:6543: the host name does not resolve."],
    ["ETIMEDOUT", "Cannot reach PostgreSQL at db.internal:6543: the connection timed out."],
    ["28P01", "PostgreSQL at db.internal:6543 refused the user name or password in DATABASE_URL."],
    ["3D000", 'PostgreSQL at db.internal:6543 has no database named "entente".'],
  ])("%s names the host and never the password", (code, start) => {
    const message = describeConnectionError(url, { code, message: "raw driver text" });
    expect(message.startsWith(start)).toBe(true);
    expect(message).not.toContain("secret");
  });

  test("a malformed URL is itself a clear error", () => {
    expect(() => describeConnectionError("not a url", {})).toThrow(
      "DATABASE_URL is not a valid connection string. Use postgresql://user:password@host:5432/database.",
    );
  });
});

describe("isDatabaseUnavailable", () => {
  test.each([
    [{ code: "P1001" }, true],
    [{ code: "P2028" }, true],
    [{ code: "57P01" }, true],
    [{ message: "Connection terminated due to connection timeout" }, true],
    [{ code: "P2002" }, false],
    [new Error("boom"), false],
    [null, false],
  ])("%o → %s", (error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
