// The data most integration tests start from: the real NATO–Japan module in the database, and
// a few accounts. Tables are truncated before each test, so tests call these in beforeEach.
import type { Module } from "@/domain/content";
import type { Role, Viewer } from "@/server/auth/viewer";
import { loadContentDir } from "@/server/content/load";
import { syncContent } from "@/server/content/sync";
import { getDb } from "@/server/db/client";

let parsed: Promise<Module[]> | undefined;

/** Syncs content/ into the (empty) database; the files are read and validated once per test file. */
export async function syncRealContent(): Promise<{ module: Module; topics: string[] }> {
  parsed ??= loadContentDir("content").then((result) => {
    if (!result.ok) throw new Error(`content/ is invalid: ${result.problems.length} problem(s)`);
    return result.modules;
  });
  const modules = await parsed;
  await syncContent(getDb(), modules);
  const japan = modules.find((m) => m.slug === "nato-japan")!;
  return { module: japan, topics: japan.topics.map((topic) => topic.id) };
}

/** Creates an account directly in the database and returns it as a viewer. */
export async function createViewer(id: string, role: Role = "learner"): Promise<Viewer> {
  const email = `${id.toLowerCase()}@example.org`;
  await getDb().user.create({ data: { id, name: id, email, role } });
  return { id, name: id, email, role };
}
