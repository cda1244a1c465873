import { clozeDifficulty } from "../difficulty";
import type { FactEntry } from "../module-index";
import type { ClozeQuestion } from "../types";
import { makeQuestion, type GeneratorContext } from "./common";

/** What stands for the gap in the stem (and in exports: GIFT and Moodle show the same). */
export const CLOZE_GAP = "_____";

export function canMakeCloze(entry: FactEntry): boolean {
  return entry.cloze !== undefined;
}

/**
 * The fact's statement with the name left out; the learner types it. Only made when the fact
 * base accepts a single answer for the gap and the sentence does not contain the name elsewhere.
 */
export function makeCloze(ctx: GeneratorContext, entry: FactEntry): ClozeQuestion | undefined {
  const cloze = entry.cloze;
  if (!cloze) return undefined;
  return makeQuestion(ctx, "cloze", [entry], {
    stem: `${cloze.before}${CLOZE_GAP}${cloze.after}`,
    before: cloze.before,
    after: cloze.after,
    explanation: entry.explanation,
    difficulty: clozeDifficulty(cloze.shortestWords),
    key: { answer: entry.answerText, accepted: cloze.accepted },
  });
}
