// The one-statement session lookup (server/auth/session-lookup.ts) must give, for every cookie,
// the answer better-auth's getSession gives, and must defer to better-auth whenever it would do
// more than read (refresh a session due for it, clear an expired one).
import { fc, test as fcTest } from "@fast-check/vitest";
import { makeSignature } from "better-auth/crypto";
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { getAuth } from "@/server/auth/auth";
import { lookupViewer, verifiedToken } from "@/server/auth/session-lookup";
import { viewerFromHeaders } from "@/server/auth/viewer";
import { disconnectDb, getDb } from "@/server/db/client";

process.env.BETTER_AUTH_SECRET ??= "session-lookup-test-secret-session-lookup-test";

const DAY = 86_400_000;
let cookie: string;
let cookieName: string;
let token: string;

async function betterAuthSays(headers: Headers) {
  const session = await getAuth().api.getSession({ headers });
  return session ? { id: session.user.id, email: session.user.email } : null;
}

beforeEach(async () => {
  const signedUp = await getAuth().api.signUpEmail({
    body: { name: "Yui", email: "yui@example.org", password: "une phrase de passe" },
    returnHeaders: true,
  });
  cookie = signedUp.headers.get("set-cookie")!.split(";")[0]!;
  cookieName = cookie.slice(0, cookie.indexOf("="));
  token = (await getDb().session.findFirstOrThrow({ select: { token: true } })).token;
});

afterAll(async () => {
  await disconnectDb();
});

describe("the one-statement session lookup", () => {
  test("answers by itself for a valid cookie of a live session, with the user and role better-auth gives", async () => {
    const headers = new Headers({ cookie });
    const fast = await lookupViewer(headers);
    expect(fast).toMatchObject({ email: "yui@example.org", role: "learner" });
    expect(await betterAuthSays(headers)).toEqual({ id: fast!.id, email: fast!.email });
    await getDb().user.update({ where: { id: fast!.id }, data: { role: "instructor" } });
    expect((await lookupViewer(headers))?.role).toBe("instructor");
  });

  test("refuses a cookie signed with another secret, a tampered token and a missing cookie, as better-auth does", async () => {
    const forged = `${cookieName}=${encodeURIComponent(`${token}.${await makeSignature(token, "another-secret-another-secret-another")}`)}`;
    const value = cookie.slice(cookieName.length + 1);
    const tampered = `${cookieName}=${value[0] === "a" ? "b" : "a"}${value.slice(1)}`;
    for (const header of [forged, tampered, "", "theme=dark"]) {
      const headers = new Headers(header ? { cookie: header } : {});
      expect(await lookupViewer(headers)).toBeNull();
      expect(await betterAuthSays(headers)).toBeNull();
    }
  });

  test("defers to better-auth for a deleted or expired session, and for one due for its daily refresh", async () => {
    const headers = new Headers({ cookie });
    await getDb().session.update({ where: { token }, data: { expiresAt: new Date(Date.now() + 7 * DAY - DAY - 60_000) } });
    expect(await lookupViewer(headers)).toBeUndefined();
    expect(await viewerFromHeaders(headers)).toMatchObject({ email: "yui@example.org" });
    // better-auth extended it, so the next request is answered by the lookup again.
    expect((await getDb().session.findUniqueOrThrow({ where: { token } })).expiresAt.getTime()).toBeGreaterThan(Date.now() + 7 * DAY - 60_000);
    expect(await lookupViewer(headers)).toMatchObject({ email: "yui@example.org" });

    await getDb().session.update({ where: { token }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await lookupViewer(headers)).toBeUndefined();
    expect(await viewerFromHeaders(headers)).toBeNull();
    await getDb().session.deleteMany();
    expect(await lookupViewer(headers)).toBeUndefined();
    expect(await viewerFromHeaders(headers)).toBeNull();
  });

  fcTest.prop([fc.string({ maxLength: 120 }), fc.constantFrom("", "%", ".", "=")], { numRuns: 60 })(
    "any other cookie value is nobody, for both",
    async (garbage, suffix) => {
      const headers = new Headers({ cookie: `${cookieName}=${encodeURIComponent(garbage)}${suffix}` });
      expect(await viewerFromHeaders(headers)).toBeNull();
      expect(await betterAuthSays(headers)).toBeNull();
    },
  );

  test("verifiedToken accepts exactly better-auth's signature", async () => {
    const secret = process.env.BETTER_AUTH_SECRET!;
    const signed = encodeURIComponent(`abc.${await makeSignature("abc", secret)}`);
    expect(verifiedToken(signed, secret)).toBe("abc");
    expect(verifiedToken(signed, `${secret}x`)).toBeNull();
    expect(verifiedToken("abc", secret)).toBeNull();
    expect(verifiedToken("%E0%A4%A", secret)).toBeNull();
  });
});
