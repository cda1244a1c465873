import { getPool } from "@/server/db/client";

export const dynamic = "force-dynamic";

const DB_CHECK_TIMEOUT_MS = 2_000;

async function isDatabaseReachable(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), DB_CHECK_TIMEOUT_MS);
  });
  try {
    const probe = getPool()
      .query("SELECT 1")
      .then(() => true)
      .catch(() => false);
    return await Promise.race([probe, timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness for operators and load balancers: 200 when the database answers, 503 otherwise. */
export async function GET(): Promise<Response> {
  const databaseOk = await isDatabaseReachable();
  return Response.json(
    {
      status: databaseOk ? "ok" : "degraded",
      version: process.env.ENTENTE_VERSION ?? "unknown",
      database: databaseOk ? "ok" : "unreachable",
    },
    { status: databaseOk ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
