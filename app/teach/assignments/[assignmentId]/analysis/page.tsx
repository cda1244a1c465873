import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AnalysisFacts, AnalysisWeakestFacts } from "@/components/teach/analysis-facts";
import { AnalysisGuide } from "@/components/teach/analysis-guide";
import { AnalysisItems } from "@/components/teach/analysis-items";
import { getCurrentLocale } from "@/i18n/current-locale";
import { requireViewer } from "@/server/auth/viewer";
import { getAssignmentAnalysis, type AssignmentAnalysis } from "@/server/data/gradebook";
import { findQuizModule } from "@/server/data/module-content";
import { isAppError } from "@/server/errors";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("gradebook.analysis"))("title") };
}

export default async function AnalysisPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const viewer = await requireViewer(`/teach/assignments/${assignmentId}/analysis`);
  if (viewer.role === "learner") notFound();
  const locale = await getCurrentLocale();
  const analysis: AssignmentAnalysis | "missing" = await getAssignmentAnalysis(viewer, assignmentId, locale).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return "missing" as const;
    throw error;
  });
  if (analysis === "missing") notFound();

  const [t, tGradebook, quizModule] = await Promise.all([
    getTranslations("gradebook.analysis"),
    getTranslations("gradebook"),
    findQuizModule(analysis.assignment.moduleSlug),
  ]);
  // Facts and topics are named in the reader's language; a retired one keeps its key.
  const factLabels = Object.fromEntries((quizModule?.facts ?? []).map((fact) => [fact.id, fact.label[locale]]));
  const topicTitles = Object.fromEntries((quizModule?.topics ?? []).map((topic) => [topic.id, topic.title[locale]]));
  const { assignment, items, facts, weakestFacts } = analysis;
  const isEmpty = items ? items.n === 0 : (facts ?? []).length === 0;

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <Link href={`/teach/classes/${assignment.classId}`} className="text-brand underline">
            {assignment.className}
          </Link>
          <Link href={`/teach/classes/${assignment.classId}/gradebook`} className="text-brand underline">
            {tGradebook("title")}
          </Link>
          <Link href={`/teach/assignments/${assignment.id}`} className="text-brand underline">
            {t("editAssignment")}
          </Link>
        </p>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-lg">{t("context", { title: assignment.title, className: assignment.className })}</p>
        {items && !isEmpty ? <p className="text-muted">{t("analysed", { count: items.n })}</p> : null}
        {isEmpty ? null : (
          <p>
            <a
              href={`/teach/assignments/${assignment.id}/analysis/csv`}
              download
              className="inline-block rounded-md border border-slate-300 bg-white px-3 py-2 font-medium text-brand-dark"
            >
              <span aria-hidden="true">⤓ </span>
              {t("downloadCsv")}
            </a>
          </p>
        )}
      </header>

      {isEmpty ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">{t("empty")}</p>
      ) : (
        <>
          <AnalysisGuide />
          {items ? <AnalysisItems analysis={items} topicTitles={topicTitles} /> : null}
          {facts ? <AnalysisFacts facts={facts} factLabels={factLabels} topicTitles={topicTitles} /> : null}
        </>
      )}
      <AnalysisWeakestFacts facts={weakestFacts} factLabels={factLabels} topicTitles={topicTitles} />
    </div>
  );
}
