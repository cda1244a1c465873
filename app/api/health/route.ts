import { pingDatabase } from "@/server/data/status";

export const dynamic = "force-dynamic";

/** Liveness for operators and load balancers: 200 when the database answers, 503 otherwise. */
export async function GET(): Promise<Response> {
  const databaseOk = await pingDatabase();
  return Response.json(
    {
      status: databaseOk ? "ok" : "degraded",
      version: process.env.ENTENTE_VERSION ?? "unknown",
      database: databaseOk ? "ok" : "unreachable",
    },
    { status: databaseOk ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
