import "server-only";
import { nextCookies } from "better-auth/next-js";
import { getDb } from "@/server/db/client";
import { createAuth, type Auth } from "./create-auth";

const globalForAuth = globalThis as typeof globalThis & { __ententeAuth?: Auth };

/** The app's better-auth instance, created on first use (it needs the database and the secret). */
export function getAuth(): Auth {
  if (!globalForAuth.__ententeAuth) {
    const secret = process.env.BETTER_AUTH_SECRET;
    if (!secret) throw new Error("BETTER_AUTH_SECRET is not set. Start Entente with `npm start` or `npm run dev`.");
    globalForAuth.__ententeAuth = createAuth(getDb(), {
      secret,
      baseURL: process.env.BETTER_AUTH_URL ?? "http://localhost:3000",
      plugins: [nextCookies()],
    });
  }
  return globalForAuth.__ententeAuth;
}
