import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getDb } from "@/server/db/client";
import { getAuth } from "./auth";
import { isRole, type Role } from "./roles";

/** The signed-in person (same shape as viewer.ts's Viewer, declared here to avoid an import cycle). */
type SessionViewer = { id: string; name: string; email: string; role: Role };

type SessionSettings = {
  cookie: string;
  /** Cookies this path does not interpret (cookie cache, "don't remember me"): better-auth decides. */
  deferTo: string[];
  secret: string;
  expiresInMs: number;
  updateAgeMs: number;
};

let settings: Promise<SessionSettings> | undefined;

function readSettings(): Promise<SessionSettings> {
  settings ??= getAuth().$context.then((context) => ({
    cookie: context.authCookies.sessionToken.name,
    deferTo: [context.authCookies.sessionData.name, context.authCookies.dontRememberToken.name],
    secret: context.secret,
    expiresInMs: context.sessionConfig.expiresIn * 1000,
    updateAgeMs: context.sessionConfig.updateAge * 1000,
  }));
  return settings;
}

export function parseCookieHeader(header: string | null): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(at + 1).trim());
  }
  return cookies;
}

/**
 * The session token of a cookie value signed as better-auth signs it (`token.base64(HMAC-SHA256)`,
 * URI-encoded), or null when the value is malformed or the signature does not match `secret`.
 */
export function verifiedToken(raw: string, secret: string): string | null {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return null;
  const expected = createHmac("sha256", secret).update(token).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

/**
 * The viewer of a request, read in ONE statement (session joined to its user), for the common
 * case: a valid signed cookie for a live session that needs no refresh. `undefined` means
 * "ask better-auth": an expired or unknown session (better-auth also clears the cookie), a
 * session due for its daily refresh (better-auth extends it), or cookies this path does not
 * read. better-auth's getSession costs two ORM queries and about 4 ms of request plumbing, on
 * every page and autosave (docs/decisions/0011); the answer is the same, as
 * tests/integration/session-lookup.test.ts checks case by case. The role is read from the
 * database on every request, so a role change applies at once.
 */
export async function lookupViewer(headers: Headers, now = Date.now()): Promise<SessionViewer | null | undefined> {
  const config = await readSettings();
  const cookies = parseCookieHeader(headers.get("cookie"));
  if (config.deferTo.some((name) => cookies.has(name))) return undefined;
  const raw = cookies.get(config.cookie);
  if (!raw) return null;
  const token = verifiedToken(raw, config.secret);
  if (!token) return null;
  const rows = await getDb().$queryRaw<{ expiresAt: Date; id: string; name: string; email: string; role: string }[]>`
    SELECT s."expiresAt", u.id, u.name, u.email, u.role::text AS role
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
     WHERE s.token = ${token}`;
  const row = rows[0];
  if (!row || row.expiresAt.getTime() <= now) return undefined;
  if (row.expiresAt.getTime() - config.expiresInMs + config.updateAgeMs <= now) return undefined;
  return { id: row.id, name: row.name, email: row.email, role: isRole(row.role) ? row.role : "learner" };
}
