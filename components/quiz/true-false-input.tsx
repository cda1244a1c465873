"use client";
import { useTranslations } from "next-intl";
import type { Answer, AnswerOf, TrueFalseView } from "@/domain/quiz";
import { ChoiceOption } from "./choice-option";

type Props = { view: TrueFalseView; answer: AnswerOf<"true-false"> | null; onAnswer: (answer: Answer) => void };

export function TrueFalseInput({ view, answer, onAnswer }: Props) {
  const t = useTranslations("quiz.inputs");
  return (
    <div className="grid gap-2 sm:grid-cols-2">
      {[true, false].map((value, index) => (
        <ChoiceOption
          key={String(value)}
          type="radio"
          name={view.id}
          value={String(value)}
          label={value ? t("true") : t("false")}
          shortcut={index + 1}
          checked={answer?.value === value}
          onChange={() => onAnswer({ type: "true-false", value })}
        />
      ))}
    </div>
  );
}
