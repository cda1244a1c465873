// Issue 8, "Overdue attempts": an attempt whose browser vanished is closed by the server at its
// deadline and graded with its autosaved answers, by the periodic sweep (instrumentation.ts).
import { afterAll, afterEach, beforeEach, describe, expect, inject, test, vi } from "vitest";
import { answerKey } from "@/domain/quiz";
import type { FrozenQuestions } from "@/domain/attempt/frozen";
import { GRACE_PERIOD_MS } from "@/domain/attempt/timing";
import { FIRST_SWEEP_DELAY_MS, SWEEP_INTERVAL_MS, register, sweepOverdueAttempts } from "@/instrumentation";
import { closeAllOverdueAttempts, saveAnswer, startAttempt, type StartAttemptInput } from "@/server/data/attempts";
import type { Viewer } from "@/server/auth/viewer";
import { disconnectDb, getDb } from "@/server/db/client";
import { createViewer, syncRealContent } from "../support/world";
import { freePort } from "../support/test-database";

const T0 = new Date("2026-11-24T10:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1_000);

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

const practice = (timeLimitMinutes: number | null): StartAttemptInput => ({
  module: "nato-japan",
  topics,
  size: 10,
  types: ["single-choice", "multiple-choice", "true-false", "year-answer", "cloze", "matching", "ordering"],
  timeLimitMinutes,
});

async function frozen(attemptId: string): Promise<FrozenQuestions> {
  const row = await getDb().attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { questions: true } });
  return row.questions as unknown as FrozenQuestions;
}

/** Starts a timed attempt and autosaves the key of its first `answered` questions, then the browser vanishes. */
async function abandoned(viewer: Viewer, startedAt: Date, options: { minutes: number | null; answered: number }) {
  const { id } = await startAttempt(viewer, practice(options.minutes), startedAt);
  const questions = (await frozen(id)).fr;
  for (let position = 0; position < options.answered; position += 1) {
    const savedAt = new Date(startedAt.getTime() + (10 + position) * 1_000);
    await saveAnswer(
      viewer,
      { attemptId: id, position, answer: answerKey(questions[position]!), locale: "fr" },
      savedAt,
    );
  }
  return { id, questions };
}

/** Everything a sweep may write, to compare before and after. */
async function snapshot() {
  const db = getDb();
  return {
    attempts: await db.attempt.findMany({ orderBy: { id: "asc" } }),
    responses: await db.response.findMany({ orderBy: [{ attemptId: "asc" }, { position: "asc" }] }),
    reviewLogs: await db.reviewLog.findMany({ orderBy: { id: "asc" } }),
    cards: await db.factCard.findMany({ orderBy: [{ userId: "asc" }, { factId: "asc" }] }),
  };
}

describe("closeAllOverdueAttempts", () => {
  test("closes an abandoned attempt past its deadline and grace, graded with its saved answers, finished at the deadline", async () => {
    const { id, questions } = await abandoned(aiko, T0, { minutes: 1, answered: 3 });
    const deadline = at(60);

    const closed = await closeAllOverdueAttempts(new Date(deadline.getTime() + GRACE_PERIOD_MS + 1));

    expect(closed).toBe(1);
    const attempt = await getDb().attempt.findUniqueOrThrow({ where: { id } });
    expect(attempt).toMatchObject({ state: "finished", finishedAt: deadline, points: 3 });
    expect(attempt.score).toBeCloseTo(3 / questions.length);
    const responses = await getDb().response.findMany({ where: { attemptId: id }, orderBy: { position: "asc" } });
    expect(responses.map((response) => [response.position, response.score, response.correct])).toEqual([
      [0, 1, true],
      [1, 1, true],
      [2, 1, true],
    ]);
    // Its facts are reviewed as of the deadline: answered ones known, the others not.
    const logs = await getDb().reviewLog.findMany({
      where: { attemptId: id },
      select: { correct: true, review: true },
    });
    expect(logs).toHaveLength(questions.flatMap((question) => question.factIds).length);
    expect(logs.every((log) => log.review.getTime() === deadline.getTime())).toBe(true);
    expect(logs.filter((log) => log.correct).length).toBe(
      questions.slice(0, 3).flatMap((question) => question.factIds).length,
    );
  });

  test("leaves alone the attempts still within time or grace, and untimed ones; running it again changes nothing", async () => {
    const overdue = await abandoned(aiko, T0, { minutes: 1, answered: 2 });
    const othersOverdue = await abandoned(ben, T0, { minutes: 2, answered: 1 });
    const untimed = await abandoned(aiko, T0, { minutes: null, answered: 1 });
    const now = at(180);
    // Past its deadline by 20 s: inside the 30 s grace, the answer given at the last second may still arrive.
    const inGrace = await abandoned(ben, at(100), { minutes: 1, answered: 1 });
    // Exactly at deadline + grace: still accepted, so still open.
    const atTheLimit = await abandoned(aiko, new Date(now.getTime() - GRACE_PERIOD_MS - 60_000), {
      minutes: 1,
      answered: 0,
    });
    const running = await abandoned(ben, at(120), { minutes: 5, answered: 1 });

    expect(await closeAllOverdueAttempts(now)).toBe(2);

    const states = async () =>
      Object.fromEntries(
        (await getDb().attempt.findMany({ select: { id: true, state: true } })).map((attempt) => [
          attempt.id,
          attempt.state,
        ]),
      );
    expect(await states()).toEqual({
      [overdue.id]: "finished",
      [othersOverdue.id]: "finished",
      [untimed.id]: "in_progress",
      [inGrace.id]: "in_progress",
      [atTheLimit.id]: "in_progress",
      [running.id]: "in_progress",
    });
    const open = [untimed.id, inGrace.id, atTheLimit.id, running.id];
    expect(await getDb().reviewLog.count({ where: { attemptId: { in: open } } })).toBe(0);
    expect(await getDb().response.count({ where: { attemptId: { in: open }, score: { not: null } } })).toBe(0);

    const before = await snapshot();
    expect(await closeAllOverdueAttempts(now)).toBe(0);
    expect(await snapshot()).toEqual(before);

    // A minute later the one in grace is overdue too; the others still are not.
    expect(await closeAllOverdueAttempts(at(240))).toBe(2);
    expect(await states()).toMatchObject({
      [inGrace.id]: "finished",
      [atTheLimit.id]: "finished",
      [running.id]: "in_progress",
    });
  });

  test("sweeps running at the same time (several app instances) close each attempt once", async () => {
    const attempts = await Promise.all([
      abandoned(aiko, T0, { minutes: 1, answered: 2 }),
      abandoned(ben, T0, { minutes: 1, answered: 1 }),
      abandoned(aiko, at(5), { minutes: 2, answered: 0 }),
    ]);
    const now = at(600);

    const closed = await Promise.all(Array.from({ length: 4 }, () => closeAllOverdueAttempts(now)));

    expect(closed.reduce((sum, n) => sum + n, 0)).toBe(attempts.length);
    for (const { id, questions } of attempts) {
      expect(await getDb().reviewLog.count({ where: { attemptId: id } })).toBe(
        questions.flatMap((question) => question.factIds).length,
      );
    }
    expect(await getDb().attempt.count({ where: { state: "in_progress" } })).toBe(0);
  });
});

describe("the sweeper started by instrumentation.ts", () => {
  const SWEEPER = Symbol.for("entente.overdueSweeper");
  const savedRuntime = process.env.NEXT_RUNTIME;

  afterEach(async () => {
    const host = globalThis as typeof globalThis & { [SWEEPER]?: NodeJS.Timeout };
    clearInterval(host[SWEEPER]);
    delete host[SWEEPER];
    if (savedRuntime === undefined) delete process.env.NEXT_RUNTIME;
    else process.env.NEXT_RUNTIME = savedRuntime;
    vi.restoreAllMocks();
    await disconnectDb();
    process.env.DATABASE_URL = inject("databaseUrl");
  });

  test("starts once on the Node.js runtime, every minute, on timers that never hold the process; each tick closes overdue attempts", async () => {
    const setTimeoutSpy = vi.spyOn(globalThis, "setTimeout");
    const setIntervalSpy = vi.spyOn(globalThis, "setInterval");
    process.env.NEXT_RUNTIME = "edge";
    await register();
    expect(setIntervalSpy).not.toHaveBeenCalled();

    process.env.NEXT_RUNTIME = "nodejs";
    await register();
    await register();
    const intervals = setIntervalSpy.mock.calls.map((call, i) => ({
      call,
      timer: setIntervalSpy.mock.results[i]!.value as NodeJS.Timeout,
    }));
    const timeouts = setTimeoutSpy.mock.calls.map((call, i) => ({
      call,
      timer: setTimeoutSpy.mock.results[i]!.value as NodeJS.Timeout,
    }));
    vi.restoreAllMocks();

    expect(intervals).toHaveLength(1);
    const [tick, interval] = intervals[0]!.call;
    expect(interval).toBe(SWEEP_INTERVAL_MS);
    expect(intervals[0]!.timer.hasRef()).toBe(false);
    const first = timeouts.filter(({ call }) => call[1] === FIRST_SWEEP_DELAY_MS);
    expect(first).toHaveLength(1);
    expect(first[0]!.call[0]).toBe(tick);
    expect(first[0]!.timer.hasRef()).toBe(false);
    clearTimeout(first[0]!.timer);

    // An attempt whose one-minute limit ran out ten minutes ago, by the real clock the tick uses.
    const { id } = await abandoned(aiko, new Date(Date.now() - 11 * 60_000), { minutes: 1, answered: 1 });
    await (tick as () => Promise<void>)();
    expect(await getDb().attempt.findUniqueOrThrow({ where: { id }, select: { state: true } })).toEqual({
      state: "finished",
    });
  });

  test("a sweep during a database outage logs the error and resolves: it never throws", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await disconnectDb();
    process.env.DATABASE_URL = `postgresql://entente:secret@127.0.0.1:${await freePort()}/entente`;

    await expect(sweepOverdueAttempts()).resolves.toBe(0);
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/^\[sweeper\] could not close overdue attempts: /));
  });
});
