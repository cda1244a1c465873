import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { MasteryChart } from "@/components/progress/mastery-chart";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { ScoresChart } from "@/components/progress/scores-chart";
import { getCurrentLocale } from "@/i18n/current-locale";
import { startReviewSession } from "@/server/actions/attempts";
import { requireViewer } from "@/server/auth/viewer";
import { listModules } from "@/server/data/modules";
import { getProgress } from "@/server/data/progress";
import { getTimeZone } from "@/server/preferences/time-zone";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("progress"))("title") };
}

const EXPORT_TABLES = ["attempts", "answers", "memory", "reviews"] as const;

export default async function ProgressPage({ searchParams }: { searchParams: Promise<{ module?: string }> }) {
  const viewer = await requireViewer("/progress");
  const locale = await getCurrentLocale();
  const [t, tLevels, format, modules, timeZone] = await Promise.all([
    getTranslations("progress"),
    getTranslations("progress.levels"),
    getFormatter(),
    listModules(locale),
    getTimeZone(),
  ]);
  const requested = (await searchParams).module;
  const current = modules.find((m) => m.slug === requested) ?? modules[0];
  if (!current) return <p>{t("noModule")}</p>;
  const progress = await getProgress(viewer, current.slug, locale, timeZone);
  if (!progress) return <p>{t("noModule")}</p>;

  const points = progress.attempts.map((attempt) => ({
    label: format.dateTime(attempt.finishedAt, { day: "numeric", month: "short" }),
    percent: Math.round(attempt.score * 100),
  }));
  const bars = progress.topics.map((topic) => ({
    topic: topic.title,
    notStarted: topic.mastery.counts["not-started"],
    familiar: topic.mastery.counts.familiar,
    proficient: topic.mastery.counts.proficient,
    mastered: topic.mastery.counts.mastered,
  }));
  const minutes = Math.round(progress.timeSpentMs / 60_000);
  const time = minutes < 60 ? t("minutes", { count: minutes }) : t("hours", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro", { module: current.title })}</p>
      </header>

      <section aria-labelledby="review-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="review-heading" className="text-2xl font-semibold">
          {t("dueToday", { count: progress.dueToday })}
        </h2>
        <p className="text-muted">{t("reviewIntro")}</p>
        <ActionButtonForm action={startReviewSession} fields={{ module: current.slug }} label={t("reviewNow")} pendingLabel={t("reviewing")} />
      </section>

      <section aria-labelledby="activity-heading" className="space-y-2">
        <h2 id="activity-heading" className="text-2xl font-semibold">
          {t("activityTitle")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {[
            t("streak", { count: progress.streak.current }),
            t("longestStreak", { count: progress.streak.longest }),
            t("timeSpent", { time }),
            t("factsMastered", { mastered: progress.factsMastered, total: progress.factsTotal }),
          ].map((text) => (
            <li key={text} className="rounded-lg border border-slate-200 bg-white p-4 font-medium">
              {text}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="scores-heading" className="space-y-3">
        <h2 id="scores-heading" className="text-2xl font-semibold">
          {t("scoresTitle")}
        </h2>
        {points.length === 0 ? (
          <p>{t("scoresEmpty")}</p>
        ) : (
          <>
            {progress.attemptCount > progress.attempts.length && (
              <p className="text-muted">
                {t("scoresRecent", { shown: progress.attempts.length, total: progress.attemptCount })}{" "}
                <Link href="/history" className="text-brand underline">
                  {t("scoresAllHistory")}
                </Link>
              </p>
            )}
            <ScoresChart points={points} scoreLabel={t("colScore")} />
            <details className="rounded-md border border-slate-200 bg-white p-3">
              <summary className="cursor-pointer font-medium">{t("scoresTable")}</summary>
              <table className="mt-2 w-full text-left">
                <caption className="sr-only">{t("scoresTable")}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="p-2">{t("colDate")}</th>
                    <th scope="col" className="p-2">{t("colScore")}</th>
                  </tr>
                </thead>
                <tbody>
                  {progress.attempts.map((attempt) => (
                    <tr key={attempt.id} className="border-t border-slate-200">
                      <td className="p-2">
                        <a href={`/attempts/${attempt.id}/results`} className="text-brand underline">
                          {format.dateTime(attempt.finishedAt, { dateStyle: "medium", timeStyle: "short", timeZone: progress.timeZone })}
                        </a>
                      </td>
                      <td className="p-2">{Math.round(attempt.score * 100)} %</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </section>

      <section aria-labelledby="mastery-heading" className="space-y-3">
        <h2 id="mastery-heading" className="text-2xl font-semibold">
          {t("masteryTitle")}
        </h2>
        <MasteryChart
          bars={bars}
          labels={{ notStarted: tLevels("not-started"), familiar: tLevels("familiar"), proficient: tLevels("proficient"), mastered: tLevels("mastered") }}
        />
        <table className="w-full rounded-md border border-slate-200 bg-white text-left">
          <caption className="sr-only">{t("masteryTable")}</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className="p-2">{t("colTopic")}</th>
              <th scope="col" className="p-2">{t("colLevel")}</th>
              <th scope="col" className="p-2">{t("colFacts")}</th>
            </tr>
          </thead>
          <tbody>
            {progress.topics.map((topic) => (
              <tr key={topic.key} className="border-t border-slate-200">
                <th scope="row" className="p-2 font-medium">{topic.title}</th>
                <td className="p-2">{tLevels(topic.mastery.level)}</td>
                <td className="p-2 text-sm">
                  {t("levelCounts", {
                    mastered: topic.mastery.counts.mastered,
                    proficient: topic.mastery.counts.proficient,
                    familiar: topic.mastery.counts.familiar,
                    notStarted: topic.mastery.counts["not-started"],
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="export-heading" className="space-y-2">
        <h2 id="export-heading" className="text-2xl font-semibold">
          {t("exportTitle")}
        </h2>
        <p className="text-muted">{t("exportIntro")}</p>
        <ul className="flex flex-wrap gap-3">
          <li>
            <a href="/api/me/export?format=json" download className="inline-block rounded-md border border-slate-300 bg-white px-3 py-2 font-medium hover:bg-slate-50">
              {t("exportJson")}
            </a>
          </li>
          {EXPORT_TABLES.map((table) => (
            <li key={table}>
              <a href={`/api/me/export?format=csv&table=${table}`} download className="inline-block rounded-md border border-slate-300 bg-white px-3 py-2 font-medium hover:bg-slate-50">
                {t("exportCsv", { table })}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
