"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/server/actions/define-action";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

type Fields = Record<string, string | number | null | readonly string[]>;

/** A one-button form that posts fixed fields to an action and shows its error, if any. */
export function ActionButtonForm({
  action,
  fields,
  label,
  pendingLabel,
}: {
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<unknown>>;
  fields: Fields;
  label: string;
  pendingLabel: string;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <FormAlert message={state && !state.ok ? state.formError : undefined} />
      {Object.entries(fields).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((item, index) => (
          <input key={`${name}-${index}`} type="hidden" name={name} value={item ?? ""} />
        )),
      )}
      <SubmitButton label={label} pendingLabel={pendingLabel} />
    </form>
  );
}
