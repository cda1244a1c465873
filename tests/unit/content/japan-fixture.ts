import { fileURLToPath } from "node:url";
import type { Module } from "@/domain/content";
import { loadModuleDir } from "@/server/content/load";

export const JAPAN_DIR = fileURLToPath(new URL("../../../content/nato-japan", import.meta.url));

/** The real NATO–Japan module, loaded once per test file; throws with the problems if invalid. */
let cached: Promise<Module> | undefined;
export function loadJapanModule(): Promise<Module> {
  cached ??= loadModuleDir(JAPAN_DIR).then((result) => {
    if (!result.ok) throw new Error(`nato-japan does not load:\n${JSON.stringify(result.problems, null, 2)}`);
    return result.module;
  });
  return cached;
}
