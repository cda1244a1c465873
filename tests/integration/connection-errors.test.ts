import { describe, expect, inject, test } from "vitest";
import { SetupError } from "@/server/db/errors";
import { assertDatabaseReachable } from "@/server/db/pool";
import { freePort } from "../support/test-database";

describe("an unusable DATABASE_URL stops start-up with one line naming the host", () => {
  test("wrong password", async () => {
    const url = new URL(inject("databaseUrl"));
    url.password = "not-the-password";
    const attempt = assertDatabaseReachable(url.toString());
    await expect(attempt).rejects.toBeInstanceOf(SetupError);
    await expect(attempt).rejects.toThrow(
      `PostgreSQL at ${url.hostname}:${url.port} refused the user name or password in DATABASE_URL. Correct the credentials.`,
    );
  });

  test("nothing listening", async () => {
    const port = await freePort();
    await expect(assertDatabaseReachable(`postgresql://someone:secret@127.0.0.1:${port}/entente`)).rejects.toThrow(
      `Cannot reach PostgreSQL at 127.0.0.1:${port}: connection refused. Start that server or correct DATABASE_URL.`,
    );
  });

  test("a database that does not exist", async () => {
    const url = new URL(inject("databaseUrl"));
    url.pathname = "/no_such_database";
    await expect(assertDatabaseReachable(url.toString())).rejects.toThrow(/has no database named "no_such_database"/);
  });

  test("a reachable database passes", async () => {
    await expect(assertDatabaseReachable(inject("databaseUrl"))).resolves.toBeUndefined();
  });
});
