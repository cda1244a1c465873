import type { Question } from "@/domain/quiz";

/**
 * The language-independent shape of a question: what must be equal between the French and the
 * English build of the same quiz, so that an answer given in one language means the same in the
 * other (the attempt code relies on it).
 */
export function structureOf(q: Question): unknown {
  const common = {
    id: q.id,
    type: q.type,
    factIds: q.factIds,
    topic: q.topic,
    sections: q.sections,
    difficulty: q.difficulty,
  };
  switch (q.type) {
    case "single-choice":
    case "multiple-choice":
      return { ...common, options: q.options.map((o) => [o.id, o.value]), key: q.key };
    case "true-false":
    case "year-answer":
      return { ...common, key: q.key };
    case "cloze":
      return { ...common };
    case "matching":
      return {
        ...common,
        prompts: q.prompts.map((p) => [p.id, p.factId]),
        options: q.options.map((o) => o.id),
        key: q.key,
      };
    case "ordering":
      return { ...common, items: q.items.map((i) => [i.id, i.factId]), key: q.key };
  }
}
