import "server-only";
import { createHash } from "node:crypto";
import { headers } from "next/headers";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getPool } from "@/server/db/client";
import { AppError } from "@/server/errors";

type Limit = { prefix: string; points: number; durationSeconds: number };

// Sign-in: per address+account to stop guessing one password, per address to stop spraying
// many accounts. Sign-up: per address, to stop mass account creation. The per-address budgets
// allow a whole classroom behind one school address to sign up and in at the same time.
export const LIMITS = {
  signInAccount: { prefix: "sign-in:account", points: 5, durationSeconds: 15 * 60 },
  signInAddress: { prefix: "sign-in:address", points: 200, durationSeconds: 15 * 60 },
  signUpAddress: { prefix: "sign-up:address", points: 60, durationSeconds: 60 * 60 },
} as const satisfies Record<string, Limit>;

const limiters = new Map<string, RateLimiterPostgres>();

function limiterFor(limit: Limit): RateLimiterPostgres {
  let limiter = limiters.get(limit.prefix);
  if (!limiter) {
    // The table is created by our migrations (model RateLimit), so the library must not create it.
    limiter = new RateLimiterPostgres({
      storeClient: getPool(),
      tableName: "rate_limit",
      tableCreated: true,
      keyPrefix: limit.prefix,
      points: limit.points,
      duration: limit.durationSeconds,
    });
    limiters.set(limit.prefix, limiter);
  }
  return limiter;
}

// rate_limit.key is VARCHAR(255) and holds the prefix too. Keys are built from what the client
// sends (an address header, an email of up to 254 characters): short ones are kept readable for
// operators, longer ones are stored as their hash, so no key can overflow the column.
const READABLE_KEY_MAX = 160;

function storedKey(key: string): string {
  return key.length <= READABLE_KEY_MAX ? key : `sha256:${createHash("sha256").update(key).digest("hex")}`;
}

/** Counts one attempt against `limit` for `key`; throws RATE_LIMITED once the budget is spent. */
export async function consumeAttempt(limit: Limit, key: string): Promise<void> {
  try {
    await limiterFor(limit).consume(storedKey(key));
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new AppError("RATE_LIMITED", { messageKey: "tooManyAttempts" });
    throw error;
  }
}

export async function resetAttempts(limit: Limit, key: string): Promise<void> {
  await limiterFor(limit).delete(storedKey(key));
}

/**
 * The client's address as the server that received the request saw it. Next.js sets
 * x-forwarded-for from the socket; behind a proxy, the proxy must be trusted to overwrite it.
 */
export async function clientAddress(): Promise<string> {
  const forwarded = (await headers()).get("x-forwarded-for");
  return forwarded?.split(",")[0]?.trim() || "unknown";
}
