import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { SetupError } from "../db/errors";
import type { RuntimeConfig } from "./config";

/**
 * The secret that signs sessions. From the environment when given; in production it must be;
 * in development one is generated once and kept in the (gitignored) data folder so sessions
 * survive restarts.
 */
export async function resolveAuthSecret(config: Pick<RuntimeConfig, "authSecret" | "isProduction" | "dataDir">): Promise<string> {
  if (config.authSecret) return config.authSecret;
  if (config.isProduction) {
    throw new SetupError(
      "BETTER_AUTH_SECRET is not set. In production Entente needs it from the environment: generate one with `openssl rand -base64 32`.",
    );
  }
  const file = path.join(config.dataDir, "auth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
