import type { FactMastery } from "@/domain/quiz";
import { isDue, isSeen, retrievability, type CardState } from "./memory";

/**
 * Mastery levels, lowest first. The rule and its thresholds are explained in
 * docs/decisions/0006-mastery-levels.md; instructors see the same levels as learners.
 */
export const MASTERY_LEVELS = ["not-started", "familiar", "proficient", "mastered"] as const;
export type MasteryLevel = (typeof MASTERY_LEVELS)[number];

/** How many of a fact's latest answers the rule looks at. */
export const RECENT_WINDOW = 3;

/** Thresholds of the per-fact rule (see the decision record for the reasons). */
export const MASTERY_RULE = {
  proficient: { minRetrievability: 0.8, minStabilityDays: 7, latestCorrect: 1 },
  mastered: { minRetrievability: 0.9, minStabilityDays: 21, latestCorrect: RECENT_WINDOW },
} as const;

/** A topic or module is at a level when at least 4 facts in 5 are at that level or above. */
export const GROUP_SHARE = { atLeast: 4, outOf: 5 } as const;

/** What the rule needs to know of one fact. */
export type MasteryEvidence = {
  /** Whether the fact has been answered at least once. */
  seen: boolean;
  retrievability: number;
  stabilityDays: number;
  /** Correctness of the latest answers, most recent last. */
  recent: readonly boolean[];
};

export type FactMasteryInput = {
  card: CardState | null | undefined;
  /** Correctness of the fact's latest answers, most recent last; only the last RECENT_WINDOW count. */
  recent: readonly boolean[];
  now: Date;
};

export type FactMasteryResult = {
  level: MasteryLevel;
  /** FSRS probability of recall at `now` (0 for a fact never answered). */
  retrievability: number;
  /** Retrievability weighted by recent accuracy, in [0, 1]: what the quiz builder and the review queue rank by. */
  strength: number;
};

export type LevelCounts = Record<MasteryLevel, number>;
export type AggregateMastery = { level: MasteryLevel; counts: LevelCounts; total: number };

/** The rank of a level: 0 for not started up to 3 for mastered. */
export function levelRank(level: MasteryLevel): number {
  return MASTERY_LEVELS.indexOf(level);
}

function latestAllCorrect(recent: readonly boolean[], n: number): boolean {
  return recent.length >= n && recent.slice(recent.length - n).every(Boolean);
}

/** Share of correct answers among the last RECENT_WINDOW; 0 without answers. */
export function recentAccuracy(recent: readonly boolean[]): number {
  const window = recent.slice(Math.max(0, recent.length - RECENT_WINDOW));
  return window.length === 0 ? 0 : window.filter(Boolean).length / window.length;
}

/**
 * The level the rule gives, from the top:
 * - not started: never answered;
 * - mastered: retrievability ≥ 0.9, stability ≥ 21 days, and the last 3 answers correct;
 * - proficient: retrievability ≥ 0.8, stability ≥ 7 days, and the last answer correct;
 * - familiar: any other fact answered at least once.
 * Monotone: more retrievability, more stability or more recent correct answers never lower it.
 */
export function masteryLevel(evidence: MasteryEvidence): MasteryLevel {
  if (!evidence.seen) return "not-started";
  const { mastered, proficient } = MASTERY_RULE;
  const meets = (t: { minRetrievability: number; minStabilityDays: number; latestCorrect: number }) =>
    evidence.retrievability >= t.minRetrievability &&
    evidence.stabilityDays >= t.minStabilityDays &&
    latestAllCorrect(evidence.recent, t.latestCorrect);
  if (meets(mastered)) return "mastered";
  if (meets(proficient)) return "proficient";
  return "familiar";
}

/**
 * The mastery of one fact at `now`: its level by `masteryLevel`, its retrievability, and its
 * strength (retrievability × recent accuracy; 0 when never answered). A fact is seen when its
 * card has been reviewed; `recent` alone does not make it seen.
 */
export function factMastery({ card, recent, now }: FactMasteryInput): FactMasteryResult {
  if (!isSeen(card)) return { level: "not-started", retrievability: 0, strength: 0 };
  const r = retrievability(card, now);
  const level = masteryLevel({ seen: true, retrievability: r, stabilityDays: card.stability, recent });
  return { level, retrievability: r, strength: r * recentAccuracy(recent) };
}

function atLeastShare(count: number, total: number): boolean {
  return count * GROUP_SHARE.outOf >= total * GROUP_SHARE.atLeast;
}

/**
 * The mastery of a topic or module from the levels of ALL its facts (pass "not-started" for
 * facts never answered, or use `groupMastery`): not started while none of them has been
 * answered; otherwise the highest level that at least 4 facts in 5 reach or exceed, and at
 * least familiar. An empty group is not started. `counts` sum to `total`.
 */
export function aggregateMastery(factLevels: readonly MasteryLevel[]): AggregateMastery {
  const counts: LevelCounts = { "not-started": 0, familiar: 0, proficient: 0, mastered: 0 };
  for (const level of factLevels) counts[level] += 1;
  const total = factLevels.length;
  let level: MasteryLevel = "not-started";
  if (counts["not-started"] < total) {
    if (atLeastShare(counts.mastered, total)) level = "mastered";
    else if (atLeastShare(counts.mastered + counts.proficient, total)) level = "proficient";
    else level = "familiar";
  }
  return { level, counts, total };
}

/**
 * `aggregateMastery` for each group (topic or module) of fact ids, reading levels from
 * `levels`; a fact missing from `levels` counts as not started.
 */
export function groupMastery(
  groups: ReadonlyMap<string, readonly string[]>,
  levels: ReadonlyMap<string, MasteryLevel>,
): Map<string, AggregateMastery> {
  const result = new Map<string, AggregateMastery>();
  for (const [group, factIds] of groups) {
    result.set(group, aggregateMastery(factIds.map((id) => levels.get(id) ?? "not-started")));
  }
  return result;
}

/** What is known of one fact for one learner: its memory state (null if never answered) and its latest answers. */
export type FactHistory = {
  factId: string;
  card: CardState | null;
  /** Correctness of the latest answers, most recent last. */
  recent: readonly boolean[];
};

/**
 * The mastery map for the quiz builder's adaptive mode: for each fact answered at least once,
 * its strength (as `factMastery`) and whether it is due by `dueBy` (default `now`; pass the end
 * of the learner's day for "due today"). Facts never answered are left out, so the builder
 * weighs them as unseen. A fact listed twice keeps its first entry.
 */
export function toQuizMastery({
  facts,
  now,
  dueBy = now,
}: {
  facts: readonly FactHistory[];
  now: Date;
  dueBy?: Date;
}): Map<string, FactMastery> {
  const map = new Map<string, FactMastery>();
  for (const fact of facts) {
    if (map.has(fact.factId) || !isSeen(fact.card)) continue;
    const { strength } = factMastery({ card: fact.card, recent: fact.recent, now });
    map.set(fact.factId, { strength, due: isDue(fact.card, dueBy) });
  }
  return map;
}
