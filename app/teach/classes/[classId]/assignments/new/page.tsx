import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AssignmentFormSection } from "@/components/teach/assignment-form-page";
import { QUESTION_TYPES } from "@/domain/quiz";
import { getCurrentLocale } from "@/i18n/current-locale";
import { createAssignment } from "@/server/actions/assignments";
import { requireViewer } from "@/server/auth/viewer";
import { getClassForInstructor } from "@/server/data/classes";
import { findModuleOverview } from "@/server/data/module-overview";
import { listModules } from "@/server/data/modules";
import { isAppError } from "@/server/errors";
import { getTimeZone } from "@/server/preferences/time-zone";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teach.assignment"))("newTitle") };
}

const DAY_MS = 86_400_000;

export default async function NewAssignmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ classId: string }>;
  searchParams: Promise<{ module?: string }>;
}) {
  const { classId } = await params;
  const viewer = await requireViewer(`/teach/classes/${classId}/assignments/new`);
  if (viewer.role === "learner") notFound();
  const detail = await getClassForInstructor(viewer, classId).catch((error: unknown) => {
    if (isAppError(error)) return null;
    throw error;
  });
  if (!detail) notFound();
  const locale = await getCurrentLocale();
  const modules = await listModules(locale);
  const requested = (await searchParams).module;
  const chosen = modules.find((m) => m.slug === requested) ?? modules[0];
  const overview = chosen ? await findModuleOverview(chosen.slug, locale) : null;
  if (!overview) notFound();
  const [t, timeZone] = await Promise.all([getTranslations("teach.assignment"), getTimeZone()]);
  const now = new Date();
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/teach/classes/${detail.id}`} className="text-brand underline">
          {detail.name}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{t("newTitle")}</h1>
      {modules.length > 1 ? (
        <ul className="flex flex-wrap gap-3">
          {modules.map((m) => (
            <li key={m.slug}>
              <Link href={`?module=${m.slug}`} aria-current={m.slug === overview.slug ? "page" : undefined} className="underline">
                {m.title}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">{overview.title}</p>
      )}
      <AssignmentFormSection
        overview={overview}
        action={createAssignment}
        hidden={{ classId: detail.id, module: overview.slug }}
        timeZone={timeZone}
        submitLabel={t("create")}
        settings={{
          title: "",
          topics: overview.topics.map((topic) => topic.key),
          types: [...QUESTION_TYPES],
          size: 10,
          opensAt: now,
          dueAt: new Date(now.getTime() + 7 * DAY_MS),
          timeLimitMinutes: null,
          maxAttempts: 1,
          scoring: "best",
          feedback: "immediately",
          sameQuestions: true,
        }}
      />
    </div>
  );
}
