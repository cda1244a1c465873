"use client";
import { startTransition, useActionState, useRef, useState, type FormEvent } from "react";
import type { ActionResult } from "@/server/actions/define-action";

export type SubmitAction = (previous: unknown, payload: FormData) => Promise<ActionResult<never>>;

/**
 * Finishing the attempt: ask for confirmation when questions are left unanswered, send every
 * pending autosave first, then run the form's server action (which redirects to the results).
 * One submission at a time (a double click sends one request); the server is idempotent anyway.
 */
export function useAttemptSubmission({ action, flush, unanswered }: { action: SubmitAction; flush: () => Promise<boolean>; unanswered: number }) {
  const isBusy = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [isSaving, setSaving] = useState(false);
  const [hasUnsaved, setHasUnsaved] = useState(false);
  const [state, formAction, isPending] = useActionState(async (previous: unknown, payload: FormData) => {
    try {
      return await action(previous, payload);
    } finally {
      isBusy.current = false;
    }
  }, null);

  /** `force`: the time is up, so submit even if some answers could not be saved. */
  async function finish({ force }: { force: boolean }) {
    if (isBusy.current) return;
    isBusy.current = true;
    dialogRef.current?.close();
    setHasUnsaved(false);
    setSaving(true);
    const isSaved = await flush();
    setSaving(false);
    if (!isSaved && !force) {
      isBusy.current = false;
      setHasUnsaved(true);
      return;
    }
    const form = formRef.current;
    if (!form) {
      isBusy.current = false;
      return;
    }
    // Called directly rather than through form.requestSubmit(), which browsers ignore while the
    // submit event that started all this is still being dispatched.
    startTransition(() => formAction(new FormData(form)));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy.current) return;
    if (unanswered > 0) dialogRef.current?.showModal();
    else void finish({ force: false });
  }

  return {
    formRef,
    dialogRef,
    formAction,
    onSubmit,
    isBusy: isSaving || isPending,
    hasUnsaved,
    formError: state && !state.ok ? state.formError : undefined,
    confirm: () => void finish({ force: false }),
    cancel: () => dialogRef.current?.close(),
    expire: () => void finish({ force: true }),
  };
}
