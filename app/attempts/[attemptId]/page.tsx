import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { initialPosition } from "@/components/quiz/answer-helpers";
import { QuizPlayer } from "@/components/quiz/quiz-player";
import { isLocale } from "@/i18n/locales";
import { submitAttempt } from "@/server/actions/attempts";
import { requireViewer } from "@/server/auth/viewer";
import { getAttemptForPlayer } from "@/server/data/attempts";
import { isAppError } from "@/server/errors";

// Always fresh: the saved answers and the clock must be the server's at this moment.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ attemptId: string }>; searchParams: Promise<{ q?: string | string[] }> };

/** The viewer's attempt, or null when it is unknown or someone else's (both are "not found"). Once per request. */
const findAttempt = cache(async (attemptId: string) => {
  const viewer = await requireViewer(`/attempts/${attemptId}`);
  const locale = await getLocale();
  try {
    return await getAttemptForPlayer(viewer, attemptId, isLocale(locale) ? locale : "fr");
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const attempt = await findAttempt((await params).attemptId);
  if (!attempt) return {};
  return { title: (await getTranslations("quiz"))("pageTitle", { module: attempt.moduleTitle }) };
}

export default async function AttemptPage({ params, searchParams }: Props) {
  const [{ attemptId }, { q }] = await Promise.all([params, searchParams]);
  const attempt = await findAttempt(attemptId);
  if (!attempt) notFound();
  if (attempt.state === "finished") redirect(`/attempts/${attempt.id}/results`);
  const t = await getTranslations("quiz");
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm font-medium text-muted">{t("eyebrow")}</p>
        <h1 className="text-2xl font-bold break-words sm:text-3xl">{attempt.moduleTitle}</h1>
      </header>
      <QuizPlayer
        attemptId={attempt.id}
        questions={attempt.questions}
        initialAnswers={attempt.answers}
        initialPosition={initialPosition(attempt.questions, attempt.answers, typeof q === "string" ? Number(q) : undefined)}
        deadlineAt={attempt.deadlineAt?.toISOString() ?? null}
        serverNow={new Date().toISOString()}
        submitAction={submitAttempt}
      />
    </div>
  );
}
