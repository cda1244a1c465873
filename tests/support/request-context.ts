// The request context Next.js gives server actions and route handlers, for calling them in-process
// from integration tests. Only the framework's side is supplied here: the request's headers and
// cookies (`next/headers`), the translations next-intl would load for the request
// (`next-intl/server`), and the cache of rendered pages (`next/cache`, which has nothing to
// invalidate outside a Next.js server). Everything behind them is real: better-auth reads a
// session cookie it signed, from sessions it stored in PostgreSQL, and the data layer runs its
// queries. Test files wire this in with:
//
//   vi.mock("next/headers", async () => (await import("../support/request-context")).nextHeaders);
//   vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer);
//   vi.mock("next/cache", async () => (await import("../support/request-context")).nextCache);
import { readFileSync } from "node:fs";
import path from "node:path";
import { makeSignature } from "better-auth/crypto";
import { createTranslator } from "next-intl";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { LOCALE_COOKIE, MESSAGE_FILES, isLocale, type Locale } from "@/i18n/locales";
import { getAuth } from "@/server/auth/auth";
import { parseCookieHeader } from "@/server/auth/session-lookup";

// better-auth signs session cookies with this secret; getAuth() reads it on first use.
process.env.BETTER_AUTH_SECRET ??= "entry-points-test-secret-entry-points-test-secret";

export const ORIGIN = "http://localhost:3000";
export const HOST = "localhost:3000";

// --- The current request ------------------------------------------------------------------------

type CookieOptions = Record<string, unknown>;

type RequestState = {
  headers: Headers;
  cookies: Map<string, string>;
  setCookies: { name: string; value: string; options?: CookieOptions }[];
};

let current: RequestState = newRequest({});

function newRequest(init: { headers?: HeadersInit }): RequestState {
  const headers = new Headers(init.headers);
  if (!headers.has("host")) headers.set("host", HOST);
  return { headers, cookies: parseCookieHeader(headers.get("cookie")), setCookies: [] };
}

/** Starts a new request: what the next action call sees through headers() and cookies(). */
export function setRequest(init: { headers?: HeadersInit } = {}): void {
  current = newRequest(init);
}

/** Cookies the code under test set during the current request (through cookies().set). */
export function cookiesSet(): readonly { name: string; value: string }[] {
  return current.setCookies;
}

const cookieStore = () => ({
  get: (name: string | { name: string }) => {
    const key = typeof name === "string" ? name : name.name;
    const value = current.cookies.get(key);
    return value === undefined ? undefined : { name: key, value };
  },
  getAll: () => [...current.cookies].map(([name, value]) => ({ name, value })),
  has: (name: string) => current.cookies.has(name),
  set: (name: string | { name: string; value: string }, value?: string, options?: CookieOptions) => {
    const entry =
      typeof name === "string" ? { name, value: value ?? "", options } : { name: name.name, value: name.value };
    current.setCookies.push(entry);
    current.cookies.set(entry.name, entry.value);
  },
  delete: (name: string) => {
    current.setCookies.push({ name, value: "" });
    current.cookies.delete(name);
  },
  get size() {
    return current.cookies.size;
  },
  toString: () => [...current.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
});

export const nextHeaders = {
  headers: async () => current.headers,
  cookies: async () => cookieStore(),
  draftMode: async () => ({ isEnabled: false, enable: () => undefined, disable: () => undefined }),
};

// --- Translations -------------------------------------------------------------------------------

type Messages = Record<string, unknown>;
const messagesByLocale = new Map<Locale, Messages>();

function messagesFor(locale: Locale): Messages {
  let messages = messagesByLocale.get(locale);
  if (!messages) {
    const files = MESSAGE_FILES.map(
      (file) => JSON.parse(readFileSync(path.resolve("messages", locale, `${file}.json`), "utf8")) as Messages,
    );
    messages = Object.assign({}, ...files) as Messages;
    messagesByLocale.set(locale, messages);
  }
  return messages;
}

/** As i18n/request.ts decides it: the locale cookie when it names a known locale, else French. */
function requestLocale(): Locale {
  const stored = current.cookies.get(LOCALE_COOKIE);
  return isLocale(stored) ? stored : "fr";
}

async function getTranslations(options?: string | { locale?: string; namespace?: string }) {
  const namespace = typeof options === "string" ? options : options?.namespace;
  const wanted = typeof options === "object" ? options.locale : undefined;
  const locale = isLocale(wanted) ? wanted : requestLocale();
  return createTranslator({ locale, messages: messagesFor(locale), namespace: namespace as never, timeZone: "UTC" });
}

export const nextIntlServer = {
  getTranslations,
  getLocale: async () => requestLocale(),
  setRequestLocale: () => undefined,
};

// --- Page cache ---------------------------------------------------------------------------------

export const nextCache = {
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  refresh: () => undefined,
};

// --- Sessions -----------------------------------------------------------------------------------

/**
 * A real better-auth session for `userId`, stored in PostgreSQL, as the `Cookie` header pair a
 * browser would send back: the session cookie, signed with the app's secret.
 */
export async function sessionCookieFor(userId: string): Promise<string> {
  const context = await getAuth().$context;
  const session = await context.internalAdapter.createSession(userId);
  const signature = await makeSignature(session.token, context.secret);
  return `${context.authCookies.sessionToken.name}=${encodeURIComponent(`${session.token}.${signature}`)}`;
}

// --- Outcomes -----------------------------------------------------------------------------------

/** What an action call came to: it ran ("ok"), it redirected, it returned a coded failure, or it threw. */
export type ActionOutcome =
  | "ok"
  | "redirect"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  | "UNEXPECTED"
  | "THREW";

export type ActionCall = { outcome: ActionOutcome; result?: unknown; error?: unknown };

/** Calls a server action as Next.js would, with the current request's context; never throws. */
export async function callAction(run: () => Promise<unknown>): Promise<ActionCall> {
  try {
    const result = await run();
    if (result && typeof result === "object" && "ok" in result) {
      const coded = result as { ok: boolean; code?: ActionOutcome };
      return { outcome: coded.ok ? "ok" : (coded.code ?? "UNEXPECTED"), result };
    }
    return { outcome: "ok", result };
  } catch (error) {
    if (isRedirectError(error)) return { outcome: "redirect", error };
    return { outcome: "THREW", error };
  }
}

/** Calls a route handler; a thrown error is what Next.js answers with a 500. */
export async function callRoute(
  run: () => Promise<Response>,
): Promise<{ status: number; response?: Response; error?: unknown }> {
  try {
    const response = await run();
    return { status: response.status, response };
  } catch (error) {
    return { status: 500, error };
  }
}

/** A FormData as a browser posts it: strings, and repeated keys for arrays. */
export function toFormData(values: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined) continue;
      form.append(key, item instanceof Blob ? item : String(item));
    }
  }
  return form;
}
