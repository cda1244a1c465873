import type { ScoringMode } from "./assignment-settings";

/**
 * The score that counts for an assignment, from the scores (in [0, 1]) of the learner's
 * finished attempts in the order they were finished: the highest ("best"), the latest
 * ("last") or the arithmetic mean ("average"). Promises: null when there is no finished
 * attempt; otherwise in [0, 1], with min ≤ average ≤ best and last = the last score (the mean
 * is clamped into [min, max] so floating-point rounding never breaks that order). Throws a
 * RangeError for a score that is not a number in [0, 1]: that is a bug upstream, not a mark.
 */
export function countedScore(scores: readonly number[], scoring: ScoringMode): number | null {
  for (const score of scores) {
    if (!(score >= 0 && score <= 1)) throw new RangeError(`an attempt score must be in [0, 1], got ${score}`);
  }
  if (scores.length === 0) return null;
  const best = scores.reduce((max, score) => Math.max(max, score));
  switch (scoring) {
    case "best":
      return best;
    case "last":
      return scores[scores.length - 1]!;
    case "average": {
      const worst = scores.reduce((min, score) => Math.min(min, score));
      const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
      return Math.min(best, Math.max(worst, mean));
    }
  }
}
