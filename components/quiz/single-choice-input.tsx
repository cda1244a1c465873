import type { Answer, AnswerOf, SingleChoiceView } from "@/domain/quiz";
import { ChoiceOption } from "./choice-option";

type Props = { view: SingleChoiceView; answer: AnswerOf<"single-choice"> | null; onAnswer: (answer: Answer) => void };

export function SingleChoiceInput({ view, answer, onAnswer }: Props) {
  return (
    <div className="space-y-2">
      {view.options.map((option, index) => (
        <ChoiceOption
          key={option.id}
          type="radio"
          name={view.id}
          value={option.id}
          label={option.text}
          shortcut={index + 1}
          checked={answer?.optionId === option.id}
          onChange={() => onAnswer({ type: "single-choice", optionId: option.id })}
        />
      ))}
    </div>
  );
}
