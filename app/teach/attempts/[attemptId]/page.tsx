import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReviewedQuestions } from "@/components/results/reviewed-questions";
import { getCurrentLocale } from "@/i18n/current-locale";
import { requireViewer, type Viewer } from "@/server/auth/viewer";
import { getAttemptResultsForInstructor, type AttemptResults } from "@/server/data/attempts";
import { getLearnerInClass } from "@/server/data/gradebook";
import { isAppError } from "@/server/errors";
import { getTimeZone } from "@/server/preferences/time-zone";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ attemptId: string }>; searchParams: Promise<{ class?: string | string[]; learner?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("gradebook.attempt"))("titleUnknown") };
}

const percent = (value: number) => Math.round(value * 100);
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Who made the attempt, for the heading and the way back. The results carry no learner, so
 * the drill-down passes its class and learner along; they are trusted only when the viewer
 * teaches that learner in that class and the attempt is one of theirs there.
 */
async function findContext(viewer: Viewer, attemptId: string, classId: string | undefined, learnerId: string | undefined) {
  if (!classId || !learnerId) return null;
  const learner = await getLearnerInClass(viewer, classId, learnerId).catch((error: unknown) => {
    if (isAppError(error)) return null;
    throw error;
  });
  const attempt = learner?.attempts.find((candidate) => candidate.id === attemptId);
  return learner && attempt ? { classId: learner.classId, learner: learner.learner, assignmentTitle: attempt.assignmentTitle } : null;
}

export default async function InstructorAttemptPage({ params, searchParams }: Props) {
  const { attemptId } = await params;
  const viewer = await requireViewer(`/teach/attempts/${attemptId}`);
  if (viewer.role === "learner") notFound();
  const locale = await getCurrentLocale();
  const results: AttemptResults | null | "missing" = await getAttemptResultsForInstructor(viewer, attemptId, locale).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return "missing" as const;
    throw error;
  });
  if (results === "missing") notFound();

  const query = await searchParams;
  const [t, tResults, format, timeZone, context] = await Promise.all([
    getTranslations("gradebook.attempt"),
    getTranslations("results"),
    getFormatter(),
    getTimeZone(),
    findContext(viewer, attemptId, first(query.class), first(query.learner)),
  ]);
  const dateTime = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });
  const title = context ? t("title", { name: context.learner.name }) : t("titleUnknown");
  const back = context ? (
    <p>
      <Link href={`/teach/classes/${context.classId}/learners/${context.learner.id}`} className="text-brand underline">
        {t("backToLearner", { name: context.learner.name })}
      </Link>
    </p>
  ) : null;

  if (results === null) {
    return (
      <div className="space-y-4">
        {back}
        <h1 className="text-3xl font-bold">{title}</h1>
        <h2 className="text-xl font-semibold">{t("inProgressTitle")}</h2>
        <p>{t("inProgress")}</p>
      </div>
    );
  }

  const correctCount = results.questions.filter((question) => question.correct).length;
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        {back}
        <p className="text-muted">
          {context ? `${context.assignmentTitle} · ` : ""}
          {results.moduleTitle}
        </p>
        <h1 className="text-3xl font-bold">{title}</h1>
        <p className="text-4xl font-bold text-brand-dark">{tResults("score", { percent: percent(results.score) })}</p>
        <p className="text-muted">
          {tResults("correctCount", { correct: correctCount, count: results.questionCount })} ·{" "}
          {tResults("points", { points: Math.round(results.points * 100) / 100, count: results.questionCount })}
        </p>
        <p className="text-muted">{t("times", { started: dateTime(results.startedAt), finished: dateTime(results.finishedAt) })}</p>
        <p className="rounded-md bg-slate-100 p-3 text-sm">{t("readOnly")}</p>
      </header>
      <ReviewedQuestions results={results} reader="instructor" />
    </div>
  );
}
