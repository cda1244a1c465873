import { factMastery, type FactHistory } from "./mastery";
import { isDue, isSeen } from "./memory";

export type ReviewQueueInput = {
  facts: readonly FactHistory[];
  now: Date;
  /** The most facts to return (a whole number ≥ 0). */
  limit: number;
  /** Facts due by this instant count as due (default `now`; the end of the learner's day for "due today"). */
  dueBy?: Date;
};

type Ranked = { factId: string; dueAt: number; strength: number };

const byId = (a: Ranked, b: Ranked) => (a.factId < b.factId ? -1 : a.factId > b.factId ? 1 : 0);

/**
 * The facts of a review session, in order, at most `limit` of them, each once:
 * 1. due facts, most overdue first (earliest due time; then weakest, then by id);
 * 2. then the other facts answered before, weakest first (lowest strength as `factMastery`;
 *    then earliest due, then by id);
 * 3. last, facts never answered, in the order given: a review consolidates what was studied
 *    before it introduces anything, and new facts only fill a session that would be short.
 * A fact listed twice keeps its first entry. Throws a RangeError when `limit` is not a whole
 * number ≥ 0.
 */
export function buildReviewQueue({ facts, now, limit, dueBy = now }: ReviewQueueInput): string[] {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a whole number ≥ 0, got ${limit}`);
  const seenIds = new Set<string>();
  const due: Ranked[] = [];
  const studied: Ranked[] = [];
  const unseen: string[] = [];
  for (const fact of facts) {
    if (seenIds.has(fact.factId)) continue;
    seenIds.add(fact.factId);
    if (!isSeen(fact.card)) {
      unseen.push(fact.factId);
      continue;
    }
    const ranked = {
      factId: fact.factId,
      dueAt: fact.card.due.getTime(),
      strength: factMastery({ card: fact.card, recent: fact.recent, now }).strength,
    };
    (isDue(fact.card, dueBy) ? due : studied).push(ranked);
  }
  due.sort((a, b) => a.dueAt - b.dueAt || a.strength - b.strength || byId(a, b));
  studied.sort((a, b) => a.strength - b.strength || a.dueAt - b.dueAt || byId(a, b));
  return [...due.map((f) => f.factId), ...studied.map((f) => f.factId), ...unseen].slice(0, limit);
}
