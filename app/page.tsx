import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LearnerAssignments } from "@/components/teach/learner-assignments";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { getCurrentLocale } from "@/i18n/current-locale";
import { startReviewSession } from "@/server/actions/attempts";
import { findViewer } from "@/server/auth/viewer";
import { listModules } from "@/server/data/modules";
import { listAssignmentsForLearner } from "@/server/data/assignments";
import { countDueToday } from "@/server/data/progress";
import { getTimeZone } from "@/server/preferences/time-zone";

// Modules come from the database, which changes at run time.
export const dynamic = "force-dynamic";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ joined?: string }> }) {
  const [t, tProgress, locale, viewer, timeZone] = await Promise.all([
    getTranslations("home"),
    getTranslations("progress"),
    getCurrentLocale(),
    findViewer(),
    getTimeZone(),
  ]);
  const modules = await listModules(locale);
  const [due, assignments] = viewer
    ? await Promise.all([Promise.all(modules.map((m) => countDueToday(viewer, m.slug, timeZone))), listAssignmentsForLearner(viewer)])
    : [[], []];
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="max-w-2xl text-lg text-muted">{t("intro")}</p>
      </section>
      {viewer ? <LearnerAssignments assignments={assignments} locale={locale} joined={(await searchParams).joined === "1"} /> : null}
      <section aria-labelledby="modules-heading" className="space-y-4">
        <h2 id="modules-heading" className="text-2xl font-semibold">
          {t("modulesHeading")}
        </h2>
        {modules.length === 0 ? (
          <p>{t("noModules")}</p>
        ) : (
          <ul className="grid gap-4">
            {modules.map((module, index) => (
              <li key={module.slug} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
                <div>
                  <h3 className="text-xl font-semibold">
                    <Link href={`/modules/${module.slug}`} className="text-brand-dark underline-offset-4 hover:underline">
                      {module.title}
                    </Link>
                  </h3>
                  <p className="mt-1 text-muted">{module.description}</p>
                  <p className="mt-2 text-sm text-muted">{t("factCount", { count: module.factCount })}</p>
                </div>
                {viewer ? (
                  <div className="flex flex-wrap items-center gap-4 rounded-md bg-slate-50 p-3">
                    <p className="font-medium">{tProgress("dueToday", { count: due[index] ?? 0 })}</p>
                    <ActionButtonForm action={startReviewSession} fields={{ module: module.slug }} label={tProgress("reviewNow")} pendingLabel={tProgress("reviewing")} />
                    <Link href={`/modules/${module.slug}`} className="font-medium text-brand underline">
                      {t("startPractice")}
                    </Link>
                  </div>
                ) : null}
                <div>
                  <h4 className="text-sm font-semibold uppercase tracking-wide text-muted">{t("topicsHeading")}</h4>
                  <ul className="mt-2 flex flex-wrap gap-2">
                    {module.topics.map((topic) => (
                      <li key={topic.key} className="rounded-full bg-slate-100 px-3 py-1 text-sm">
                        {topic.title}
                      </li>
                    ))}
                  </ul>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
