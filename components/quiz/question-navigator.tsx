"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";

type Props = { answered: boolean[]; current: number; onSelect: (position: number) => void };

/** Jump to any question. Answered ones carry a check mark (not only a colour); the current one is aria-current. */
export function QuestionNavigator({ answered, current, onSelect }: Props) {
  const t = useTranslations("quiz.navigator");
  const headingId = useId();
  return (
    <nav aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="font-semibold">
        {t("title")}
      </h2>
      <ol className="grid grid-cols-[repeat(auto-fill,minmax(2.75rem,1fr))] gap-2">
        {answered.map((isAnswered, position) => {
          const isCurrent = position === current;
          return (
            <li key={position}>
              <button
                type="button"
                onClick={() => onSelect(position)}
                aria-current={isCurrent ? "step" : undefined}
                aria-label={t("item", { number: position + 1, state: isAnswered ? "answered" : "open" })}
                className={[
                  "relative flex h-11 w-full items-center justify-center rounded-md border text-sm font-semibold tabular-nums",
                  isAnswered ? "border-brand bg-blue-50 text-brand-dark" : "border-slate-300 bg-white text-ink hover:bg-slate-50",
                  isCurrent ? "border-2 border-ink underline decoration-2 underline-offset-4" : "",
                ].join(" ")}
              >
                {position + 1}
                {isAnswered ? (
                  <span aria-hidden="true" className="absolute top-0 right-1 text-xs leading-4">
                    ✓
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ol>
      <p aria-hidden="true" className="flex flex-wrap gap-x-4 text-xs text-muted">
        <span>✓ {t("legendAnswered")}</span>
        <span className="underline decoration-2 underline-offset-4">{t("legendCurrent")}</span>
      </p>
    </nav>
  );
}
