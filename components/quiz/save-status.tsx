"use client";
import { useTranslations } from "next-intl";
import type { AutosaveProblem } from "./autosave-queue";

type Props = { unsaved: number; problem: AutosaveProblem | null; signInHref: string };

/** Saving / saved / not saved, announced politely; a sign-in link (new tab, so nothing is lost) when the session ended. */
export function SaveStatus({ unsaved, problem, signInHref }: Props) {
  const t = useTranslations("quiz.save");
  const [icon, text, tone] =
    problem === "offline"
      ? ["⚠", t("offline"), "text-amber-900"]
      : problem === "server"
        ? ["⚠", t("serverError"), "text-amber-900"]
        : problem === "signed-out"
          ? ["⚠", t("signedOut"), "text-red-800"]
          : unsaved > 0
            ? ["…", t("saving"), "text-muted"]
            : ["✓", t("saved"), "text-green-800"];
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <p className={`flex items-center gap-2 font-medium ${tone}`}>
        <span aria-hidden="true">{icon}</span>
        <span role="status">{text}</span>
      </p>
      {problem === "signed-out" ? (
        <a href={signInHref} target="_blank" rel="noopener" className="font-medium text-brand underline">
          {t("signIn")}
        </a>
      ) : null}
    </div>
  );
}
