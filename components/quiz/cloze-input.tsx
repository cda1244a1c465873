"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import type { Answer, AnswerOf, ClozeView } from "@/domain/quiz";

type Props = {
  view: ClozeView;
  answer: AnswerOf<"cloze"> | null;
  describedBy?: string;
  onAnswer: (answer: Answer, options: { isTyping: boolean }) => void;
  onCommit: () => void;
};

/** The blank sits inside the sentence; screen readers get the sentence, gap marked "…", as its description. */
export function ClozeInput({ view, answer, describedBy, onAnswer, onCommit }: Props) {
  const t = useTranslations("quiz.inputs");
  const id = useId();
  const sentenceId = `${id}-sentence`;
  return (
    <>
      <p className="text-lg leading-loose break-words">
        {view.before}
        <label htmlFor={id} className="sr-only">
          {t("cloze")}
        </label>
        <input
          id={id}
          type="text"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          maxLength={120}
          value={answer?.text ?? ""}
          onChange={(event) => onAnswer({ type: "cloze", text: event.target.value }, { isTyping: true })}
          onBlur={onCommit}
          aria-describedby={[sentenceId, describedBy].filter(Boolean).join(" ")}
          className="mx-1 inline-block min-h-11 w-56 max-w-full rounded-md border border-slate-400 bg-white px-3 py-1 align-middle text-base"
        />
        {view.after}
      </p>
      <p id={sentenceId} className="sr-only">
        {`${view.before.trimEnd()} … ${view.after.trimStart()}`}
      </p>
    </>
  );
}
