import type { Difficulty, DifficultyLevel, QuestionType } from "./types";

/**
 * A prior difficulty, from what the question asks before anyone answers it: recall is harder
 * than recognition (typing beats choosing), and options close to the answer are harder to
 * eliminate (Alsubait et al.: distractor similarity predicts difficulty). Once learners answer,
 * the measured facility index should replace it (docs/decisions/0010).
 */
const BASE: Record<QuestionType, number> = {
  "true-false": 0.2,
  "single-choice": 0.3,
  matching: 0.35,
  ordering: 0.35,
  "multiple-choice": 0.4,
  "year-answer": 0.6,
  cloze: 0.65,
};

const EASY_BELOW = 0.35;
const HARD_FROM = 0.6;

function levelOf(score: number): DifficultyLevel {
  if (score < EASY_BELOW) return "easy";
  if (score < HARD_FROM) return "medium";
  return "hard";
}

function share(flags: readonly boolean[]): number {
  return flags.length === 0 ? 0 : flags.filter(Boolean).length / flags.length;
}

/** Score in [0.05, 0.95], rounded to hundredths, with its level. */
export function difficulty(score: number): Difficulty {
  const clamped = Math.min(0.95, Math.max(0.05, score));
  const rounded = Math.round(clamped * 100) / 100;
  return { score: rounded, level: levelOf(rounded) };
}

/** Choice questions: harder with more options and with more near distractors. */
export function choiceDifficulty(
  type: "single-choice" | "multiple-choice",
  nearDistractors: readonly boolean[],
  optionCount: number,
): Difficulty {
  return difficulty(BASE[type] + 0.25 * share(nearDistractors) + 0.02 * Math.max(0, optionCount - 4));
}

/** True/false: a false statement with a near value is the hard case. */
export function trueFalseDifficulty(isFalse: boolean, near: boolean): Difficulty {
  return difficulty(BASE["true-false"] + (isFalse && near ? 0.2 : isFalse ? 0.05 : 0));
}

/** Typed year: a tolerance makes it easier. */
export function yearDifficulty(tolerance: number): Difficulty {
  return difficulty(BASE["year-answer"] - 0.05 * Math.min(tolerance, 3));
}

/** Cloze: harder when even the shortest accepted spelling is long. */
export function clozeDifficulty(shortestWords: number): Difficulty {
  return difficulty(BASE.cloze + 0.05 * Math.min(4, Math.max(0, shortestWords - 1)));
}

/** Matching and ordering: harder with more items and with items close in time. */
export function groupDifficulty(
  type: "matching" | "ordering",
  items: number,
  closeNeighbours: readonly boolean[],
): Difficulty {
  return difficulty(BASE[type] + 0.05 * Math.max(0, items - 3) + 0.2 * share(closeNeighbours));
}
