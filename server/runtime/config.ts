import path from "node:path";
import { z } from "zod";
import { SetupError } from "../db/errors";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");

const portSchema = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number between 1 and 65535.` })
    .int(`${name} must be a whole number.`)
    .min(1, `${name} must be between 1 and 65535.`)
    .max(65_535, `${name} must be between 1 and 65535.`)
    .default(fallback);

const ConfigSchema = z.object({
  PORT: portSchema("PORT", 3000),
  ENTENTE_PG_PORT: portSchema("ENTENTE_PG_PORT", 54_329),
  ENTENTE_DATA_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, ".data")),
  ENTENTE_CONTENT_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, "content")),
  DATABASE_URL: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .optional(),
  BETTER_AUTH_SECRET: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .optional()
    .refine((value) => value === undefined || value.length >= 32, {
      message: "BETTER_AUTH_SECRET must be at least 32 characters long. Generate one with `openssl rand -base64 32`.",
    }),
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
});

export type RuntimeConfig = {
  port: number;
  pgPort: number;
  dataDir: string;
  contentDir: string;
  databaseUrl: string | undefined;
  authSecret: string | undefined;
  /** Production means a deployment on a database we do not own: secrets must come from the environment. */
  isProduction: boolean;
};

/** Reads and checks the environment once, reporting every bad variable at once. */
export function readRuntimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    throw new SetupError(parsed.error.issues.map((issue) => issue.message).join(" "));
  }
  const config = parsed.data;
  return {
    port: config.PORT,
    pgPort: config.ENTENTE_PG_PORT,
    dataDir: path.resolve(config.ENTENTE_DATA_DIR),
    contentDir: path.resolve(config.ENTENTE_CONTENT_DIR),
    databaseUrl: config.DATABASE_URL,
    authSecret: config.BETTER_AUTH_SECRET,
    isProduction: config.NODE_ENV === "production" && config.DATABASE_URL !== undefined,
  };
}
