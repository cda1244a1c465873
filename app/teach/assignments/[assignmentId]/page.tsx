import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AssignmentFormSection } from "@/components/teach/assignment-form-page";
import { getCurrentLocale } from "@/i18n/current-locale";
import { updateAssignment } from "@/server/actions/assignments";
import { requireViewer } from "@/server/auth/viewer";
import { getAssignmentForInstructor } from "@/server/data/assignments";
import { findModuleOverview } from "@/server/data/module-overview";
import { isAppError } from "@/server/errors";
import { getTimeZone } from "@/server/preferences/time-zone";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teach.assignment"))("editTitle") };
}

export default async function EditAssignmentPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const viewer = await requireViewer(`/teach/assignments/${assignmentId}`);
  if (viewer.role === "learner") notFound();
  const assignment = await getAssignmentForInstructor(viewer, assignmentId).catch((error: unknown) => {
    if (isAppError(error)) return null;
    throw error;
  });
  if (!assignment) notFound();
  const overview = await findModuleOverview(assignment.moduleSlug, await getCurrentLocale());
  if (!overview) notFound();
  const [t, tTeach, timeZone] = await Promise.all([getTranslations("teach.assignment"), getTranslations("teach"), getTimeZone()]);
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/teach/classes/${assignment.classId}`} className="text-brand underline">
          {assignment.className}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{assignment.settings.title}</h1>
      <p className="flex flex-wrap gap-4">
        <Link href={`/teach/assignments/${assignment.id}/analysis`} className="font-medium text-brand underline">
          {tTeach("analysis")}
        </Link>
        <Link href={`/teach/classes/${assignment.classId}/gradebook`} className="font-medium text-brand underline">
          {tTeach("gradebook")}
        </Link>
      </p>
      <h2 className="text-2xl font-semibold">{t("editTitle")}</h2>
      <p className="text-muted">{t("editNote")}</p>
      <AssignmentFormSection
        overview={overview}
        action={updateAssignment}
        hidden={{ assignmentId: assignment.id, module: assignment.moduleSlug }}
        timeZone={timeZone}
        settings={assignment.settings}
        submitLabel={t("save")}
      />
    </div>
  );
}
