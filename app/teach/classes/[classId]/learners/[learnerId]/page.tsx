import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getCurrentLocale } from "@/i18n/current-locale";
import { requireViewer } from "@/server/auth/viewer";
import { getLearnerInClass, type LearnerInClass } from "@/server/data/gradebook";
import { findModuleOverview } from "@/server/data/module-overview";
import { getModuleMastery } from "@/server/data/progress";
import { isAppError } from "@/server/errors";
import { getTimeZone } from "@/server/preferences/time-zone";
import { COMPACT_CELL as cell, DataTable } from "@/components/ui/data-table";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ classId: string; learnerId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("gradebook"))("title") };
}

export default async function LearnerPage({ params }: Params) {
  const { classId, learnerId } = await params;
  const viewer = await requireViewer(`/teach/classes/${classId}/learners/${learnerId}`);
  if (viewer.role === "learner") notFound();
  const detail: LearnerInClass | "missing" = await getLearnerInClass(viewer, classId, learnerId).catch(
    (error: unknown) => {
      if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return "missing" as const;
      throw error;
    },
  );
  if (detail === "missing") notFound();

  const [t, tGradebook, tLevels, format, locale, timeZone] = await Promise.all([
    getTranslations("gradebook.learner"),
    getTranslations("gradebook"),
    getTranslations("progress.levels"),
    getFormatter(),
    getCurrentLocale(),
    getTimeZone(),
  ]);
  const { learner } = detail;
  // Mastery reads only the learner's id; getLearnerInClass has just checked the viewer teaches them.
  const learnerAsViewer = { ...learner, role: "learner" as const };
  const modules = (
    await Promise.all(
      detail.moduleSlugs.map(async (slug) => {
        const [overview, mastery] = await Promise.all([
          findModuleOverview(slug, locale),
          getModuleMastery(learnerAsViewer, slug),
        ]);
        return overview && mastery ? { overview, mastery } : null;
      }),
    )
  ).filter((module) => module !== null);
  const dateTime = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone });

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <Link href={`/teach/classes/${detail.classId}`} className="text-brand underline">
            {detail.className}
          </Link>
          <Link href={`/teach/classes/${detail.classId}/gradebook`} className="text-brand underline">
            {tGradebook("title")}
          </Link>
        </p>
        <p className="text-muted">{t("eyebrow", { className: detail.className })}</p>
        <h1 className="text-3xl font-bold">{learner.name}</h1>
        <p className="break-all text-muted">{learner.email}</p>
      </header>

      <section aria-labelledby="attempts-heading" className="space-y-3">
        <h2 id="attempts-heading" className="text-2xl font-semibold">
          {t("attemptsTitle")}
        </h2>
        {detail.attempts.length === 0 ? (
          <p>{t("attemptsEmpty", { name: learner.name })}</p>
        ) : (
          <DataTable
            labelledBy="attempts-heading"
            density="compact"
            minWidth="min-w-[40rem]"
            caption={t("attemptsCaption", { name: learner.name })}
            columns={[
              t("colAssignment"),
              t("colStarted"),
              t("colFinished"),
              t("colScore"),
              t("colLate"),
              t("colAnswers"),
            ]}
          >
            {detail.attempts.map((attempt) => (
              <tr key={attempt.id}>
                <th scope="row" className={`${cell} font-medium`}>
                  {attempt.assignmentTitle}
                </th>
                <td className={cell}>{dateTime(attempt.startedAt)}</td>
                <td className={cell}>{attempt.finishedAt ? dateTime(attempt.finishedAt) : t("inProgress")}</td>
                <td className={`${cell} whitespace-nowrap font-semibold`}>
                  {attempt.score === null ? (
                    <>
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">{tGradebook("noScore")}</span>
                    </>
                  ) : (
                    tGradebook("percent", { value: Math.round(attempt.score * 100) })
                  )}
                </td>
                <td className={cell}>
                  {attempt.late ? (
                    <span className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
                      <span aria-hidden="true">⚠</span>
                      {t("late")}
                    </span>
                  ) : attempt.state === "finished" ? (
                    t("onTime")
                  ) : (
                    t("notFinished")
                  )}
                </td>
                <td className={cell}>
                  {attempt.state === "finished" ? (
                    <Link
                      href={`/teach/attempts/${attempt.id}?class=${detail.classId}&learner=${encodeURIComponent(learner.id)}`}
                      aria-label={t("viewAnswersLabel", {
                        title: attempt.assignmentTitle,
                        date: dateTime(attempt.startedAt),
                      })}
                      className="font-medium text-brand underline"
                    >
                      {t("viewAnswers")}
                    </Link>
                  ) : (
                    <span className="text-muted">{t("inProgress")}</span>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="mastery-heading" className="space-y-4">
        <h2 id="mastery-heading" className="text-2xl font-semibold">
          {t("masteryTitle")}
        </h2>
        {modules.length === 0 ? (
          <p>{t("masteryEmpty", { name: learner.name })}</p>
        ) : (
          <>
            <p className="text-muted">{t("masteryIntro", { name: learner.name })}</p>
            {modules.map(({ overview, mastery }) => (
              <div key={overview.slug} className="space-y-2">
                <h3 id={`mastery-${overview.slug}`} className="text-xl font-semibold">
                  {overview.title}
                </h3>
                <p>{t("moduleLevel", { level: tLevels(mastery.module.level) })}</p>
                <DataTable
                  labelledBy={`mastery-${overview.slug}`}
                  density="compact"
                  minWidth="min-w-[30rem]"
                  caption={t("masteryCaption", { name: learner.name, module: overview.title })}
                  columns={[t("colTopic"), t("colLevel"), t("colFacts")]}
                >
                  {overview.topics.map((topic) => {
                    const level = mastery.topics.get(topic.key);
                    return (
                      <tr key={topic.key}>
                        <th scope="row" className={`${cell} font-medium`}>
                          {topic.title}
                        </th>
                        <td className={cell}>{tLevels(level?.level ?? "not-started")}</td>
                        <td className={cell}>
                          {t("levelCounts", {
                            mastered: level?.counts.mastered ?? 0,
                            proficient: level?.counts.proficient ?? 0,
                            familiar: level?.counts.familiar ?? 0,
                            notStarted: level?.counts["not-started"] ?? topic.factCount,
                          })}
                        </td>
                      </tr>
                    );
                  })}
                </DataTable>
              </div>
            ))}
          </>
        )}
      </section>
    </div>
  );
}
