import { getTranslations } from "next-intl/server";
import type { Answer, Question } from "@/domain/quiz";

const itemText = (items: { id: string; text: string }[], id: string | undefined) => items.find((item) => item.id === id)?.text;

/** The correct answer next to the learner's, for each question type, as text (no colour-only cues). */
export async function AnswerReview({
  question,
  answer,
  reader = "learner",
}: {
  question: Question;
  answer: Answer | null;
  /** Who reads the review: the learner ("your answer") or their instructor ("the learner's answer"). */
  reader?: "learner" | "instructor";
}) {
  const t = await getTranslations("results");
  const answerLabel = reader === "learner" ? t("yourAnswer") : t("learnerAnswer");
  const none = <em className="text-muted">{t("noAnswer")}</em>;
  const pair = (correct: React.ReactNode, yours: React.ReactNode) => (
    <dl className="grid gap-2 sm:grid-cols-2">
      <div>
        <dt className="text-sm font-semibold uppercase tracking-wide text-muted">{t("correctAnswer")}</dt>
        <dd>{correct}</dd>
      </div>
      <div>
        <dt className="text-sm font-semibold uppercase tracking-wide text-muted">{answerLabel}</dt>
        <dd>{yours}</dd>
      </div>
    </dl>
  );

  switch (question.type) {
    case "single-choice": {
      const yours = answer?.type === "single-choice" ? itemText(question.options, answer.optionId) : undefined;
      return pair(itemText(question.options, question.key.optionId), yours ?? none);
    }
    case "multiple-choice": {
      const texts = (ids: string[]) => (
        <ul className="list-disc pl-5">
          {ids.map((id) => (
            <li key={id}>{itemText(question.options, id)}</li>
          ))}
        </ul>
      );
      const yours = answer?.type === "multiple-choice" && answer.optionIds.length > 0 ? texts(answer.optionIds) : none;
      return pair(texts(question.key.optionIds), yours);
    }
    case "true-false": {
      const yours = answer?.type === "true-false" ? t(answer.value ? "true" : "false") : undefined;
      return pair(t(question.key.value ? "true" : "false"), yours ?? none);
    }
    case "year-answer": {
      const correct = question.key.tolerance > 0 ? t("tolerance", { year: question.key.year, tolerance: question.key.tolerance }) : String(question.key.year);
      return pair(correct, answer?.type === "year-answer" && answer.text.trim() ? answer.text : none);
    }
    case "cloze":
      return pair(question.key.answer, answer?.type === "cloze" && answer.text.trim() ? answer.text : none);
    case "matching": {
      const pairs = answer?.type === "matching" ? answer.pairs : {};
      return (
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr>
              <th scope="col" className="border-b p-2">{t("matchingPrompt")}</th>
              <th scope="col" className="border-b p-2">{t("correctAnswer")}</th>
              <th scope="col" className="border-b p-2">{answerLabel}</th>
            </tr>
          </thead>
          <tbody>
            {question.prompts.map((prompt) => (
              <tr key={prompt.id}>
                <th scope="row" className="border-b p-2 font-medium">{prompt.text}</th>
                <td className="border-b p-2">{itemText(question.options, question.key.pairs[prompt.id])}</td>
                <td className="border-b p-2">{itemText(question.options, pairs[prompt.id]) ?? none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case "ordering": {
      const list = (ids: string[]) => (
        <ol className="list-decimal pl-5">
          {ids.map((id) => (
            <li key={id}>{itemText(question.items, id)}</li>
          ))}
        </ol>
      );
      return (
        <dl className="grid gap-2 sm:grid-cols-2">
          <div>
            <dt className="text-sm font-semibold uppercase tracking-wide text-muted">{t("orderingCorrect")}</dt>
            <dd>{list(question.key.order)}</dd>
          </div>
          <div>
            <dt className="text-sm font-semibold uppercase tracking-wide text-muted">{reader === "learner" ? t("orderingYours") : t("learnerAnswer")}</dt>
            <dd>{answer?.type === "ordering" && answer.optionIds.length > 0 ? list(answer.optionIds) : none}</dd>
          </div>
        </dl>
      );
    }
  }
}
