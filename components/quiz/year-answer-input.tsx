"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import type { Answer, AnswerOf } from "@/domain/quiz";

type Props = {
  answer: AnswerOf<"year-answer"> | null;
  describedBy?: string;
  onAnswer: (answer: Answer, options: { isTyping: boolean }) => void;
  onCommit: () => void;
};

export function YearAnswerInput({ answer, describedBy, onAnswer, onCommit }: Props) {
  const t = useTranslations("quiz.inputs");
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {t("year")}
      </label>
      <input
        id={id}
        type="text"
        // A year is digits only, but type=number would add spinners and accept "1e3".
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        value={answer?.text ?? ""}
        onChange={(event) => onAnswer({ type: "year-answer", text: event.target.value }, { isTyping: true })}
        onBlur={onCommit}
        aria-describedby={describedBy}
        className="block min-h-12 w-40 rounded-md border border-slate-400 bg-white px-3 py-2 text-lg tabular-nums"
      />
    </div>
  );
}
