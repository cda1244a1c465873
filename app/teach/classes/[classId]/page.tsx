import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionButtonForm } from "@/components/ui/action-button-form";
import { formatJoinCode } from "@/domain/teach";
import { FieldForm } from "@/components/ui/field-form";
import { getCurrentLocale } from "@/i18n/current-locale";
import { addInstructor, archiveClass, regenerateJoinCode, removeLearner, renameClass } from "@/server/actions/classes";
import { requireViewer } from "@/server/auth/viewer";
import { getClassForInstructor, type ClassDetail } from "@/server/data/classes";
import { isAppError } from "@/server/errors";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ classId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teach"))("title") };
}

export default async function ClassPage({ params }: Params) {
  const { classId } = await params;
  const viewer = await requireViewer(`/teach/classes/${classId}`);
  const detail: ClassDetail | "missing" = await getClassForInstructor(viewer, classId).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return "missing" as const;
    throw error;
  });
  if (detail === "missing") notFound();
  const [t, format, locale, requestHeaders] = await Promise.all([getTranslations("teach"), getFormatter(), getCurrentLocale(), headers()]);
  const origin = `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host") ?? "localhost"}`;
  const joinLink = `${origin}/join?code=${detail.joinCode}`;
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p>
          <Link href="/teach" className="text-brand underline">
            {t("title")}
          </Link>
        </p>
        <h1 className="text-3xl font-bold">{detail.name}</h1>
        {detail.archived ? <p className="rounded-md bg-amber-50 p-3 text-amber-900">{t("archivedNote")}</p> : null}
        <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <p className="text-xl font-semibold">
            {t("joinCode", { code: formatJoinCode(detail.joinCode) })}
          </p>
          <p className="break-all text-sm">
            {t("joinLink")} : <span className="font-mono">{joinLink}</span>
          </p>
          <ActionButtonForm action={regenerateJoinCode} fields={{ classId: detail.id }} label={t("regenerate")} pendingLabel={t("regenerating")} />
        </div>
      </header>

      <section aria-labelledby="assignments-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="assignments-heading" className="text-2xl font-semibold">{t("assignments")}</h2>
          <div className="flex gap-3">
            <Link href={`/teach/classes/${detail.id}/gradebook`} className="rounded-md border border-slate-300 bg-white px-3 py-2 font-medium">
              {t("gradebook")}
            </Link>
            <Link href={`/teach/classes/${detail.id}/assignments/new`} className="rounded-md bg-brand px-3 py-2 font-medium text-white">
              {t("newAssignment")}
            </Link>
          </div>
        </div>
        {detail.assignments.length === 0 ? (
          <p>{t("assignmentsEmpty")}</p>
        ) : (
          <ul className="space-y-2">
            {detail.assignments.map((assignment) => (
              <li key={assignment.id} className="rounded-md border border-slate-200 bg-white p-3">
                <Link href={`/teach/assignments/${assignment.id}`} className="font-medium text-brand underline">
                  {assignment.title}
                </Link>{" "}
                <span className="text-muted">
                  · {assignment.moduleTitle[locale]} · {t("due", { date: format.dateTime(assignment.dueAt, { dateStyle: "medium", timeStyle: "short" }) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="learners-heading" className="space-y-3">
        <h2 id="learners-heading" className="text-2xl font-semibold">
          {t("learners")} ({detail.learners.length})
        </h2>
        {detail.learners.length === 0 ? (
          <p>{t("learnersEmpty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
            {detail.learners.map((learner) => (
              <li key={learner.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                <span>
                  <Link href={`/teach/classes/${detail.id}/learners/${learner.id}`} className="font-medium text-brand underline">
                    {learner.name}
                  </Link>{" "}
                  <span className="text-sm text-muted">
                    {learner.email} · {t("joinedOn", { date: format.dateTime(learner.joinedAt, { dateStyle: "medium" }) })}
                  </span>
                </span>
                <ActionButtonForm
                  action={removeLearner}
                  fields={{ classId: detail.id, userId: learner.id }}
                  label={t("remove", { name: learner.name })}
                  pendingLabel={t("removing")}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="instructors-heading" className="space-y-3">
        <h2 id="instructors-heading" className="text-2xl font-semibold">{t("instructors")}</h2>
        <ul className="list-disc pl-5">
          {detail.instructors.map((instructor) => (
            <li key={instructor.id}>
              {instructor.name} ({instructor.email}){instructor.isOwner ? ` · ${t("owner")}` : ""}
            </li>
          ))}
        </ul>
        {detail.isOwner ? (
          <div className="max-w-md">
            <FieldForm
              action={addInstructor}
              hidden={{ classId: detail.id }}
              fields={[{ name: "email", label: t("instructorEmail"), type: "email" }]}
              submitLabel={t("addInstructor")}
              pendingLabel={t("saving")}
              successMessage={t("added")}
            />
          </div>
        ) : null}
      </section>

      <section className="grid gap-6 sm:grid-cols-2">
        <FieldForm
          action={renameClass}
          hidden={{ classId: detail.id }}
          fields={[{ name: "name", label: t("className"), defaultValue: detail.name }]}
          submitLabel={t("rename")}
          pendingLabel={t("saving")}
          successMessage={t("renamed")}
        />
        <ActionButtonForm
          action={archiveClass}
          fields={{ classId: detail.id, archived: detail.archived ? "false" : "true" }}
          label={detail.archived ? t("unarchive") : t("archive")}
          pendingLabel={t("saving")}
        />
      </section>
    </div>
  );
}
