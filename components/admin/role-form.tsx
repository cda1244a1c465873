"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/server/actions/define-action";
import { SubmitButton } from "@/components/ui/submit-button";

type Role = "learner" | "instructor" | "admin";

/** One user's role: a select and a button; the outcome is announced next to them. */
export function RoleForm({
  userId,
  userName,
  role,
  roleLabels,
  action,
}: {
  userId: string;
  userName: string;
  role: Role;
  roleLabels: Record<Role, string>;
  action: (previous: unknown, payload: FormData) => Promise<ActionResult<{ changed: boolean }>>;
}) {
  const t = useTranslations("admin");
  const [state, formAction] = useActionState(action, null);
  const message = state ? (state.ok ? t(state.data.changed ? "saved" : "unchanged") : state.formError) : "";
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label className="sr-only" htmlFor={`role-${userId}`}>
        {t("roleFor", { name: userName })}
      </label>
      <select
        id={`role-${userId}`}
        name="role"
        defaultValue={role}
        className="min-h-11 rounded-md border border-slate-400 bg-white px-2 py-1"
      >
        {(Object.keys(roleLabels) as Role[]).map((value) => (
          <option key={value} value={value}>
            {roleLabels[value]}
          </option>
        ))}
      </select>
      <SubmitButton label={t("save")} pendingLabel={t("saving")} />
      <span role="status" className={state && !state.ok ? "text-sm font-medium text-red-800" : "text-sm text-green-900"}>
        {message}
      </span>
    </form>
  );
}
