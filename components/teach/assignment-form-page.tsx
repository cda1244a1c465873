import { getTranslations } from "next-intl/server";
import { QUESTION_TYPES } from "@/domain/quiz";
import { toDateTimeLocal, type AssignmentSettings } from "@/domain/teach";
import type { ModuleOverview } from "@/server/data/module-overview";
import type { ActionResult } from "@/server/actions/define-action";
import { AssignmentForm } from "./assignment-form";

/** The assignment form with its choices and initial values in the instructor's time zone. */
export async function AssignmentFormSection({
  overview,
  action,
  hidden,
  settings,
  timeZone,
  submitLabel,
}: {
  overview: ModuleOverview;
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<unknown>>;
  hidden: Record<string, string>;
  settings: AssignmentSettings;
  timeZone: string;
  submitLabel: string;
}) {
  const tTypes = await getTranslations("practice.types");
  return (
    <AssignmentForm
      action={action}
      hidden={hidden}
      topics={overview.topics.map((topic) => ({ value: topic.key, label: topic.title }))}
      types={QUESTION_TYPES.map((type) => ({ value: type, label: tTypes(type) }))}
      initial={{
        title: settings.title,
        topics: settings.topics,
        types: settings.types,
        size: String(settings.size),
        opensAt: toDateTimeLocal(settings.opensAt, timeZone),
        dueAt: toDateTimeLocal(settings.dueAt, timeZone),
        timeLimitMinutes: settings.timeLimitMinutes === null ? "" : String(settings.timeLimitMinutes),
        maxAttempts: settings.maxAttempts === null ? "" : String(settings.maxAttempts),
        scoring: settings.scoring,
        feedback: settings.feedback,
        sameQuestions: settings.sameQuestions,
      }}
      timeZone={timeZone}
      submitLabel={submitLabel}
    />
  );
}
