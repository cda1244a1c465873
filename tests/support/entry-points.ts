// The application's entry points as the files declare them: every export of a server-action
// module (each is callable from a browser) and every HTTP method a route handler exports.
// Names are "file#export", e.g. "server/actions/classes.ts#renameClass" or
// "app/api/health/route.ts#GET".
import { readdirSync } from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

// The wrapper every action is built with; it exports helpers, not actions.
const NOT_ACTIONS = new Set(["server/actions/define-action.ts"]);

export function actionFiles(root = "."): string[] {
  return readdirSync(path.join(root, "server/actions"))
    .filter((name) => name.endsWith(".ts"))
    .map((name) => `server/actions/${name}`)
    .filter((file) => !NOT_ACTIONS.has(file))
    .sort();
}

export function routeFiles(root = "."): string[] {
  return (readdirSync(path.join(root, "app"), { recursive: true }) as string[])
    .map((name) => `app/${name.split(path.sep).join("/")}`)
    .filter((file) => /(^|\/)route\.(ts|tsx|js)$/.test(file))
    .sort();
}

async function load(file: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, unknown>;
}

/** "file#export" for every export of every action module (a "use server" file exports only actions). */
export async function listActionExports(): Promise<string[]> {
  const names: string[] = [];
  for (const file of actionFiles()) {
    for (const name of Object.keys(await load(file))) names.push(`${file}#${name}`);
  }
  return names.sort();
}

/** "file#METHOD" for every HTTP method handler of every route file (not `dynamic` and other config). */
export async function listRouteExports(): Promise<string[]> {
  const names: string[] = [];
  for (const file of routeFiles()) {
    const exports = await load(file);
    for (const method of HTTP_METHODS) if (method in exports) names.push(`${file}#${method}`);
  }
  return names.sort();
}

/** The function behind "file#export". */
export async function loadEntryPoint(name: string): Promise<(...args: never[]) => Promise<unknown>> {
  const [file, exported] = name.split("#") as [string, string];
  const value = (await load(file))[exported];
  if (typeof value !== "function") throw new Error(`${name} is not an exported function`);
  return value as (...args: never[]) => Promise<unknown>;
}

/**
 * Compares the entry points that exist with those a table covers: `missing` exist with no row,
 * `stale` have a row but no longer exist. Both must be empty.
 */
export function compareCoverage(
  existing: Iterable<string>,
  covered: Iterable<string>,
): { missing: string[]; stale: string[] } {
  const have = new Set(existing);
  const rows = new Set(covered);
  return {
    missing: [...have].filter((name) => !rows.has(name)).sort(),
    stale: [...rows].filter((name) => !have.has(name)).sort(),
  };
}
