"use client";
import { useEffect } from "react";
import { useTranslations } from "next-intl";

/** Any unexpected failure of a page: a message and a retry, never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="space-y-4">
      <h1 className="text-3xl font-bold">{t("generic")}</h1>
      <button type="button" onClick={reset} className="rounded-md bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark">
        {t("retry")}
      </button>
    </div>
  );
}
