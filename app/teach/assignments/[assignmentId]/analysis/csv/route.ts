import { getTranslations } from "next-intl/server";
import {
  discriminationBand,
  facilityBand,
  isFlaggedDiscrimination,
  isFlaggedFacility,
  roundStat,
} from "@/components/teach/analysis-bands";
import { downloadHeaders, fileDate, toCsv, toFileSlug } from "@/components/teach/gradebook-csv";
import type { ItemStats } from "@/domain/teach";
import { getCurrentLocale } from "@/i18n/current-locale";
import { getAuth } from "@/server/auth/auth";
import { isRole } from "@/server/auth/roles";
import type { Viewer } from "@/server/auth/viewer";
import { getAssignmentAnalysis, type AssignmentAnalysis } from "@/server/data/gradebook";
import { findQuizModule } from "@/server/data/module-content";
import { isAppError } from "@/server/errors";
import { getTimeZone } from "@/server/preferences/time-zone";

export const dynamic = "force-dynamic";

const stat = (value: number | null) => (value === null ? null : roundStat(value));

/**
 * The item analysis of an assignment as CSV. Same questions for everyone: one row per
 * question (number, type, stem, facility, SD, discrimination, n, answered, the options as
 * "text (count, share %)", flags). Per-learner draws: one row per fact. Signed out: 401;
 * anyone who does not teach the class, learners included: 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ assignmentId: string }> }): Promise<Response> {
  const session = await getAuth().api.getSession({ headers: request.headers });
  if (!session) return Response.json({ ok: false, code: "UNAUTHENTICATED" }, { status: 401, headers: { "Cache-Control": "no-store" } });
  const role = (session.user as { role?: unknown }).role;
  const viewer: Viewer = { id: session.user.id, name: session.user.name, email: session.user.email, role: isRole(role) ? role : "learner" };
  const notFound = Response.json({ ok: false, code: "NOT_FOUND" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  if (viewer.role === "learner") return notFound;

  const { assignmentId } = await params;
  const [locale, timeZone] = await Promise.all([getCurrentLocale(), getTimeZone()]);
  let analysis: AssignmentAnalysis;
  try {
    analysis = await getAssignmentAnalysis(viewer, assignmentId, locale);
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return notFound;
    if (isAppError(error)) return Response.json({ ok: false, code: error.code }, { status: error.status, headers: { "Cache-Control": "no-store" } });
    throw error;
  }

  const [t, tTypes, quizModule] = await Promise.all([
    getTranslations({ locale, namespace: "gradebook.analysis" }),
    getTranslations({ locale, namespace: "practice.types" }),
    findQuizModule(analysis.assignment.moduleSlug),
  ]);
  const topicTitles = new Map((quizModule?.topics ?? []).map((topic) => [topic.id, topic.title[locale]]));
  const factLabels = new Map((quizModule?.facts ?? []).map((fact) => [fact.id, fact.label[locale]]));

  const flagsOf = (item: ItemStats): string => {
    const flags: string[] = [];
    if (item.facility !== null && isFlaggedFacility(facilityBand(item.facility))) {
      flags.push(t("csv.flagFacility", { band: t(`facilityBand.${facilityBand(item.facility)}`) }));
    }
    if (item.discrimination !== null && isFlaggedDiscrimination(discriminationBand(item.discrimination))) {
      flags.push(t("csv.flagDiscrimination", { band: t(`discriminationBand.${discriminationBand(item.discrimination)}`) }));
    }
    for (const option of item.options ?? []) if (option.rarelyChosen) flags.push(t("csv.flagRare", { option: option.text }));
    return flags.join(" ; ");
  };

  let rows: (string | number | null)[][];
  if (analysis.items) {
    rows = [
      [
        t("csv.number"),
        t("csv.type"),
        t("csv.stem"),
        t("csv.topic"),
        t("csv.facility"),
        t("csv.sd"),
        t("csv.discrimination"),
        t("csv.n"),
        t("csv.answered"),
        t("csv.options"),
        t("csv.flags"),
      ],
      ...analysis.items.items.map((item) => [
        item.position + 1,
        tTypes(item.type),
        item.stem,
        topicTitles.get(item.topic) ?? item.topic,
        stat(item.facility),
        stat(item.sd),
        stat(item.discrimination),
        item.n,
        item.answered,
        (item.options ?? [])
          .map(
            (option) =>
              `${option.isKey ? t("csv.keyMark") : ""}${t("csv.option", { text: option.text, count: option.count, share: option.share === null ? "—" : roundStat(option.share) })}`,
          )
          .join(" | "),
        flagsOf(item),
      ]),
    ];
  } else {
    rows = [
      [t("csv.fact"), t("csv.factKey"), t("csv.topic"), t("csv.asked"), t("csv.facility"), t("csv.types")],
      ...(analysis.facts ?? []).map((fact) => [
        factLabels.get(fact.factId) ?? fact.factId,
        fact.factId,
        topicTitles.get(fact.topic) ?? fact.topic,
        fact.n,
        roundStat(fact.facility),
        fact.types.map((type) => tTypes(type)).join(", "),
      ]),
    ];
  }

  const filename = `${t("csv.filePrefix")}-${toFileSlug(analysis.assignment.title)}-${fileDate(new Date(), timeZone)}.csv`;
  return new Response(toCsv(rows), { headers: downloadHeaders(filename, "text/csv; charset=utf-8") });
}
