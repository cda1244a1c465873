import type { Item, Question, QuestionView } from "./types";

const item = ({ id, text }: Item): Item => ({ id, text });

/**
 * What the learner may see of a question: its stem, instruction and options, by id. Fields are
 * copied one by one rather than the key deleted, so a field added to `Question` later stays on
 * the server until someone decides it belongs here. No key, explanation, fact ids, sections,
 * difficulty or option values: nothing that tells or hints at the answer.
 */
export function toView(question: Question): QuestionView {
  const base = {
    id: question.id,
    locale: question.locale,
    topic: question.topic,
    stem: question.stem,
    instruction: question.instruction,
  };
  switch (question.type) {
    case "single-choice":
      return { ...base, type: "single-choice", options: question.options.map(item) };
    case "multiple-choice":
      return { ...base, type: "multiple-choice", options: question.options.map(item) };
    case "true-false":
      return { ...base, type: "true-false" };
    case "year-answer":
      return { ...base, type: "year-answer" };
    case "cloze":
      return { ...base, type: "cloze", before: question.before, after: question.after };
    case "matching":
      return { ...base, type: "matching", prompts: question.prompts.map(item), options: question.options.map(item) };
    case "ordering":
      return { ...base, type: "ordering", items: question.items.map(item) };
  }
}
