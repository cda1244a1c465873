import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";

// Everything `next build` compiles into the production bundle. Content is not here: it is
// read from the database at run time.
const BUILD_INPUTS = [
  "app",
  "components",
  "domain",
  "server",
  "messages",
  "i18n",
  "proxy.ts",
  "instrumentation.ts",
  "public",
  "prisma/schema.prisma",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

const STAMP_FILE = ".next/entente-build-stamp";

async function* walk(file: string): AsyncGenerator<string> {
  if (!existsSync(file)) return;
  const entries = await readdir(file, { withFileTypes: true }).catch(() => null);
  if (entries === null) {
    yield file;
    return;
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    yield* walk(path.join(file, entry.name));
  }
}

/** A digest of the build's inputs: a different digest means the production build is stale. */
export async function computeBuildStamp(root: string): Promise<string> {
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) {
    for await (const file of walk(path.join(root, input))) {
      hash.update(path.relative(root, file));
      hash.update(await readFile(file));
    }
  }
  return hash.digest("hex");
}

export async function isBuildCurrent(root: string, stamp: string): Promise<boolean> {
  const stampFile = path.join(root, STAMP_FILE);
  if (!existsSync(path.join(root, ".next/BUILD_ID")) || !existsSync(stampFile)) return false;
  return (await readFile(stampFile, "utf8")).trim() === stamp;
}

export async function writeBuildStamp(root: string, stamp: string): Promise<void> {
  await writeFile(path.join(root, STAMP_FILE), `${stamp}\n`);
}
