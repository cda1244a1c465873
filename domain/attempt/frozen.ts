import type { Locale } from "@/domain/content";
import type { Question } from "@/domain/quiz";

/** An attempt's questions, built once in each language from the same seed. */
export type FrozenQuestions = Record<Locale, Question[]>;

/**
 * The two languages must describe the same questions: same facts, same types and the same
 * option ids in the same order, so that an answer given in one language means the same in the
 * other and a learner can switch language in the middle of an attempt. Returns what differs.
 */
export function findLanguageMismatch(questions: FrozenQuestions): string | null {
  const { fr, en } = questions;
  if (fr.length !== en.length) return `fr has ${fr.length} questions, en has ${en.length}`;
  for (const [index, a] of fr.entries()) {
    const b = en[index]!;
    if (a.type !== b.type) return `question ${index + 1}: ${a.type} in fr, ${b.type} in en`;
    if (a.factIds.join() !== b.factIds.join()) return `question ${index + 1}: different facts`;
    if (JSON.stringify(structureOf(a)) !== JSON.stringify(structureOf(b))) return `question ${index + 1}: different options or key`;
  }
  return null;
}

/** The language-independent shape of a question: ids and the key, without any text. */
function structureOf(question: Question): unknown {
  switch (question.type) {
    case "single-choice":
    case "multiple-choice":
      return { options: question.options.map((o) => o.id), key: question.key };
    case "matching":
      return { prompts: question.prompts.map((p) => p.id), options: question.options.map((o) => o.id), key: question.key };
    case "ordering":
      return { items: question.items.map((i) => i.id), key: question.key };
    case "true-false":
      return { key: question.key.value };
    case "year-answer":
      return { key: question.key };
    case "cloze":
      return {};
  }
}
