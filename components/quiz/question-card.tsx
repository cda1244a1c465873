"use client";
import { useId, type Ref } from "react";
import { useTranslations } from "next-intl";
import type { Answer, QuestionView } from "@/domain/quiz";
import { answerFor } from "./answer-helpers";
import { ClozeInput } from "./cloze-input";
import { MatchingInput } from "./matching-input";
import { MultipleChoiceInput } from "./multiple-choice-input";
import { OrderingInput } from "./ordering-input";
import { SingleChoiceInput } from "./single-choice-input";
import { TrueFalseInput } from "./true-false-input";
import { YearAnswerInput } from "./year-answer-input";

export type AnswerHandler = (answer: Answer, options?: { isTyping: boolean }) => void;

type QuestionCardProps = {
  view: QuestionView;
  position: number;
  answer: Answer | null;
  /** The server's message when it refused this question's answer. */
  error?: string;
  isDisabled: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  onAnswer: AnswerHandler;
  onCommit: () => void;
  announce: (message: string) => void;
};

/**
 * One question: a heading that receives focus on navigation, then a fieldset whose legend is
 * the question and whose description is the instruction. A cloze shows its instruction as the
 * legend, because its sentence is where the answer goes.
 */
export function QuestionCard({ view, position, answer, error, isDisabled, headingRef, onAnswer, onCommit, announce }: QuestionCardProps) {
  const t = useTranslations("quiz.question");
  const id = useId();
  const instructionId = `${id}-instruction`;
  const errorId = `${id}-error`;
  const hasInstruction = view.type !== "cloze";
  const describedBy = [hasInstruction ? instructionId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  // A lone text field carries the description itself; a group of controls carries it once on the fieldset.
  const isTextAnswer = view.type === "year-answer" || view.type === "cloze";
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="w-fit text-sm font-semibold tracking-wide text-brand-dark uppercase">
        {t("heading", { number: position + 1 })}
      </h2>
      <fieldset disabled={isDisabled} aria-describedby={isTextAnswer ? undefined : describedBy} className="mt-2 min-w-0 space-y-4">
        <legend className="text-lg leading-snug font-semibold break-words sm:text-xl">{hasInstruction ? view.stem : view.instruction}</legend>
        {hasInstruction ? (
          <p id={instructionId} className="text-muted">
            {view.instruction}
          </p>
        ) : null}
        <QuestionInput view={view} answer={answer} describedBy={describedBy} onAnswer={onAnswer} onCommit={onCommit} announce={announce} />
        {error ? (
          <p id={errorId} role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
            {error}
          </p>
        ) : null}
      </fieldset>
    </section>
  );
}

type QuestionInputProps = Pick<QuestionCardProps, "view" | "answer" | "onAnswer" | "onCommit" | "announce"> & { describedBy?: string };

function QuestionInput({ view, answer, describedBy, onAnswer, onCommit, announce }: QuestionInputProps) {
  switch (view.type) {
    case "single-choice":
      return <SingleChoiceInput view={view} answer={answerFor(answer, "single-choice")} onAnswer={onAnswer} />;
    case "multiple-choice":
      return <MultipleChoiceInput view={view} answer={answerFor(answer, "multiple-choice")} onAnswer={onAnswer} />;
    case "true-false":
      return <TrueFalseInput view={view} answer={answerFor(answer, "true-false")} onAnswer={onAnswer} />;
    case "year-answer":
      return <YearAnswerInput answer={answerFor(answer, "year-answer")} describedBy={describedBy} onAnswer={onAnswer} onCommit={onCommit} />;
    case "cloze":
      return <ClozeInput view={view} answer={answerFor(answer, "cloze")} describedBy={describedBy} onAnswer={onAnswer} onCommit={onCommit} />;
    case "matching":
      return <MatchingInput view={view} answer={answerFor(answer, "matching")} onAnswer={onAnswer} />;
    case "ordering":
      return <OrderingInput view={view} answer={answerFor(answer, "ordering")} onAnswer={onAnswer} announce={announce} />;
  }
}
