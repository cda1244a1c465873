"use client";
import { useActionState } from "react";
import type { ActionResult } from "@/server/actions/define-action";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

type Field = { name: string; label: string; type?: "text" | "email"; defaultValue?: string; hint?: string; autoComplete?: string };

/** A small form of text fields posting to an action: errors per field, a form message, a success note. */
export function FieldForm({
  action,
  fields,
  hidden = {},
  submitLabel,
  pendingLabel,
  successMessage,
}: {
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<unknown>>;
  fields: Field[];
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  successMessage?: string;
}) {
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : undefined;
  return (
    <form action={formAction} noValidate className="space-y-3">
      <FormAlert message={failed?.formError} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => (
        <TextField
          key={field.name}
          name={field.name}
          label={field.label}
          type={field.type}
          hint={field.hint}
          autoComplete={field.autoComplete ?? "off"}
          defaultValue={failed?.values?.[field.name] ?? field.defaultValue}
          errors={failed?.fieldErrors?.[field.name]}
        />
      ))}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton label={submitLabel} pendingLabel={pendingLabel} />
        <span role="status" className="text-sm text-green-900">
          {state?.ok && successMessage ? successMessage : ""}
        </span>
      </div>
    </form>
  );
}
