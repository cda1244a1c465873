import type { Answer, AnswerOf, MultipleChoiceView, OrderingView, QuestionView } from "@/domain/quiz";

/** The saved answer if it is of the question's type (a stale or foreign one counts as none). */
export function answerFor<T extends Answer["type"]>(answer: Answer | null | undefined, type: T): AnswerOf<T> | null {
  return answer?.type === type ? (answer as AnswerOf<T>) : null;
}

/**
 * Whether a question counts as answered for the progress count and the "unanswered" warning:
 * an empty text, no ticked box or a half-done matching is not an answer yet.
 */
export function isAnswered(view: QuestionView, answer: Answer | null | undefined): boolean {
  if (!answer || answer.type !== view.type) return false;
  switch (answer.type) {
    case "single-choice":
    case "true-false":
      return true;
    case "multiple-choice":
      return answer.optionIds.length > 0;
    case "year-answer":
    case "cloze":
      return answer.text.trim() !== "";
    case "matching":
      return view.type === "matching" && view.prompts.every((prompt) => answer.pairs[prompt.id]);
    case "ordering":
      return answer.optionIds.length > 0;
  }
}

/** The learner's order if it is a full permutation of the items, else the order they were shown in. */
export function currentOrder(view: OrderingView, answer: AnswerOf<"ordering"> | null): string[] {
  const shown = view.items.map((item) => item.id);
  const given = answer?.optionIds ?? [];
  const isPermutation = given.length === shown.length && shown.every((id) => given.includes(id));
  return isPermutation ? given : shown;
}

/** Where the player opens: the question asked for (1-based, from the URL), else the first unanswered one. */
export function initialPosition(views: QuestionView[], answers: (Answer | null)[], requested?: number): number {
  if (requested !== undefined && Number.isInteger(requested) && requested >= 1 && requested <= views.length) return requested - 1;
  const firstOpen = views.findIndex((view, position) => !isAnswered(view, answers[position]));
  return firstOpen === -1 ? 0 : firstOpen;
}

/** Ticks or unticks one option, keeping the options' display order. */
export function toggleOption(view: MultipleChoiceView, answer: AnswerOf<"multiple-choice"> | null, optionId: string): Answer {
  const chosen = new Set(answer?.optionIds ?? []);
  if (chosen.has(optionId)) chosen.delete(optionId);
  else chosen.add(optionId);
  return { type: "multiple-choice", optionIds: view.options.map((option) => option.id).filter((id) => chosen.has(id)) };
}

/** What pressing digit `digit` does to a question: the new answer and what to announce, or null when it does nothing. */
export type DigitChoice = { answer: Answer; option: string; effect: "chosen" | "ticked" | "unticked" };

export function chooseByDigit(
  view: QuestionView,
  answer: Answer | null | undefined,
  digit: number,
  labels: { true: string; false: string },
): DigitChoice | null {
  switch (view.type) {
    case "single-choice": {
      const option = view.options[digit - 1];
      return option ? { answer: { type: "single-choice", optionId: option.id }, option: option.text, effect: "chosen" } : null;
    }
    case "multiple-choice": {
      const option = view.options[digit - 1];
      if (!option) return null;
      const next = toggleOption(view, answerFor(answer, "multiple-choice"), option.id);
      const isTicked = next.type === "multiple-choice" && next.optionIds.includes(option.id);
      return { answer: next, option: option.text, effect: isTicked ? "ticked" : "unticked" };
    }
    case "true-false":
      if (digit > 2) return null;
      return { answer: { type: "true-false", value: digit === 1 }, option: digit === 1 ? labels.true : labels.false, effect: "chosen" };
    default:
      return null;
  }
}
