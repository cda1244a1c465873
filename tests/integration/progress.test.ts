import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { createEmptyCard, fsrs, Rating, type Card } from "ts-fsrs";
import { SCHEDULER_PARAMETERS } from "@/domain/progress";
import { answerKey, type Answer, type Question } from "@/domain/quiz";
import type { FrozenQuestions } from "@/domain/attempt/frozen";
import { loadContentDir } from "@/server/content/load";
import { syncContent } from "@/server/content/sync";
import { saveAnswer, startAttempt, startReview, submitAttempt } from "@/server/data/attempts";
import { RECENT_ATTEMPTS, getProgress } from "@/server/data/progress";
import type { Viewer } from "@/server/auth/viewer";
import { disconnectDb, getDb, getPool } from "@/server/db/client";

const ALL_TYPES = ["single-choice", "multiple-choice", "true-false", "year-answer", "cloze", "matching", "ordering"] as const;
let learner: Viewer;
let topics: string[];

import { countQueries } from "../support/query-counter";
beforeEach(async () => {
  const content = await loadContentDir("content");
  if (!content.ok) throw new Error("invalid content");
  await syncContent(getDb(), content.modules);
  topics = content.modules[0]!.topics.map((topic) => topic.id);
  await getDb().user.create({ data: { id: "aiko", name: "Aiko", email: "aiko@example.org" } });
  learner = { id: "aiko", name: "Aiko", email: "aiko@example.org", role: "learner" };
});

afterAll(async () => {
  await disconnectDb();
});

/** A wrong answer of the right shape, for each type. */
function wrongAnswer(question: Question): Answer {
  const key = answerKey(question);
  switch (key.type) {
    case "single-choice":
      return { type: "single-choice", optionId: (question as Extract<Question, { type: "single-choice" }>).options.find((o) => o.id !== key.optionId)!.id };
    case "true-false":
      return { type: "true-false", value: !key.value };
    case "year-answer":
      return { type: "year-answer", text: "1066" };
    case "cloze":
      return { type: "cloze", text: "zzz" };
    case "multiple-choice":
      return { type: "multiple-choice", optionIds: [] };
    case "matching":
      return { type: "matching", pairs: {} };
    case "ordering":
      return { type: "ordering", optionIds: [...key.optionIds].reverse() };
  }
}

/** Takes a quiz, answering the even positions right and the odd ones wrong, and submits at `at`. */
async function takeQuiz(at: Date): Promise<string> {
  const { id } = await startAttempt(learner, { module: "nato-japan", topics, size: 10, types: [...ALL_TYPES], timeLimitMinutes: null }, at);
  const row = await getDb().attempt.findUniqueOrThrow({ where: { id }, select: { questions: true } });
  const questions = (row.questions as unknown as FrozenQuestions).fr;
  for (const [position, question] of questions.entries()) {
    const answer = position % 2 === 0 ? answerKey(question) : wrongAnswer(question);
    await saveAnswer(learner, { attemptId: id, position, answer, locale: "fr" }, at);
  }
  await submitAttempt(learner, id, at);
  return id;
}

describe("memory states", () => {
  test("after several quizzes, each fact's card is exactly what ts-fsrs computes for its answers", async () => {
    const days = [0, 1, 4, 9].map((d) => new Date(Date.UTC(2026, 10, 1 + d, 9, 0)));
    for (const day of days) await takeQuiz(day);

    // Expected sequences, from the graded responses (not from our review log).
    const attempts = await getDb().attempt.findMany({
      where: { userId: learner.id },
      orderBy: { finishedAt: "asc" },
      select: { finishedAt: true, questions: true, responses: { select: { position: true, correct: true } } },
    });
    const sequences = new Map<string, { at: Date; correct: boolean }[]>();
    for (const attempt of attempts) {
      const correct = new Map(attempt.responses.map((r) => [r.position, r.correct === true]));
      (attempt.questions as unknown as FrozenQuestions).fr.forEach((question, position) => {
        for (const factKey of question.factIds) {
          const list = sequences.get(factKey) ?? [];
          list.push({ at: attempt.finishedAt!, correct: correct.get(position) ?? false });
          sequences.set(factKey, list);
        }
      });
    }

    const scheduler = fsrs({ ...SCHEDULER_PARAMETERS, w: [...SCHEDULER_PARAMETERS.w] });
    const cards = await getDb().factCard.findMany({ where: { userId: learner.id }, include: { fact: { select: { key: true } } } });
    expect(cards.length).toBe(sequences.size);
    for (const stored of cards) {
      const reviews = sequences.get(stored.fact.key)!;
      let card: Card = createEmptyCard(reviews[0]!.at);
      for (const review of reviews) card = scheduler.next(card, review.at, review.correct ? Rating.Good : Rating.Again).card;
      expect(stored.due).toEqual(card.due);
      expect(stored.stability).toBe(card.stability);
      expect(stored.difficulty).toBe(card.difficulty);
      expect(stored.reps).toBe(card.reps);
      expect(stored.lapses).toBe(card.lapses);
    }
    expect(await getDb().reviewLog.count({ where: { userId: learner.id } })).toBe([...sequences.values()].flat().length);
  });
});

describe("progress page data", () => {
  test("mastery levels follow the documented rule", async () => {
    const now = new Date("2026-11-24T12:00:00Z");
    const facts = await getDb().fact.findMany({ where: { topic: { key: "framework" } }, select: { id: true, key: true }, orderBy: { key: "asc" } });
    expect(facts.length).toBeGreaterThanOrEqual(5);
    // Four facts answered right three times with long stability (mastered), one answered wrong.
    const card = (factId: string, stability: number) => ({
      userId: learner.id,
      factId,
      due: new Date(now.getTime() + stability * 86_400_000),
      stability,
      difficulty: 5,
      elapsedDays: 1,
      scheduledDays: Math.round(stability),
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      state: "review" as const,
      lastReview: new Date(now.getTime() - 86_400_000),
    });
    const log = (factId: string, correct: boolean, daysAgo: number) => ({
      userId: learner.id,
      factId,
      correct,
      rating: correct ? ("good" as const) : ("again" as const),
      state: "review" as const,
      due: now,
      stability: 1,
      difficulty: 5,
      elapsedDays: 0,
      lastElapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      review: new Date(now.getTime() - daysAgo * 86_400_000),
    });
    const [f1, f2, f3, f4, f5] = facts;
    await getDb().factCard.createMany({ data: [f1!, f2!, f3!, f4!].map((f) => card(f.id, 40)).concat([card(f5!.id, 40)]) });
    await getDb().reviewLog.createMany({
      data: [
        ...[f1!, f2!, f3!, f4!].flatMap((f) => [log(f.id, true, 30), log(f.id, true, 10), log(f.id, true, 1)]),
        log(f5!.id, true, 30),
        log(f5!.id, false, 1),
      ],
    });
    const progress = (await getProgress(learner, "nato-japan", "en", "UTC", now))!;
    const framework = progress.topics.find((topic) => topic.key === "framework")!;
    expect(framework.mastery.counts.mastered).toBe(4);
    expect(framework.mastery.counts.familiar).toBe(1);
    expect(framework.mastery.counts["not-started"]).toBe(facts.length - 5);
    expect(progress.factsMastered).toBe(4);
    // A topic nobody has touched is not started.
    expect(progress.topics.find((topic) => topic.key !== "framework")!.mastery.level).toBe("not-started");
  });

  test("a day is the learner's local day: two evenings in Auckland are two days, one day in UTC", async () => {
    const fact = await getDb().fact.findFirstOrThrow({ select: { id: true } });
    const base = { userId: learner.id, factId: fact.id, correct: true, rating: "good" as const, state: "review" as const, stability: 1, difficulty: 5, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0, learningSteps: 0 };
    // 10:30 and 11:30 UTC on 23 Nov are 23:30 on the 23rd and 00:30 on the 24th in Auckland (UTC+13).
    await getDb().reviewLog.createMany({
      data: [
        { ...base, due: new Date("2026-11-23T10:30:00Z"), review: new Date("2026-11-23T10:30:00Z") },
        { ...base, due: new Date("2026-11-23T11:30:00Z"), review: new Date("2026-11-23T11:30:00Z") },
      ],
    });
    const now = new Date("2026-11-23T12:00:00Z");
    expect((await getProgress(learner, "nato-japan", "fr", "Pacific/Auckland", now))!.streak).toMatchObject({ current: 2, activeDays: 2 });
    expect((await getProgress(learner, "nato-japan", "fr", "UTC", now))!.streak).toMatchObject({ current: 1, activeDays: 1 });
  });

  test("after two quizzes a learner sees scores, mastery per topic and facts due; a review session starts from them", async () => {
    await takeQuiz(new Date("2026-11-20T09:00:00Z"));
    await takeQuiz(new Date("2026-11-21T09:00:00Z"));
    const now = new Date("2026-11-24T12:00:00Z");
    const progress = (await getProgress(learner, "nato-japan", "fr", "Europe/Paris", now))!;
    expect(progress.attempts).toHaveLength(2);
    expect(progress.attempts.every((a) => a.score > 0 && a.score < 1)).toBe(true);
    expect(progress.topics.some((topic) => topic.mastery.level !== "not-started")).toBe(true);
    expect(progress.dueToday).toBeGreaterThan(0);
    expect(progress.streak.longest).toBe(2);
    expect(progress.timeSpentMs).toBe(0);

    const { id } = await startReview(learner, "nato-japan", "Europe/Paris", now);
    const review = await getDb().attempt.findUniqueOrThrow({ where: { id }, select: { settings: true, questionCount: true, questions: true } });
    expect(review.settings).toMatchObject({ mode: "review" });
    // Facts answered wrong (and so due) come first.
    const dueFacts = new Set(
      (await getDb().factCard.findMany({ where: { userId: learner.id, due: { lte: now } }, include: { fact: { select: { key: true } } } })).map((c) => c.fact.key),
    );
    const firstFacts = (review.questions as unknown as FrozenQuestions).fr.flatMap((q) => q.factIds);
    expect(firstFacts.some((key) => dueFacts.has(key))).toBe(true);
  });

  test("the progress data takes the same number of queries for 500 attempts and 10,000 answers as for one, and charts the latest 50", async () => {
    const queries = await countQueries();
    await takeQuiz(new Date("2026-11-20T09:00:00Z"));
    const now = new Date("2026-11-24T12:00:00Z");
    queries.reset();
    await getProgress(learner, "nato-japan", "fr", "Europe/Paris", now);
    const small = queries.count;
    expect(small).toBeGreaterThan(0);

    // Bulk history in SQL: 500 finished attempts with 20 answers each, and a review per answer.
    await getPool().query(`
      INSERT INTO "Attempt" (id, "userId", "moduleId", state, settings, questions, "questionCount", "startedAt", "finishedAt", score, points)
      SELECT gen_random_uuid(), 'aiko', m.id, 'finished', '{}', '{"fr":[],"en":[]}', 20,
             now() - (g || ' hours')::interval - interval '10 minutes', now() - (g || ' hours')::interval, random(), 10
        FROM generate_series(1, 500) g, "Module" m`);
    await getPool().query(`
      INSERT INTO "Response" ("attemptId", position, answer, locale, score, correct)
      SELECT a.id, p, '{"type":"true-false","value":true}', 'fr', 1, true FROM "Attempt" a, generate_series(0, 19) p WHERE a."questionCount" = 20`);
    await getPool().query(`
      INSERT INTO "ReviewLog" (id, "userId", "factId", correct, rating, state, due, stability, difficulty, "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", review)
      SELECT gen_random_uuid(), 'aiko', f.id, random() > 0.3, 'good', 'review', now(), 3, 5, 1, 1, 3, 0, now() - (g || ' minutes')::interval
        FROM generate_series(1, 10000) g JOIN LATERAL (SELECT id FROM "Fact" ORDER BY id OFFSET (g % 60) LIMIT 1) f ON true`);
    expect(await getDb().reviewLog.count()).toBeGreaterThanOrEqual(10_000);

    queries.reset();
    const progress = await getProgress(learner, "nato-japan", "fr", "Europe/Paris", now);
    // The page charts the latest attempts, newest last, and says how many there are in all.
    expect(progress!.attempts.length).toBe(RECENT_ATTEMPTS);
    expect(progress!.attemptCount).toBe(501);
    const times = progress!.attempts.map((attempt) => attempt.finishedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(queries.count).toBe(small);
    expect(queries.count).toBeLessThanOrEqual(8);
    expect(Math.max(...times)).toBe((await getDb().attempt.findFirstOrThrow({ where: { state: "finished" }, orderBy: { finishedAt: "desc" } })).finishedAt!.getTime());
  });
});
