import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReviewedQuestions } from "@/components/results/reviewed-questions";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { getCurrentLocale } from "@/i18n/current-locale";
import { startPractice } from "@/server/actions/attempts";
import { requireViewer } from "@/server/auth/viewer";
import { getAttemptResults } from "@/server/data/attempts";
import { isAppError } from "@/server/errors";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("results"))("title") };
}

const percent = (value: number) => Math.round(value * 100);

export default async function ResultsPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const viewer = await requireViewer(`/attempts/${attemptId}/results`);
  const results = await getAttemptResults(viewer, attemptId, await getCurrentLocale()).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") return "missing" as const;
    throw error;
  });
  if (results === "missing") notFound();
  if (results === null) redirect(`/attempts/${attemptId}`);

  const [t, format] = await Promise.all([getTranslations("results"), getFormatter()]);
  const correctCount = results.questions.filter((q) => q.correct).length;
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p className="text-muted">{results.moduleTitle}</p>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-4xl font-bold text-brand-dark">{t("score", { percent: percent(results.score) })}</p>
        <p className="text-muted">
          {t("correctCount", { correct: correctCount, count: results.questionCount })} ·{" "}
          {t("points", { points: Math.round(results.points * 100) / 100, count: results.questionCount })}
        </p>
        <div className="flex flex-wrap items-center gap-4">
          {results.settings.mode === "assignment" ? null : (
          <ActionButtonForm
            action={startPractice}
            fields={{
              module: results.moduleSlug,
              topics: results.settings.topics,
              types: results.settings.types,
              size: results.settings.size,
              timeLimitMinutes: results.settings.timeLimitMinutes,
            }}
            label={t("retake")}
            pendingLabel={t("retaking")}
          />
          )}
          <Link href={`/modules/${results.moduleSlug}`} className="font-medium text-brand underline">
            {t("backToModule")}
          </Link>
        </div>
      </header>
      {results.feedbackAvailableAt ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">
          {t("feedbackLater", { date: format.dateTime(results.feedbackAvailableAt, { dateStyle: "long", timeStyle: "short" }) })}
        </p>
      ) : null}
      <ReviewedQuestions results={results} reader="learner" />
    </div>
  );
}
