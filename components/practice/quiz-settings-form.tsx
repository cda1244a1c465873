"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/server/actions/define-action";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

type Topic = { key: string; title: string; factCount: number; mastery?: string };

export const QUESTION_TYPE_CHOICES = [
  "single-choice",
  "multiple-choice",
  "true-false",
  "year-answer",
  "cloze",
  "matching",
  "ordering",
] as const;

/** Topics, size, types and time limit of a practice quiz; every field is checked again on the server. */
export function QuizSettingsForm({
  moduleSlug,
  topics,
  action,
}: {
  moduleSlug: string;
  topics: Topic[];
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<never>>;
}) {
  const t = useTranslations("practice");
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : undefined;
  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormAlert message={failed?.formError} />
      <input type="hidden" name="module" value={moduleSlug} />
      <CheckboxGroup
        name="topics"
        legend={t("topicsLegend")}
        choices={topics.map((topic) => ({ value: topic.key, label: topic.title, detail: [t("factCount", { count: topic.factCount }), topic.mastery].filter(Boolean).join(" · ") }))}
        defaultChecked={topics.map((topic) => topic.key)}
        errors={failed?.fieldErrors?.topics}
      />
      <CheckboxGroup
        name="types"
        legend={t("typesLegend")}
        choices={QUESTION_TYPE_CHOICES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
        defaultChecked={[...QUESTION_TYPE_CHOICES]}
        errors={failed?.fieldErrors?.types}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="size" type="number" label={t("size")} hint={t("sizeHint")} defaultValue={failed?.values?.size ?? "10"} errors={failed?.fieldErrors?.size} />
        <TextField
          name="timeLimitMinutes"
          type="number"
          label={t("timeLimit")}
          hint={t("timeLimitHint")}
          defaultValue={failed?.values?.timeLimitMinutes ?? ""}
          errors={failed?.fieldErrors?.timeLimitMinutes}
        />
      </div>
      <SubmitButton label={t("start")} pendingLabel={t("starting")} />
    </form>
  );
}
