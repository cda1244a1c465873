"use client";
import { useEffect, useEffectEvent, useId } from "react";
import { useTranslations } from "next-intl";
import { FormAlert } from "@/components/ui/form-alert";
import { useAttemptSubmission, type SubmitAction } from "./use-attempt-submission";

type Props = {
  attemptId: string;
  unanswered: number;
  action: SubmitAction;
  flush: () => Promise<boolean>;
  /** The time limit is reached: submit at once, without asking. */
  isExpired: boolean;
};

/** The finish button, and the dialog that asks first when questions are left unanswered. */
export function SubmitPanel({ attemptId, unanswered, action, flush, isExpired }: Props) {
  const t = useTranslations("quiz.submit");
  const id = useId();
  const { formRef, dialogRef, formAction, onSubmit, isBusy, hasUnsaved, formError, confirm, cancel, expire } = useAttemptSubmission({
    action,
    flush,
    unanswered,
  });
  const onExpire = useEffectEvent(expire);
  useEffect(() => {
    if (isExpired) onExpire();
  }, [isExpired]);
  const error = hasUnsaved ? t("notSaved") : formError;
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={`${id}-heading`} className="font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-muted">{unanswered > 0 ? t("unanswered", { count: unanswered }) : t("allAnswered")}</p>
      <form ref={formRef} action={formAction} onSubmit={onSubmit} className="space-y-3">
        <FormAlert message={error} />
        <input type="hidden" name="attemptId" value={attemptId} />
        <button
          type="submit"
          disabled={isBusy}
          className="min-h-12 w-full rounded-md bg-brand px-4 py-2.5 font-semibold text-white hover:bg-brand-dark disabled:opacity-70"
        >
          {isBusy ? t("pending") : t("button")}
        </button>
      </form>
      <dialog
        ref={dialogRef}
        aria-labelledby={`${id}-dialog-title`}
        aria-describedby={`${id}-dialog-body`}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl bg-white p-6 text-ink shadow-xl backdrop:bg-slate-900/60"
      >
        <h2 id={`${id}-dialog-title`} className="text-xl font-bold">
          {t("confirmTitle")}
        </h2>
        <p id={`${id}-dialog-body`} className="mt-3">
          {t("unanswered", { count: unanswered })} {t("confirmBody")}
        </p>
        <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          {/* First in the DOM, so showModal() puts focus on the safe choice. */}
          <button
            type="button"
            onClick={cancel}
            className="min-h-12 rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-50"
          >
            {t("cancel")}
          </button>
          <button type="button" onClick={confirm} className="min-h-12 rounded-md bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
            {t("confirm")}
          </button>
        </div>
      </dialog>
    </section>
  );
}
