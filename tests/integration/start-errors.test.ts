import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { freePort } from "../support/test-database";

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "entente-start-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Runs `npm start`'s entry point with the given environment; it must fail before serving. */
function runStart(env: Partial<NodeJS.ProcessEnv>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ENTENTE_DATA_DIR: dataDir, NODE_ENV: "development", ...env },
    });
    let stderr = "";
    let stdout = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.on("exit", (code) => resolve({ code, stderr, stdout }));
  });
}

const brokenContent = path.resolve("tests/fixtures/content-broken");

function expectOneClearLine(stderr: string, expected: string) {
  const lines = stderr.trim().split("\n");
  expect(lines).toEqual([`entente: ${expected}`]);
}

describe("npm start refuses bad set-ups with one line and no stack trace", () => {
  test("the app port is already in use", async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port, "0.0.0.0");
    await new Promise((resolve) => blocker.once("listening", resolve));
    try {
      const result = await runStart({ PORT: String(port) });
      expect(result.code).toBe(1);
      expectOneClearLine(result.stderr, `Port ${port} is already in use. Stop what uses it or set PORT to a free port.`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  test("PORT is not a number", async () => {
    const result = await runStart({ PORT: "eighty" });
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, "PORT must be a port number between 1 and 65535.");
  });

  test("production with a DATABASE_URL but no auth secret", async () => {
    const result = await runStart({
      PORT: String(await freePort()),
      NODE_ENV: "production",
      DATABASE_URL: inject("databaseUrl"),
    });
    expect(result.code).toBe(1);
    expectOneClearLine(
      result.stderr,
      "BETTER_AUTH_SECRET is not set. In production Entente needs it from the environment: generate one with `openssl rand -base64 32`.",
    );
  });

  test("DATABASE_URL with a wrong password names the host", async () => {
    const url = new URL(inject("databaseUrl"));
    url.password = "wrong";
    const result = await runStart({ PORT: String(await freePort()), DATABASE_URL: url.toString() });
    expect(result.code).toBe(1);
    expectOneClearLine(
      result.stderr,
      `PostgreSQL at ${url.hostname}:${url.port} refused the user name or password in DATABASE_URL. Correct the credentials.`,
    );
  });

  test("DATABASE_URL pointing at nothing names the host", async () => {
    const port = await freePort();
    const result = await runStart({
      PORT: String(await freePort()),
      DATABASE_URL: `postgresql://entente:secret@127.0.0.1:${port}/entente`,
    });
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, `Cannot reach PostgreSQL at 127.0.0.1:${port}: connection refused. Start that server or correct DATABASE_URL.`);
  });

  test("invalid content is refused with every problem, before the database is touched", async () => {
    const result = await runStart({ PORT: String(await freePort()), ENTENTE_CONTENT_DIR: brokenContent });
    expect(result.code).toBe(1);
    const [first, ...problems] = result.stderr.trim().split("\n");
    expect(first).toMatch(/^entente: the content has \d+ problem\(s\); fix them \(see `npm run content:check`\) and start again:$/);
    expect(problems.length).toBe(Number(/has (\d+) problem/.exec(first!)![1]));
    expect(problems.every((line) => line.startsWith("  tests/fixtures/content-broken/"))).toBe(true);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
