import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { answerKey, type Question } from "@/domain/quiz";
import type { FrozenQuestions } from "@/domain/attempt/frozen";
import { loadContentDir } from "@/server/content/load";
import { syncContent } from "@/server/content/sync";
import { getAttemptForPlayer, getAttemptResults, saveAnswer, startAttempt, submitAttempt, type StartAttemptInput } from "@/server/data/attempts";
import type { Viewer } from "@/server/auth/viewer";
import { disconnectDb, getDb } from "@/server/db/client";
import { countQueries } from "../support/query-counter";
import { createViewer, syncRealContent } from "../support/world";
import { AppError } from "@/server/errors";

const ALL_TYPES = ["single-choice", "multiple-choice", "true-false", "year-answer", "cloze", "matching", "ordering"] as const;

let aiko: Viewer;
let ben: Viewer;
let topics: string[];

beforeEach(async () => {
  ({ topics } = await syncRealContent());
  aiko = await createViewer("aiko");
  ben = await createViewer("ben");
});

afterAll(async () => {
  await disconnectDb();
});

const practice = (overrides: Partial<StartAttemptInput> = {}): StartAttemptInput => ({
  module: "nato-japan",
  topics,
  size: 12,
  types: [...ALL_TYPES],
  timeLimitMinutes: null,
  ...overrides,
});

async function frozen(attemptId: string): Promise<FrozenQuestions> {
  const row = await getDb().attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { questions: true } });
  return row.questions as unknown as FrozenQuestions;
}

async function expectAppError(promise: Promise<unknown>, code: string, messageKey?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code, ...(messageKey ? { messageKey } : {}) });
}

describe("starting an attempt", () => {
  test("freezes the questions in both languages, and the player view carries no key", async () => {
    const { id } = await startAttempt(aiko, practice());
    const questions = await frozen(id);
    expect(questions.fr).toHaveLength(12);
    expect(questions.en.map((q) => q.factIds)).toEqual(questions.fr.map((q) => q.factIds));

    for (const locale of ["fr", "en"] as const) {
      const view = await getAttemptForPlayer(aiko, id, locale);
      expect(view.questions).toHaveLength(12);
      const payload = JSON.stringify(view);
      // No key, no explanation, no option values, no fact ids: nothing that tells the answer.
      for (const field of ['"key"', '"explanation"', '"value"', '"factIds"', '"accepted"']) expect(payload).not.toContain(field);
    }
  });

  test.each([
    [{ module: "no-such-module" }, "NOT_FOUND", "moduleNotFound"],
    [{ topics: ["no-such-topic"] }, "INVALID", "unknownTopic"],
  ])("refuses %o and writes nothing", async (overrides, code, key) => {
    await expectAppError(startAttempt(aiko, practice(overrides)), code, key);
    expect(await getDb().attempt.count()).toBe(0);
  });
});

describe("saving answers", () => {
  test("each answer is saved, replaces the previous one, and is there when the attempt is reopened", async () => {
    const { id } = await startAttempt(aiko, practice());
    const questions = (await frozen(id)).fr;
    const first = answerKey(questions[0]!);
    const second = answerKey(questions[1]!);
    await saveAnswer(aiko, { attemptId: id, position: 0, answer: first, locale: "fr" });
    await saveAnswer(aiko, { attemptId: id, position: 1, answer: second, locale: "en" });
    await saveAnswer(aiko, { attemptId: id, position: 0, answer: first, locale: "fr" });

    const reopened = await getAttemptForPlayer(aiko, id, "en");
    expect(reopened.answers.slice(0, 3)).toEqual([first, second, null]);
    expect(await getDb().response.count({ where: { attemptId: id } })).toBe(2);
  });

  test("an autosave is two statements (a read of the question, one conditional write), the quiz page and the results page one each", async () => {
    const queries = await countQueries();
    const { id } = await startAttempt(aiko, practice({ size: 4, types: ["true-false"] }));
    const [question] = (await frozen(id)).fr;
    queries.reset();
    await saveAnswer(aiko, { attemptId: id, position: 0, answer: answerKey(question!), locale: "fr" });
    expect(queries.count).toBe(2);
    expect(await getDb().response.count({ where: { attemptId: id } })).toBe(1);

    // And the quiz page reads the attempt, its module and its saved answers in one.
    queries.reset();
    const player = await getAttemptForPlayer(aiko, id, "en");
    expect(queries.count).toBe(1);
    expect(player.answers).toEqual([answerKey(question!), null, null, null]);

    // The results page too, once the attempt is finished.
    await submitAttempt(aiko, id);
    queries.reset();
    const results = await getAttemptResults(aiko, id, "fr");
    expect(queries.count).toBe(1);
    expect(results!.questions[0]).toMatchObject({ correct: true, score: 1, section: expect.objectContaining({ id: expect.any(String) }) });
  });

  test("another learner's attempt, an unknown id and a malformed id all look missing", async () => {
    const { id } = await startAttempt(aiko, practice());
    const answer = answerKey((await frozen(id)).fr[0]!);
    await expectAppError(getAttemptForPlayer(ben, id, "fr"), "NOT_FOUND", "attemptNotFound");
    await expectAppError(saveAnswer(ben, { attemptId: id, position: 0, answer, locale: "fr" }), "NOT_FOUND");
    await expectAppError(submitAttempt(ben, id), "NOT_FOUND");
    await expectAppError(getAttemptForPlayer(aiko, "6f1c0e0a-0000-4000-8000-000000000000", "fr"), "NOT_FOUND");
    await expectAppError(getAttemptForPlayer(aiko, "../../etc/passwd", "fr"), "NOT_FOUND");
    expect(await getDb().response.count()).toBe(0);
    expect((await getDb().attempt.findUniqueOrThrow({ where: { id } })).state).toBe("in_progress");
  });

  test("an option that is not in the question, or a question number out of range, is refused and nothing is written", async () => {
    const { id } = await startAttempt(aiko, practice({ types: ["single-choice"], size: 3 }));
    await expectAppError(
      saveAnswer(aiko, { attemptId: id, position: 0, answer: { type: "single-choice", optionId: "o99" }, locale: "fr" }),
      "INVALID",
      "answerDoesNotFit",
    );
    await expectAppError(
      saveAnswer(aiko, { attemptId: id, position: 0, answer: { type: "true-false", value: true }, locale: "fr" }),
      "INVALID",
      "answerDoesNotFit",
    );
    await expectAppError(
      saveAnswer(aiko, { attemptId: id, position: 3, answer: { type: "single-choice", optionId: "o1" }, locale: "fr" }),
      "INVALID",
      "questionOutOfRange",
    );
    expect(await getDb().response.count()).toBe(0);
  });

  test("an answer to a finished attempt is refused with CONFLICT", async () => {
    const { id } = await startAttempt(aiko, practice());
    await submitAttempt(aiko, id);
    const answer = answerKey((await frozen(id)).fr[0]!);
    await expectAppError(saveAnswer(aiko, { attemptId: id, position: 0, answer, locale: "fr" }), "CONFLICT", "attemptFinished");
  });

  test("past the time limit plus grace, the server closes the attempt, whatever the browser thinks", async () => {
    const startedAt = new Date("2026-11-24T10:00:00Z");
    const { id } = await startAttempt(aiko, practice({ timeLimitMinutes: 5 }), startedAt);
    const questions = (await frozen(id)).fr;
    await saveAnswer(aiko, { attemptId: id, position: 0, answer: answerKey(questions[0]!), locale: "fr" }, new Date("2026-11-24T10:04:00Z"));
    // Inside the grace period: still accepted.
    await saveAnswer(aiko, { attemptId: id, position: 1, answer: answerKey(questions[1]!), locale: "fr" }, new Date("2026-11-24T10:05:20Z"));
    // After it: refused, and the attempt is finished with what was saved, at its deadline.
    await expectAppError(
      saveAnswer(aiko, { attemptId: id, position: 2, answer: answerKey(questions[2]!), locale: "fr" }, new Date("2026-11-24T10:06:00Z")),
      "CONFLICT",
      "deadlinePassed",
    );
    const attempt = await getDb().attempt.findUniqueOrThrow({ where: { id } });
    expect(attempt.state).toBe("finished");
    expect(attempt.finishedAt).toEqual(new Date("2026-11-24T10:05:00Z"));
    expect(attempt.points).toBe(2);
    expect(await getDb().response.count({ where: { attemptId: id } })).toBe(2);
  });

  test("an overdue attempt is closed when it is next opened", async () => {
    const { id } = await startAttempt(aiko, practice({ timeLimitMinutes: 1 }), new Date("2026-11-24T10:00:00Z"));
    const view = await getAttemptForPlayer(aiko, id, "fr", new Date("2026-11-24T11:00:00Z"));
    expect(view.state).toBe("finished");
  });
});

describe("submitting", () => {
  test("the key of every question scores full marks, and a second submit returns the stored result", async () => {
    const { id } = await startAttempt(aiko, practice({ size: 14 }));
    const questions = (await frozen(id)).fr;
    for (const [position, question] of questions.entries()) {
      await saveAnswer(aiko, { attemptId: id, position, answer: answerKey(question as Question), locale: "fr" });
    }
    const first = await submitAttempt(aiko, id);
    expect(first.score).toBe(1);
    const again = await submitAttempt(aiko, id, new Date(Date.now() + 60_000));
    expect(again).toEqual(first);
    const responses = await getDb().response.findMany({ where: { attemptId: id } });
    expect(responses.every((r) => r.correct === true && r.score === 1)).toBe(true);
  });

  test("a submit sends as many statements for 20 answered questions as for 4: grading and memory are set-based", async () => {
    const queries = await countQueries();
    const costOfSubmit = async (size: number) => {
      const { id } = await startAttempt(aiko, practice({ size, types: ["single-choice", "true-false"] }));
      for (const [position, question] of (await frozen(id)).fr.entries()) {
        await saveAnswer(aiko, { attemptId: id, position, answer: answerKey(question), locale: "fr" });
      }
      queries.reset();
      expect((await submitAttempt(aiko, id)).score).toBe(1);
      return queries.count;
    };
    const small = await costOfSubmit(4);
    const large = await costOfSubmit(20);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(11);
    expect(await getDb().response.count({ where: { correct: true, score: 1 } })).toBe(24);
  });

  test("two submits at the same moment finish the attempt once, with one grade", async () => {
    const { id } = await startAttempt(aiko, practice());
    const questions = (await frozen(id)).fr;
    await saveAnswer(aiko, { attemptId: id, position: 0, answer: answerKey(questions[0]!), locale: "fr" });
    const results = await Promise.all(Array.from({ length: 5 }, () => submitAttempt(aiko, id)));
    expect(new Set(results.map((r) => r.score)).size).toBe(1);
    expect(results[0]!.score).toBeCloseTo(1 / questions.length);
    const attempt = await getDb().attempt.findUniqueOrThrow({ where: { id } });
    expect(attempt.state).toBe("finished");
  });

  test("a content edit after the start does not change the attempt", async () => {
    const { id } = await startAttempt(aiko, practice());
    const before = await getAttemptForPlayer(aiko, id, "fr");
    const content = await loadContentDir("content");
    if (!content.ok) throw new Error("invalid content");
    const edited = {
      ...content.modules[0]!,
      facts: content.modules[0]!.facts.map((fact) => ({ ...fact, statement: { fr: `${fact.statement.fr} (révisé)`, en: fact.statement.en } })),
    };
    await syncContent(getDb(), [edited]);
    expect(await getAttemptForPlayer(aiko, id, "fr")).toEqual(before);
  });
});
