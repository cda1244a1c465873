import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { signOut } from "@/server/actions/auth";
import type { Viewer } from "@/server/auth/viewer";

/** Sign-in links for visitors; the signed-in person's name, role and a sign-out button otherwise. */
export async function AccountMenu({ viewer }: { viewer: Viewer | null }) {
  const t = await getTranslations("nav");
  if (!viewer) {
    return (
      <div className="flex items-center gap-3">
        <Link href="/sign-in" className="font-medium text-brand-dark underline-offset-4 hover:underline">
          {t("signIn")}
        </Link>
        <Link href="/sign-up" className="rounded-md bg-brand px-3 py-1.5 font-medium text-white hover:bg-brand-dark">
          {t("signUp")}
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-wrap items-center justify-end gap-x-3 gap-y-2">
      {viewer.role !== "learner" ? (
        <Link href="/teach" className="font-medium text-brand-dark underline-offset-4 hover:underline">
          {t("teach")}
        </Link>
      ) : null}
      {viewer.role === "admin" ? (
        <Link href="/admin/users" className="font-medium text-brand-dark underline-offset-4 hover:underline">
          {t("admin")}
        </Link>
      ) : null}
      <Link href="/progress" className="font-medium text-brand-dark underline-offset-4 hover:underline">
        {t("progress")}
      </Link>
      <Link href="/history" className="font-medium text-brand-dark underline-offset-4 hover:underline">
        {t("history")}
      </Link>
      <span className="hidden text-sm text-muted md:inline">
        {t("signedInAs", { name: viewer.name })} ({t(`roles.${viewer.role}`)})
      </span>
      <form action={signOut}>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
