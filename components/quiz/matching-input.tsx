"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import type { Answer, AnswerOf, MatchingView } from "@/domain/quiz";

type Props = { view: MatchingView; answer: AnswerOf<"matching"> | null; onAnswer: (answer: Answer) => void };

/** One native select per prompt: usable with a keyboard, a screen reader or a thumb, no dragging. */
export function MatchingInput({ view, answer, onAnswer }: Props) {
  const t = useTranslations("quiz.inputs");
  const id = useId();
  const pairs = answer?.pairs ?? {};

  function choose(promptId: string, optionId: string) {
    const { [promptId]: _previous, ...others } = pairs;
    onAnswer({ type: "matching", pairs: optionId ? { ...others, [promptId]: optionId } : others });
  }

  return (
    <div className="space-y-3">
      {view.prompts.map((prompt) => (
        <div key={prompt.id} className="grid gap-1 rounded-lg border border-slate-200 p-3 sm:grid-cols-2 sm:items-center sm:gap-4">
          <label htmlFor={`${id}-${prompt.id}`} className="min-w-0 font-medium break-words">
            {prompt.text}
          </label>
          <select
            id={`${id}-${prompt.id}`}
            value={pairs[prompt.id] ?? ""}
            onChange={(event) => choose(prompt.id, event.target.value)}
            className="min-h-12 w-full min-w-0 rounded-md border border-slate-400 bg-white px-3 py-2"
          >
            <option value="">{t("choose")}</option>
            {view.options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.text}
              </option>
            ))}
          </select>
        </div>
      ))}
    </div>
  );
}
