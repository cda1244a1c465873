import path from "node:path";
import { PROJECT_ROOT } from "@/server/runtime/config";

/** Written by tests/e2e/server.ts: the environment that points another instance at the run's database. */
export type E2eInstance = { env: Record<string, string> };

export const E2E_INSTANCE_FILE = path.join(PROJECT_ROOT, ".data", "e2e-instance.json");
