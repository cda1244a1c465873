import { betterAuth, type BetterAuthPlugin } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { admin } from "better-auth/plugins/admin";
import { adminAc, userAc } from "better-auth/plugins/admin/access";
import type { Database } from "@/server/db/prisma";
import { hashPassword, verifyPassword } from "./password";

// Entente's three roles in the admin plugin's access control: instructors and learners have no
// rights over other accounts; teaching rights are checked by Entente's own queries.
const roles = { learner: userAc, instructor: userAc, admin: adminAc };

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

type AuthOptions = {
  secret: string;
  baseURL: string;
  /** Extra plugins: the app adds nextCookies(), which only works inside a Next.js request. */
  plugins?: BetterAuthPlugin[];
};

/**
 * better-auth for Entente: email and password with argon2id, sessions in PostgreSQL (7 days,
 * sliding daily), httpOnly SameSite=Lax cookies that are Secure whenever the app is served
 * over HTTPS, and the admin plugin for the learner / instructor / admin role.
 */
export function createAuth(db: Database, options: AuthOptions) {
  const secure = options.baseURL.startsWith("https://");
  return betterAuth({
    appName: "Entente",
    secret: options.secret,
    baseURL: options.baseURL,
    database: prismaAdapter(db, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    advanced: {
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure },
    },
    // Entente signs people in through its own server actions, which apply their own limits
    // (server/auth/rate-limit.ts); the HTTP endpoints of better-auth are not mounted.
    rateLimit: { enabled: false },
    plugins: [admin({ defaultRole: "learner", adminRoles: ["admin"], roles }), ...(options.plugins ?? [])],
  });
}

export type Auth = ReturnType<typeof createAuth>;
