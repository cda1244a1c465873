import "server-only";
import { IdSchema, type Locale } from "@/domain/content";
import {
  aggregateMastery,
  computeStreak,
  factMastery,
  isDue,
  startOfNextLocalDay,
  resolveTimeZone,
  toQuizMastery,
  type AggregateMastery,
  type CardState,
  type FactHistory,
  type MasteryLevel,
  RECENT_WINDOW,
} from "@/domain/progress";
import type { FactMastery } from "@/domain/quiz";
import type { Viewer } from "@/server/auth/viewer";
import { getDb } from "@/server/db/client";

export type TopicProgress = { key: string; title: string; mastery: AggregateMastery };

export type Progress = {
  timeZone: string;
  /** The latest RECENT_ATTEMPTS finished attempts, oldest first (the whole list is in the history). */
  attempts: { id: string; finishedAt: Date; score: number; moduleTitle: string; questionCount: number }[];
  /** Every finished attempt at the module. */
  attemptCount: number;
  topics: TopicProgress[];
  module: AggregateMastery;
  streak: { current: number; longest: number; activeDays: number; activeToday: boolean };
  timeSpentMs: number;
  factsMastered: number;
  factsTotal: number;
  dueToday: number;
};

type FactRow = { id: string; key: string; topicKey: string };

/** Cards and the latest answers of the viewer's facts in one module: two queries. */
async function loadHistories(viewer: Viewer, moduleId: string): Promise<{ facts: FactRow[]; histories: Map<string, FactHistory> }> {
  const db = getDb();
  const facts = await db.$queryRaw<FactRow[]>`
    SELECT f.id, f.key, t.key AS "topicKey"
      FROM "Fact" f JOIN "Topic" t ON t.id = f."topicId"
     WHERE f."moduleId" = ${moduleId}::uuid AND f."retiredAt" IS NULL`;
  // The card and the last few answers of each fact, computed in SQL (window function) rather
  // than by fetching every review.
  const rows = await db.$queryRaw<(CardState & { factId: string; recent: boolean[] | null })[]>`
    SELECT c."factId", c.due, c.stability, c.difficulty, c."elapsedDays", c."scheduledDays", c."learningSteps",
           c.reps, c.lapses, c.state::text AS state, c."lastReview",
           (SELECT array_agg(r.correct ORDER BY r.review)
              FROM (SELECT correct, review FROM "ReviewLog"
                     WHERE "userId" = c."userId" AND "factId" = c."factId"
                     ORDER BY review DESC LIMIT ${RECENT_WINDOW}) r) AS recent
      FROM "FactCard" c JOIN "Fact" f ON f.id = c."factId"
     WHERE c."userId" = ${viewer.id} AND f."moduleId" = ${moduleId}::uuid`;
  const histories = new Map<string, FactHistory>();
  const keyOf = new Map(facts.map((fact) => [fact.id, fact.key]));
  for (const { factId, recent, ...card } of rows) {
    const key = keyOf.get(factId);
    if (key) histories.set(key, { factId: key, card, recent: recent ?? [] });
  }
  return { facts, histories };
}

/** Each fact's level, and the aggregate per topic and for the module (the rule of docs/decisions/0006). */
function masteryOf(facts: FactRow[], histories: Map<string, FactHistory>, now: Date) {
  const levels = new Map<string, MasteryLevel>();
  for (const fact of facts) {
    const history = histories.get(fact.key);
    levels.set(fact.key, history ? factMastery({ card: history.card, recent: history.recent, now }).level : "not-started");
  }
  const byTopic = new Map<string, MasteryLevel[]>();
  for (const fact of facts) byTopic.set(fact.topicKey, [...(byTopic.get(fact.topicKey) ?? []), levels.get(fact.key)!]);
  const topics = new Map([...byTopic].map(([key, topicLevels]) => [key, aggregateMastery(topicLevels)]));
  return { levels, topics, module: aggregateMastery([...levels.values()]) };
}

/** The viewer's mastery of a module and of each of its topics: three queries. */
export async function getModuleMastery(
  viewer: Viewer,
  moduleSlug: string,
  now = new Date(),
): Promise<{ module: AggregateMastery; topics: Map<string, AggregateMastery> } | null> {
  const row = await getDb().module.findFirst({ where: { slug: moduleSlug, retiredAt: null }, select: { id: true } });
  if (!row) return null;
  const { facts, histories } = await loadHistories(viewer, row.id);
  const { module, topics } = masteryOf(facts, histories, now);
  return { module, topics };
}

/** The mastery map the quiz builder's adaptive mode reads, for a review session. */
export async function getQuizMastery(viewer: Viewer, moduleId: string, timeZone: string, now = new Date()): Promise<Map<string, FactMastery>> {
  const { histories } = await loadHistories(viewer, moduleId);
  const zone = resolveTimeZone(timeZone).timeZone;
  return toQuizMastery({ facts: [...histories.values()], now, dueBy: startOfNextLocalDay(now, zone) });
}

/** How many of the viewer's facts in this module are due by the end of their day. */
export async function countDueToday(viewer: Viewer, moduleSlug: string, timeZone: string, now = new Date()): Promise<number> {
  if (!IdSchema.safeParse(moduleSlug).success) return 0;
  const zone = resolveTimeZone(timeZone).timeZone;
  return getDb().factCard.count({
    where: { userId: viewer.id, due: { lt: startOfNextLocalDay(now, zone) }, fact: { retiredAt: null, module: { slug: moduleSlug } } },
  });
}

/** How many recent attempts the progress page charts and lists; a trend, not an archive. */
export const RECENT_ATTEMPTS = 50;

/**
 * Everything the progress page shows for one module, in a fixed number of queries whatever the
 * learner's history (no query per attempt or per fact).
 */
export async function getProgress(viewer: Viewer, moduleSlug: string, locale: Locale, timeZone: string, now = new Date()): Promise<Progress | null> {
  if (!IdSchema.safeParse(moduleSlug).success) return null;
  const db = getDb();
  const zone = resolveTimeZone(timeZone).timeZone;
  const row = await db.module.findFirst({
    where: { slug: moduleSlug, retiredAt: null },
    select: { id: true, titleFr: true, titleEn: true, topics: { where: { retiredAt: null }, orderBy: { position: "asc" }, select: { key: true, titleFr: true, titleEn: true } } },
  });
  if (!row) return null;

  const [{ facts, histories }, attempts, activity, totals] = await Promise.all([
    loadHistories(viewer, row.id),
    db.attempt.findMany({
      where: { userId: viewer.id, state: "finished", moduleId: row.id },
      orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
      take: RECENT_ATTEMPTS,
      select: { id: true, finishedAt: true, score: true, questionCount: true },
    }),
    // Every local day boundary falls on a quarter hour in UTC, so quarter-hour buckets keep
    // the streak exact while returning at most 96 rows per active day.
    db.$queryRaw<{ bucket: Date }[]>`
      SELECT DISTINCT to_timestamp(floor(extract(epoch FROM review) / 900) * 900) AS bucket
        FROM "ReviewLog" WHERE "userId" = ${viewer.id}`,
    db.$queryRaw<{ ms: number | null; count: number }[]>`
      SELECT sum(extract(epoch FROM ("finishedAt" - "startedAt")) * 1000)::float8 AS ms,
             (count(*) FILTER (WHERE "moduleId" = ${row.id}::uuid))::int AS count
        FROM "Attempt" WHERE "userId" = ${viewer.id} AND state = 'finished'`,
  ]);

  const dueBy = startOfNextLocalDay(now, zone);
  const { levels, topics: topicMastery, module: moduleMastery } = masteryOf(facts, histories, now);
  const dueToday = [...histories.values()].filter((history) => history.card && isDue(history.card, dueBy)).length;
  const topics = row.topics.map((topic) => ({
    key: topic.key,
    title: locale === "fr" ? topic.titleFr : topic.titleEn,
    mastery: topicMastery.get(topic.key) ?? aggregateMastery([]),
  }));
  const streak = computeStreak({ activity: activity.map((row) => row.bucket), timeZone: zone, now });
  return {
    timeZone: zone,
    attempts: attempts.reverse().map((attempt) => ({
      id: attempt.id,
      finishedAt: attempt.finishedAt!,
      score: attempt.score ?? 0,
      questionCount: attempt.questionCount,
      moduleTitle: locale === "fr" ? row.titleFr : row.titleEn,
    })),
    attemptCount: totals[0]?.count ?? 0,
    topics,
    module: moduleMastery,
    streak: { current: streak.current, longest: streak.longest, activeDays: streak.activeDays, activeToday: streak.activeToday },
    timeSpentMs: totals[0]?.ms ?? 0,
    factsMastered: [...levels.values()].filter((level) => level === "mastered").length,
    factsTotal: facts.length,
    dueToday,
  };
}
