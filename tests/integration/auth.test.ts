import { afterAll, describe, expect, inject, test } from "vitest";
import { spawn } from "node:child_process";
import { createAuth } from "@/server/auth/create-auth";
import { LIMITS, consumeAttempt, resetAttempts } from "@/server/auth/rate-limit";
import { disconnectDb, getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";

afterAll(async () => {
  await disconnectDb();
});

const auth = () => createAuth(getDb(), { secret: "integration-secret-integration-secret", baseURL: "http://localhost:3000" });

describe("better-auth on real PostgreSQL", () => {
  test("sign-up stores an argon2id hash with OWASP's parameters, a learner role and a session", async () => {
    const result = await auth().api.signUpEmail({ body: { name: "Aiko", email: "aiko@example.org", password: "a long passphrase" } });
    expect(result.user.email).toBe("aiko@example.org");

    const account = await getDb().account.findFirstOrThrow({ where: { userId: result.user.id }, select: { password: true, providerId: true } });
    expect(account.providerId).toBe("credential");
    expect(account.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const user = await getDb().user.findUniqueOrThrow({ where: { id: result.user.id }, select: { role: true } });
    expect(user.role).toBe("learner");
    expect(await getDb().session.count({ where: { userId: result.user.id } })).toBe(1);
  });

  test("sign-in accepts the right password and refuses a wrong one or an unknown email alike", async () => {
    await auth().api.signUpEmail({ body: { name: "Aiko", email: "aiko@example.org", password: "a long passphrase" } });
    const ok = await auth().api.signInEmail({ body: { email: "aiko@example.org", password: "a long passphrase" } });
    expect(ok.user.email).toBe("aiko@example.org");

    const wrongPassword = auth().api.signInEmail({ body: { email: "aiko@example.org", password: "not the passphrase" } }).catch((e) => e);
    const unknownEmail = auth().api.signInEmail({ body: { email: "nobody@example.org", password: "not the passphrase" } }).catch((e) => e);
    const [a, b] = await Promise.all([wrongPassword, unknownEmail]);
    expect(a.status).toBe(b.status);
    expect(a.body?.code).toBe(b.body?.code);
    expect(a.body?.code).toBe("INVALID_EMAIL_OR_PASSWORD");
  });

  test("a short password is refused and nothing is written", async () => {
    await expect(auth().api.signUpEmail({ body: { name: "Short", email: "short@example.org", password: "short" } })).rejects.toThrow();
    expect(await getDb().user.count()).toBe(0);
  });
});

describe("rate limits kept in PostgreSQL", () => {
  test("the budget is spent after N attempts, and a reset gives it back", async () => {
    const limit = LIMITS.signInAccount;
    for (let attempt = 0; attempt < limit.points; attempt += 1) await consumeAttempt(limit, "1.2.3.4|aiko@example.org");
    const blocked = consumeAttempt(limit, "1.2.3.4|aiko@example.org");
    await expect(blocked).rejects.toBeInstanceOf(AppError);
    await expect(blocked).rejects.toMatchObject({ code: "RATE_LIMITED", status: 429 });
    // Another account from the same address is not blocked.
    await expect(consumeAttempt(limit, "1.2.3.4|other@example.org")).resolves.toBeUndefined();
    await resetAttempts(limit, "1.2.3.4|aiko@example.org");
    await expect(consumeAttempt(limit, "1.2.3.4|aiko@example.org")).resolves.toBeUndefined();
    const { rows } = await (await import("@/server/db/client")).getPool().query("SELECT count(*)::int AS n FROM rate_limit");
    expect(rows[0].n).toBeGreaterThan(0);
  });
});

function runUserCreate(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/user-create.ts", ...args], {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), BETTER_AUTH_SECRET: "integration-secret-integration-secret" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run user:create", () => {
  test("creates an account with the given role and prints a generated password once", async () => {
    const result = await runUserCreate(["--email", "Teacher@Example.org", "--role", "instructor"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Created instructor teacher@example.org.");
    const password = /Password \(shown once\): (\S+)/.exec(result.stdout)?.[1];
    expect(password).toBeDefined();
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "teacher@example.org" }, select: { role: true } });
    expect(user.role).toBe("instructor");
    const signIn = await auth().api.signInEmail({ body: { email: "teacher@example.org", password: password! } });
    expect(signIn.user.email).toBe("teacher@example.org");
  });

  test.each([
    [["--email", "x@example.org", "--role", "superuser"], "--role must be one of: learner, instructor, admin"],
    [["--role", "admin"], "--email is required"],
    [["--email", "x@example.org", "--role", "admin", "--password", "short"], "--password must have at least 10 characters"],
    [["--email", "x@example.org", "--role", "admin", "--colour", "red"], "Unknown option '--colour'"],
  ])("refuses %j with one clear line and writes nothing", async (args, message) => {
    const result = await runUserCreate(args);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(message);
    expect(await getDb().user.count()).toBe(0);
  });

  test("refuses an email that already has an account", async () => {
    await runUserCreate(["--email", "dup@example.org", "--role", "learner", "--password", "a long passphrase"]);
    const again = await runUserCreate(["--email", "dup@example.org", "--role", "admin", "--password", "a long passphrase"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^entente: Could not create dup@example\.org: /);
    expect(await getDb().user.findMany({ select: { role: true } })).toEqual([{ role: "learner" }]);
  });
});
