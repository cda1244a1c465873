"use client";
import { useTranslations } from "next-intl";

/** "Question 7 sur 20" as text and as a progress bar, with the number of answered questions. */
export function QuizProgress({ current, total, answered }: { current: number; total: number; answered: number }) {
  const t = useTranslations("quiz.progress");
  const position = t("position", { current, total });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p className="text-lg font-semibold">{position}</p>
        <p className="text-sm text-muted">{t("answered", { count: answered, total })}</p>
      </div>
      <div
        role="progressbar"
        aria-label={t("label")}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={current}
        aria-valuetext={position}
        className="h-2.5 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand transition-[width]" style={{ width: `${(current / total) * 100}%` }} />
      </div>
    </div>
  );
}
