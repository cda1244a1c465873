import { getTranslations } from "next-intl/server";
import { downloadHeaders, fileDate, toCsv, toFileSlug } from "@/components/teach/gradebook-csv";
import { sortGradebook } from "@/domain/teach";
import { getCurrentLocale } from "@/i18n/current-locale";
import { getAuth } from "@/server/auth/auth";
import { isRole } from "@/server/auth/roles";
import type { Viewer } from "@/server/auth/viewer";
import { getGradebook, type Gradebook } from "@/server/data/gradebook";
import { isAppError } from "@/server/errors";
import { getTimeZone } from "@/server/preferences/time-zone";

export const dynamic = "force-dynamic";

const percent = (value: number | null) => (value === null ? null : Math.round(value * 100));

/**
 * The whole gradebook of a class as CSV, every learner (no filter, no page), by name: name,
 * email, then score %, attempts, late and status for each assignment, then the average.
 * Signed out: 401. Anyone who does not teach the class, learners included: 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ classId: string }> }): Promise<Response> {
  const session = await getAuth().api.getSession({ headers: request.headers });
  if (!session) return Response.json({ ok: false, code: "UNAUTHENTICATED" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  const role = (session.user as { role?: unknown }).role;
  const viewer: Viewer = { id: session.user.id, name: session.user.name, email: session.user.email, role: isRole(role) ? role : "learner" };
  const notFound = Response.json({ ok: false, code: "NOT_FOUND" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  if (viewer.role === "learner") return notFound;

  const { classId } = await params;
  let gradebook: Gradebook;
  try {
    gradebook = await getGradebook(viewer, classId);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return notFound;
    if (isAppError(error)) return Response.json({ ok: false, code: error.code }, { status: error.status, headers: { "Cache-Control": "no-store" } });
    throw error;
  }

  const [locale, timeZone] = await Promise.all([getCurrentLocale(), getTimeZone()]);
  const t = await getTranslations({ locale, namespace: "gradebook" });
  const header = [
    t("csv.name"),
    t("csv.email"),
    ...gradebook.assignments.flatMap(({ title }) => [
      t("csv.score", { title }),
      t("csv.attempts", { title }),
      t("csv.late", { title }),
      t("csv.status", { title }),
    ]),
    t("csv.average"),
  ];
  const rows = sortGradebook(gradebook.rows, { by: "name", direction: "asc", locale }).map((row) => [
    row.learner.name,
    row.learner.email,
    ...gradebook.assignments.flatMap(({ id }) => {
      const cell = row.cells[id];
      if (!cell) return [null, 0, t("csv.no"), null];
      return [percent(cell.counted), cell.attemptsUsed, cell.late ? t("csv.yes") : t("csv.no"), t(`status.${cell.status}`)];
    }),
    percent(row.average),
  ]);

  const filename = `${t("csv.filePrefix")}-${toFileSlug(gradebook.className)}-${fileDate(new Date(), timeZone)}.csv`;
  return new Response(toCsv([header, ...rows]), { headers: downloadHeaders(filename, "text/csv; charset=utf-8") });
}
