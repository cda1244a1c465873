import type { MultipleChoiceQuestion, Question } from "../types";

/**
 * What the GIFT and Moodle XML exports share: where questions go in Moodle's question bank,
 * how they are named and tagged, and how our grading rules translate into Moodle's settings.
 */

export type BankHeader = { module: string; moduleTitle: string; locale: string; seed: number };

/** "$course$/top/Entente/<module>/<topic>": ids only, which need no escaping in either format. */
export function categoryPath(module: string, topic: string): string {
  return `$course$/top/Entente/${module}/${topic}`;
}

/** Seen by instructors only; names the type and the facts, so a question traces back to its source. */
export function questionName(q: Question): string {
  return `${q.type} · ${q.factIds.join(" + ")}`;
}

/** Moodle tags: the facts, the topic and the prior difficulty, for filtering the bank. */
export function questionTags(q: Question): string[] {
  return [...q.factIds, `topic-${q.topic}`, `difficulty-${q.difficulty.level}`];
}

/** Percentages with at most 5 decimals and no trailing zeros, as Moodle's grade menus list them. */
export function percent(fraction: number): string {
  return String(Number((fraction * 100).toFixed(5)));
}

/**
 * Moodle fraction of each option of a "select all that apply": +1/|right| for a right one,
 * −1/|wrong| for a wrong one. Moodle sums the ticked fractions and clamps to [0, 1], which is
 * exactly our rule (grade.ts), so a learner scores the same in Moodle as in Entente.
 */
export function multipleChoiceFractions(q: MultipleChoiceQuestion): Map<string, number> {
  const right = new Set(q.key.optionIds);
  const wrong = q.options.length - right.size;
  return new Map(q.options.map((o) => [o.id, right.has(o.id) ? 1 / right.size : -1 / wrong]));
}

/** Ordering in Moodle: every item shown, graded on pairs in the right relative order (our rule). */
export const ORDERING_SETTINGS = {
  layout: "VERTICAL",
  select: "ALL",
  grading: "RELATIVE_ALL_PREVIOUS_AND_NEXT",
  show: "SHOW",
} as const;

function stripAccents(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC");
}

/**
 * Accepted spellings for Moodle's short-answer grading, which ignores case but not accents:
 * each of ours, and again without accents when that differs. `*` is Moodle's wildcard, so a
 * literal one is escaped.
 */
export function shortAnswerSpellings(accepted: readonly string[]): string[] {
  const all = accepted.flatMap((a) => [a, stripAccents(a)]);
  return [...new Set(all)].map((a) => a.replace(/\*/g, "\\*"));
}

/** Stem as exported: typed answers carry their instruction, since Moodle shows no other hint. */
export function exportStem(q: Question): string {
  if (q.type === "year-answer") return `${q.stem} (${q.instruction})`;
  return q.stem;
}
