// An unexpected failure (a bug, a constraint, the database refusing a statement) must reach the
// person as a generic message: never the error's text, which can carry SQL, table names, stack
// frames or secrets. Next.js's request context is supplied as in entry-points.test.ts (the
// framework's plumbing: headers, translations, page cache); the actions and routes are real.
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { defineAction } from "@/server/actions/define-action";
import { defineJsonRoute } from "@/server/http/json-route";
import { getDb, disconnectDb } from "@/server/db/client";
import { ORIGIN, sessionCookieFor, setRequest } from "../support/request-context";
import { createViewer } from "../support/world";

vi.mock("next/headers", async () => (await import("../support/request-context")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer);
vi.mock("next/cache", async () => (await import("../support/request-context")).nextCache);

const SECRET = process.env.BETTER_AUTH_SECRET!;
const LEAKS = [/SELECT|INSERT|UPDATE|"User"|relation|constraint/i, /at .+\.(ts|js):\d+/, /node_modules/, new RegExp(SECRET)];

// A real database error: PostgreSQL refuses a raw statement on a table that does not exist.
async function failInDatabase(): Promise<never> {
  await getDb().$executeRawUnsafe(`UPDATE "NoSuchTable" SET secret = '${SECRET}' WHERE id = 1`);
  throw new Error("unreachable");
}

let cookie: string;
beforeEach(async () => {
  const viewer = await createViewer("erin");
  cookie = await sessionCookieFor(viewer.id);
});
afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  await disconnectDb();
});

function expectNoLeak(text: string) {
  for (const leak of LEAKS) expect(text).not.toMatch(leak);
}

describe("errors never show their insides", () => {
  test("an action whose body fails in the database answers the generic message, in the reader's language", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const action = defineAction({ name: "exposure", schema: z.object({}), auth: "required" }, failInDatabase);
    setRequest({ headers: { cookie } });
    const result = await action(undefined, {});
    expect(result).toMatchObject({ ok: false, code: "UNEXPECTED", formError: "Une erreur inattendue s’est produite. Réessayez dans un instant." });
    expectNoLeak(JSON.stringify(result));
    // The details go to the server's log, where operators can read them.
    expect(String(logged.mock.calls[0]?.[1])).toMatch(/NoSuchTable/);
  });

  test("a route handler that fails answers 500 with a generic JSON problem", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const route = defineJsonRoute({ name: "exposure", schema: z.object({}) }, failInDatabase);
    const headers = { cookie, origin: ORIGIN, "content-type": "application/json", host: new URL(ORIGIN).host };
    setRequest({ headers });
    const response = await route(new Request(`${ORIGIN}/api/x`, { method: "PUT", headers, body: "{}" }), { params: Promise.resolve({}) });
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ code: "UNEXPECTED" });
    expectNoLeak(text);
  });
});
