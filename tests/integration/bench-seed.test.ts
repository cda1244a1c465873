// Issue 9: the benchmark's data set, at its small size, read back through the app's own data
// functions and auth, so that the benchmark measures the app on data the app accepts.
import { afterAll, describe, expect, inject, test } from "vitest";
import type { FrozenQuestions } from "@/domain/attempt/frozen";
import { answerKey, gradeAnswer } from "@/domain/quiz";
import { BENCH_PASSWORD, SMALL_SIZE, seedBenchData, sessionCookie, type SeededWorld } from "@/bench/seed";
import type { Viewer } from "@/server/auth/viewer";
import { createAuth } from "@/server/auth/create-auth";
import { getAttemptForPlayer, getAttemptResults, saveAnswer, submitAttempt } from "@/server/data/attempts";
import { getAssignmentAnalysis, getGradebook } from "@/server/data/gradebook";
import { getProgress } from "@/server/data/progress";
import { disconnectDb, getDb, getPool } from "@/server/db/client";
import { syncRealContent } from "../support/world";

const SECRET = "bench-seed-test-secret-long-enough-for-better-auth";
const size = SMALL_SIZE;

afterAll(async () => {
  await disconnectDb();
});

/** Tables are emptied before each test: each one syncs the content and seeds again (about a second). */
async function seed(): Promise<SeededWorld> {
  await syncRealContent();
  return seedBenchData(inject("databaseUrl"), SECRET, size);
}

async function viewer(id: string): Promise<Viewer> {
  const user = await getDb().user.findUniqueOrThrow({
    where: { id },
    select: { id: true, name: true, email: true, role: true },
  });
  return user;
}

/** Every foreign key and index of the app's tables, as PostgreSQL describes them. */
async function schemaObjects(): Promise<string[]> {
  const { rows } = await getPool().query<{ definition: string }>(`
    SELECT conname || ' ' || pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE connamespace = 'public'::regnamespace
    UNION ALL SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
    ORDER BY 1`);
  return rows.map((row) => row.definition);
}

describe("the benchmark's data set (small size)", () => {
  test("loads the planned rows and leaves every index and foreign key as the migrations made them", async () => {
    const before = await schemaObjects();
    const world = await seed();
    expect(await schemaObjects()).toEqual(before);

    const learners = size.classes * size.learnersPerClass;
    const growthLearners = size.growthClassSizes
      .filter((n) => n !== size.learnersPerClass)
      .reduce((sum, n) => sum + n, 0);
    const finished =
      (learners + growthLearners) * size.assignmentsPerClass + size.heavyAttempts.reduce((sum, n) => sum + n, 0);
    const inProgress = size.learnersPerClass * size.inProgressPerLearner;
    expect(world.counts).toMatchObject({
      User: learners + 1 + size.heavyAttempts.length,
      Account: learners + 1 + size.heavyAttempts.length,
      Class: size.classes + size.growthClassSizes.filter((n) => n !== size.learnersPerClass).length,
      Assignment:
        (size.classes + size.growthClassSizes.filter((n) => n !== size.learnersPerClass).length) *
        size.assignmentsPerClass,
      Attempt: finished + inProgress,
      Response: finished * size.questionsPerAttempt,
      Session: size.learnersPerClass + 1 + size.heavyAttempts.length,
    });
    expect(world.counts.ReviewLog).toBeGreaterThan(0);
    expect(world.counts.FactCard).toBeGreaterThan(0);
    expect(world.classes).toHaveLength(size.classes);
    expect(world.growthClasses.map((c) => c.learnerCount)).toEqual(size.growthClassSizes);
    expect(world.growthClasses[1]!.id).toBe(world.classes[0]!.id);
    expect(world.learners).toHaveLength(size.learnersPerClass);
    for (const learner of world.learners) expect(learner.inProgressAttemptIds).toHaveLength(size.inProgressPerLearner);

    // Every card agrees with its logs; every in-progress attempt is untimed and unanswered.
    const { rows } = await getPool().query<{ bad_cards: number; answered: number; timed: number }>(`
      SELECT (SELECT count(*) FROM "FactCard" c
                WHERE c.reps <> (SELECT count(*) FROM "ReviewLog" r WHERE r."userId" = c."userId" AND r."factId" = c."factId")
                   OR c."lastReview" <> (SELECT max(review) FROM "ReviewLog" r WHERE r."userId" = c."userId" AND r."factId" = c."factId"))::int AS bad_cards,
             (SELECT count(*) FROM "Response" r JOIN "Attempt" a ON a.id = r."attemptId" WHERE a.state = 'in_progress')::int AS answered,
             (SELECT count(*) FROM "Attempt" WHERE state = 'in_progress' AND "deadlineAt" IS NOT NULL)::int AS timed`);
    expect(rows[0]).toEqual({ bad_cards: 0, answered: 0, timed: 0 });
  });

  test("every stored score is the one the grader gives the stored answer, in its language", async () => {
    await seed();
    const attempts = await getDb().attempt.findMany({
      where: { state: "finished" },
      select: {
        questions: true,
        points: true,
        score: true,
        questionCount: true,
        responses: { select: { position: true, answer: true, locale: true, score: true, correct: true } },
      },
    });
    const scores = new Set<number>();
    for (const attempt of attempts) {
      const questions = attempt.questions as unknown as FrozenQuestions;
      let points = 0;
      for (const response of attempt.responses) {
        const grade = gradeAnswer(questions[response.locale as "fr" | "en"][response.position]!, response.answer);
        expect(grade).toMatchObject({ ok: true, score: response.score, correct: response.correct });
        points += grade.score;
      }
      expect(attempt.points).toBeCloseTo(points, 9);
      expect(attempt.score).toBeCloseTo(points / attempt.questionCount, 9);
      scores.add(Math.round(attempt.score! * 20));
    }
    // Scores spread out rather than all alike.
    expect(scores.size).toBeGreaterThan(8);
  });

  test("better-auth finds the session of each seeded cookie, and the shared password signs in", async () => {
    const world = await seed();
    const auth = createAuth(getDb(), { secret: SECRET, baseURL: "http://localhost:3000" });
    for (const who of [world.instructor, world.learners[0]!, world.heavyLearners.at(-1)!]) {
      const session = await auth.api.getSession({ headers: new Headers({ cookie: who.cookie }) });
      expect(session?.user).toMatchObject({ id: who.id, email: who.email });
    }
    const token = decodeURIComponent(world.instructor.cookie.split("=").slice(1).join("=")).split(".")[0]!;
    expect(sessionCookie(token, SECRET)).toBe(world.instructor.cookie);
    const forged = await auth.api.getSession({
      headers: new Headers({ cookie: sessionCookie(token, "another-secret-another-secret-another") }),
    });
    expect(forged).toBeNull();

    const signIn = await auth.api.signInEmail({ body: { email: world.learners[0]!.email, password: BENCH_PASSWORD } });
    expect(signIn.user.id).toBe(world.learners[0]!.id);
  });

  test("the gradebook and item analysis read the seeded classes", async () => {
    const world = await seed();
    const instructor = await viewer(world.instructor.id);
    const klass = world.classes[0]!;
    const gradebook = await getGradebook(instructor, klass.id);
    expect(gradebook.assignments).toHaveLength(size.assignmentsPerClass);
    expect(gradebook.rows).toHaveLength(klass.learnerCount);
    for (const row of gradebook.rows) {
      for (const assignmentId of klass.assignmentIds) {
        expect(row.cells[assignmentId]).toMatchObject({ attemptsUsed: 1, late: false, status: "done" });
        expect(row.cells[assignmentId]!.counted).not.toBeNull();
      }
    }
    expect(new Set(gradebook.rows.map((row) => row.average)).size).toBeGreaterThan(klass.learnerCount / 3);

    const big = world.growthClasses.at(-1)!;
    expect((await getGradebook(instructor, big.id)).rows).toHaveLength(big.learnerCount);

    const [same, perLearner] = klass.assignmentIds;
    const items = await getAssignmentAnalysis(instructor, same!, "fr");
    expect(items.assignment.sameQuestions).toBe(true);
    expect(items.items?.n).toBe(klass.learnerCount);
    expect(items.items?.items).toHaveLength(size.questionsPerAttempt);
    expect(items.items?.items.some((item) => item.discrimination !== null && item.discrimination > 0)).toBe(true);
    expect(items.weakestFacts.length).toBeGreaterThan(0);
    const facts = await getAssignmentAnalysis(instructor, perLearner!, "en");
    expect(facts.assignment.sameQuestions).toBe(false);
    expect(facts.facts!.length).toBeGreaterThan(size.questionsPerAttempt);
  });

  test("the heavy learner's progress covers every attempt and fact", async () => {
    const world = await seed();
    const heaviest = world.heavyLearners.at(-1)!;
    const progress = await getProgress(await viewer(heaviest.id), "nato-japan", "fr", "Europe/Paris");
    expect(progress?.attempts).toHaveLength(heaviest.attempts);
    expect(progress?.factsTotal).toBe(67);
    expect(progress!.streak.activeDays).toBeGreaterThan(1);
    expect(progress!.timeSpentMs).toBeGreaterThan(0);
    expect(progress!.module.counts["not-started"]).toBeLessThan(progress!.factsTotal);
  });

  test("an in-progress attempt opens in the player, takes answers and submits", async () => {
    const world = await seed();
    const learner = world.learners[0]!;
    const me = await viewer(learner.id);
    const attemptId = learner.inProgressAttemptIds[0]!;
    const player = await getAttemptForPlayer(me, attemptId, "fr");
    expect(player).toMatchObject({ state: "in_progress", deadlineAt: null });
    expect(player.questions).toHaveLength(size.questionsPerAttempt);
    expect(player.answers.every((answer) => answer === null)).toBe(true);

    const row = await getDb().attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { questions: true } });
    const questions = (row.questions as unknown as FrozenQuestions).fr;
    for (const [position, question] of questions.entries()) {
      await saveAnswer(me, { attemptId, position, answer: answerKey(question), locale: "fr" });
    }
    expect(await submitAttempt(me, attemptId)).toEqual({ id: attemptId, score: 1 });
    const results = await getAttemptResults(me, attemptId, "fr");
    expect(results?.questions.every((question) => question.correct)).toBe(true);
    expect(await getDb().reviewLog.count({ where: { attemptId } })).toBeGreaterThanOrEqual(size.questionsPerAttempt);
  });
});
