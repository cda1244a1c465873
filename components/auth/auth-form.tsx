"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/server/actions/define-action";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";

type AuthAction = (previous: unknown, payload: FormData) => Promise<ActionResult<never>>;

/** Sign-in and sign-up share one form; sign-up adds the name field. */
export function AuthForm({ mode, action, next }: { mode: "sign-in" | "sign-up"; action: AuthAction; next?: string }) {
  const t = useTranslations("auth");
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : undefined;
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormAlert message={failed?.formError} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {mode === "sign-up" ? (
        <TextField name="name" label={t("name")} autoComplete="name" required defaultValue={failed?.values?.name} errors={failed?.fieldErrors?.name} />
      ) : null}
      <TextField
        name="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        required
        defaultValue={failed?.values?.email}
        errors={failed?.fieldErrors?.email}
      />
      <TextField
        name="password"
        type="password"
        label={t("password")}
        autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
        hint={mode === "sign-up" ? t("passwordHint") : undefined}
        required
        errors={failed?.fieldErrors?.password}
      />
      <SubmitButton label={mode === "sign-up" ? t("submitSignUp") : t("submitSignIn")} pendingLabel={t("pending")} />
    </form>
  );
}
