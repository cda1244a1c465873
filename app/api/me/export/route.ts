import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { getAuth } from "@/server/auth/auth";
import { isRole } from "@/server/auth/roles";
import { exportLearnerData } from "@/server/data/learner-export";

export const dynamic = "force-dynamic";

const QuerySchema = z.discriminatedUnion("format", [
  z.object({ format: z.literal("json") }),
  z.object({ format: z.literal("csv"), table: z.enum(["attempts", "answers", "memory", "reviews"]) }),
]);

function csv(rows: Record<string, unknown>[]): string {
  const values = rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value])),
  );
  return stringify(values, { header: true, columns: rows[0] ? Object.keys(rows[0]) : undefined, bom: true });
}

/** A learner's own data, as JSON (everything) or CSV (one table per file). GET only reads. */
export async function GET(request: Request): Promise<Response> {
  const session = await getAuth().api.getSession({ headers: request.headers });
  if (!session) return Response.json({ ok: false, code: "UNAUTHENTICATED" }, { status: 401 });
  const url = new URL(request.url);
  const query = QuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) {
    return Response.json(
      { ok: false, code: "INVALID", message: "Use ?format=json or ?format=csv&table=attempts|answers|memory|reviews." },
      { status: 422 },
    );
  }
  const role = (session.user as { role?: unknown }).role;
  const data = await exportLearnerData({
    id: session.user.id,
    name: session.user.name,
    email: session.user.email,
    role: isRole(role) ? role : "learner",
  });
  const stamp = data.exportedAt.slice(0, 10);
  const headers = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };
  if (query.data.format === "json") {
    return new Response(JSON.stringify(data, null, 2), {
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="entente-${stamp}.json"` },
    });
  }
  return new Response(csv(data[query.data.table]), {
    headers: {
      ...headers,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="entente-${query.data.table}-${stamp}.csv"`,
    },
  });
}
