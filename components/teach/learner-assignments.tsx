import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import type { Locale } from "@/i18n/locales";
import { openAssignment } from "@/server/actions/assignments";
import type { LearnerAssignment } from "@/server/data/assignments";

/** The learner's assignments with their status and the one action that fits it. */
export async function LearnerAssignments({ assignments, locale, joined }: { assignments: LearnerAssignment[]; locale: Locale; joined: boolean }) {
  const [t, format] = await Promise.all([getTranslations("learnerAssignments"), getFormatter()]);
  const now = new Date();
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="assignments-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="assignments-heading" className="text-2xl font-semibold">
          {t("assignmentsTitle")}
        </h2>
        <Link href="/join" className="font-medium text-brand underline">
          {t("joinClass")}
        </Link>
      </div>
      {joined ? <p role="status" className="rounded-md bg-green-50 p-3 text-green-900">{t("joined")}</p> : null}
      {assignments.length === 0 ? (
        <p>{t("assignmentsEmpty")}</p>
      ) : (
        <ul className="space-y-3">
          {assignments.map((assignment) => {
            // The server enforces the same rules; this only hides a button that would be refused.
            const canOpen = assignment.inProgressId !== null || (assignment.status !== "not-open" && now < assignment.dueAt && assignment.attemptsLeft !== 0);
            return (
              <li key={assignment.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="text-lg font-semibold">{assignment.title}</h3>
                  <span className="rounded-full bg-slate-100 px-3 py-1 text-sm font-medium">{t(`status.${assignment.status}`)}</span>
                </div>
                <p className="text-sm text-muted">
                  {assignment.className} · {assignment.moduleTitle[locale]} ·{" "}
                  {assignment.status === "not-open" ? t("opens", { date: date(assignment.opensAt) }) : t("due", { date: date(assignment.dueAt) })}
                  {assignment.attemptsLeft !== null ? ` · ${t("attemptsLeft", { count: assignment.attemptsLeft })}` : ""}
                </p>
                {assignment.counted !== null ? <p className="font-medium">{t("counted", { percent: Math.round(assignment.counted * 100) })}</p> : null}
                <div className="flex flex-wrap items-center gap-3">
                  {canOpen ? (
                    <ActionButtonForm
                      action={openAssignment}
                      fields={{ assignmentId: assignment.id }}
                      label={assignment.inProgressId ? t("resume") : t("start")}
                      pendingLabel={t("opening")}
                    />
                  ) : null}
                  {assignment.lastFinishedId ? (
                    <Link href={`/attempts/${assignment.lastFinishedId}/results`} className="font-medium text-brand underline">
                      {t("result")}
                    </Link>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
