"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/server/actions/define-action";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

type Settings = { topics: string[]; types: string[]; size: number; timeLimitMinutes: number | null };

/** Starts a new attempt (new questions, new seed) with the settings of a finished one. */
export function RetakeForm({
  moduleSlug,
  settings,
  action,
  label,
  pendingLabel,
}: {
  moduleSlug: string;
  settings: Settings;
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<never>>;
  label: string;
  pendingLabel: string;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <FormAlert message={state && !state.ok ? state.formError : undefined} />
      <input type="hidden" name="module" value={moduleSlug} />
      {settings.topics.map((topic) => (
        <input key={topic} type="hidden" name="topics" value={topic} />
      ))}
      {settings.types.map((type) => (
        <input key={type} type="hidden" name="types" value={type} />
      ))}
      <input type="hidden" name="size" value={settings.size} />
      <input type="hidden" name="timeLimitMinutes" value={settings.timeLimitMinutes ?? ""} />
      <SubmitButton label={label} pendingLabel={pendingLabel} />
    </form>
  );
}
