import { APIError } from "better-auth/api";
import type { Database } from "@/server/db/prisma";
import { SetupError } from "@/server/db/errors";
import type { Auth } from "./create-auth";
import type { Role } from "./roles";

export type NewAccount = { email: string; name: string; password: string; role: Role };

/** Creates an account through better-auth (so the password is hashed as at sign-up). */
export async function createAccount(auth: Auth, account: NewAccount): Promise<{ id: string; email: string; role: Role }> {
  try {
    const { user } = await auth.api.createUser({
      body: { email: account.email, name: account.name, password: account.password, role: account.role },
    });
    return { id: user.id, email: user.email, role: account.role };
  } catch (error) {
    if (error instanceof APIError) throw new SetupError(`Could not create ${account.email}: ${error.message}.`, { cause: error });
    throw error;
  }
}

// Local demo accounts, created only on the embedded database (never on a DATABASE_URL server).
export const DEMO_PASSWORD = "entente-demo";
export const DEMO_ACCOUNTS: NewAccount[] = [
  { email: "admin@entente.local", name: "Ada Admin", password: DEMO_PASSWORD, role: "admin" },
  { email: "instructor@entente.local", name: "Inès Instructrice", password: DEMO_PASSWORD, role: "instructor" },
  { email: "learner@entente.local", name: "Léo Learner", password: DEMO_PASSWORD, role: "learner" },
];

export async function ensureDemoAccounts(auth: Auth, db: Database): Promise<NewAccount[]> {
  const existing = new Set(
    (await db.user.findMany({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } }, select: { email: true } })).map((u) => u.email),
  );
  for (const account of DEMO_ACCOUNTS) {
    if (!existing.has(account.email)) await createAccount(auth, account);
  }
  return DEMO_ACCOUNTS;
}
