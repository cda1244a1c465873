"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/server/actions/define-action";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

/** One click to a review session of the module. */
export function ReviewNowForm({
  moduleSlug,
  action,
  label,
  pendingLabel,
}: {
  moduleSlug: string;
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<never>>;
  label: string;
  pendingLabel: string;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <FormAlert message={state && !state.ok ? state.formError : undefined} />
      <input type="hidden" name="module" value={moduleSlug} />
      <SubmitButton label={label} pendingLabel={pendingLabel} />
    </form>
  );
}
