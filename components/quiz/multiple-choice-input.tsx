import type { Answer, AnswerOf, MultipleChoiceView } from "@/domain/quiz";
import { toggleOption } from "./answer-helpers";
import { ChoiceOption } from "./choice-option";

type Props = { view: MultipleChoiceView; answer: AnswerOf<"multiple-choice"> | null; onAnswer: (answer: Answer) => void };

export function MultipleChoiceInput({ view, answer, onAnswer }: Props) {
  return (
    <div className="space-y-2">
      {view.options.map((option, index) => (
        <ChoiceOption
          key={option.id}
          type="checkbox"
          name={view.id}
          value={option.id}
          label={option.text}
          shortcut={index + 1}
          checked={answer?.optionIds.includes(option.id) ?? false}
          onChange={() => onAnswer(toggleOption(view, answer, option.id))}
        />
      ))}
    </div>
  );
}
