"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/server/actions/define-action";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

export type AssignmentFormValues = {
  title: string;
  topics: string[];
  types: string[];
  size: string;
  opensAt: string;
  dueAt: string;
  timeLimitMinutes: string;
  maxAttempts: string;
  scoring: "best" | "last" | "average";
  feedback: "immediately" | "after-due";
  sameQuestions: boolean;
};

type Choice = { value: string; label: string };

/** Every setting of an assignment; dates are the instructor's local wall time, sent with their time zone. */
export function AssignmentForm({
  action,
  hidden,
  topics,
  types,
  initial,
  timeZone,
  submitLabel,
}: {
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<unknown>>;
  hidden: Record<string, string>;
  topics: Choice[];
  types: Choice[];
  initial: AssignmentFormValues;
  /** The zone the dates are shown and read in: the instructor's, as their browser reported it. */
  timeZone: string;
  submitLabel: string;
}) {
  const t = useTranslations("teach.assignment");
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : undefined;
  const value = (name: keyof AssignmentFormValues) => failed?.values?.[name] ?? String(initial[name]);
  const errors = (name: string) => failed?.fieldErrors?.[name];
  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormAlert message={failed?.formError} />
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <input type="hidden" name="timeZone" value={timeZone} />
      <TextField name="title" label={t("title")} defaultValue={value("title")} errors={errors("title")} />
      <CheckboxGroup name="topics" legend={t("topics")} choices={topics} defaultChecked={initial.topics} errors={errors("topics")} />
      <CheckboxGroup name="types" legend={t("types")} choices={types} defaultChecked={initial.types} errors={errors("types")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="size" type="number" label={t("size")} hint={t("sizeHint")} defaultValue={value("size")} errors={errors("size")} />
        <TextField name="timeLimitMinutes" type="number" label={t("timeLimit")} hint={t("optional")} defaultValue={value("timeLimitMinutes")} errors={errors("timeLimitMinutes")} />
        <TextField name="opensAt" type="datetime-local" label={t("opensAt")} defaultValue={value("opensAt")} errors={errors("opensAt")} />
        <TextField name="dueAt" type="datetime-local" label={t("dueAt")} defaultValue={value("dueAt")} errors={errors("dueAt")} />
        <TextField name="maxAttempts" type="number" label={t("maxAttempts")} hint={t("unlimitedHint")} defaultValue={value("maxAttempts")} errors={errors("maxAttempts")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t("scoring")}</span>
          <select name="scoring" defaultValue={value("scoring")} className="min-h-11 rounded-md border border-slate-400 bg-white px-2">
            <option value="best">{t("scoringBest")}</option>
            <option value="last">{t("scoringLast")}</option>
            <option value="average">{t("scoringAverage")}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t("feedback")}</span>
          <select name="feedback" defaultValue={value("feedback")} className="min-h-11 rounded-md border border-slate-400 bg-white px-2">
            <option value="immediately">{t("feedbackImmediately")}</option>
            <option value="after-due">{t("feedbackAfterDue")}</option>
          </select>
        </label>
      </div>
      <label className="flex items-start gap-3">
        <input type="checkbox" name="sameQuestions" defaultChecked={initial.sameQuestions} className="mt-1 size-4" />
        <span>
          <span className="font-medium">{t("sameQuestions")}</span>
          <span className="block text-sm text-muted">{t("sameQuestionsHint")}</span>
        </span>
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton label={submitLabel} pendingLabel={t("saving")} />
        <span role="status" className="text-sm text-green-900">
          {state?.ok ? t("saved") : ""}
        </span>
      </div>
    </form>
  );
}
