// Issue 8, "Concurrency": many requests for one attempt at the same moment, against the real
// PostgreSQL, through the same data functions the autosave route and the submit action call.
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, test } from "vitest";
import { answerKey } from "@/domain/quiz";
import type { FrozenQuestions } from "@/domain/attempt/frozen";
import { loadContentDir } from "@/server/content/load";
import { syncContent } from "@/server/content/sync";
import { saveAnswer, startAttempt, submitAttempt, type StartAttemptInput } from "@/server/data/attempts";
import type { Viewer } from "@/server/auth/viewer";
import { disconnectDb, getDb } from "@/server/db/client";

const SUBMITS = 50;
const AUTOSAVES = 20;

let aiko: Viewer;
let topics: string[];

async function makeViewer(id: string): Promise<Viewer> {
  await getDb().user.create({ data: { id, name: id, email: `${id}@example.org` } });
  return { id, name: id, email: `${id}@example.org`, role: "learner" };
}

beforeEach(async () => {
  const content = await loadContentDir("content");
  if (!content.ok) throw new Error("invalid content");
  await syncContent(getDb(), content.modules);
  topics = content.modules[0]!.topics.map((topic) => topic.id);
  aiko = await makeViewer("aiko");
});

afterAll(async () => {
  await disconnectDb();
});

const practice = (overrides: Partial<StartAttemptInput> = {}): StartAttemptInput => ({
  module: "nato-japan",
  topics,
  size: 12,
  types: ["single-choice", "multiple-choice", "true-false", "year-answer", "cloze", "matching", "ordering"],
  timeLimitMinutes: null,
  ...overrides,
});

async function frozen(attemptId: string): Promise<FrozenQuestions> {
  const row = await getDb().attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { questions: true } });
  return row.questions as unknown as FrozenQuestions;
}

describe(`${SUBMITS} concurrent submits of one attempt`, () => {
  test("grade it exactly once: one finished state, one score for every caller, one review per fact asked", async () => {
    const { id } = await startAttempt(aiko, practice());
    const questions = (await frozen(id)).fr;
    // Three right, the rest unanswered: a score that is neither 0 nor 1.
    for (const position of [0, 1, 2]) {
      await saveAnswer(aiko, { attemptId: id, position, answer: answerKey(questions[position]!), locale: "fr" });
    }

    // Each call gets its own clock: if any call graded the attempt a second time, finishedAt
    // and the review dates would move.
    const base = Date.now();
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: SUBMITS }, (_, i) => submitAttempt(aiko, id, new Date(base + i * 1_000))),
    );
    const elapsedMs = performance.now() - started;

    const attempt = await getDb().attempt.findUniqueOrThrow({ where: { id } });
    expect(attempt.state).toBe("finished");
    expect(attempt.points).toBe(3);
    expect(attempt.score).toBeCloseTo(3 / questions.length);
    expect(results).toHaveLength(SUBMITS);
    expect(new Set(results.map((result) => result.score))).toEqual(new Set([attempt.score]));
    expect(results.every((result) => result.id === id)).toBe(true);

    // The first submit to take the row lock graded it; its clock is the one recorded everywhere.
    const logs = await getDb().reviewLog.findMany({
      where: { attemptId: id },
      select: { review: true, fact: { select: { key: true } } },
    });
    const asked = questions.flatMap((question) => question.factIds).sort();
    expect(logs.map((log) => log.fact.key).sort()).toEqual(asked);
    expect(new Set(logs.map((log) => log.review.getTime()))).toEqual(new Set([attempt.finishedAt!.getTime()]));
    expect(await getDb().factCard.count({ where: { userId: aiko.id } })).toBe(new Set(asked).size);
    const responses = await getDb().response.findMany({ where: { attemptId: id } });
    expect(responses.every((response) => response.score !== null && response.correct !== null)).toBe(true);

    console.info(`[concurrency] ${SUBMITS} concurrent submits settled in ${elapsedMs.toFixed(0)} ms`);
  });
});

describe(`${AUTOSAVES} concurrent autosaves of one answer`, () => {
  // Records, in the order they happen, the writes to Response. Saves of one attempt hold its row
  // lock until they commit, so the next write can only happen after the previous commit: the
  // order of these writes is the commit order. Kept out of the public schema, which the schema
  // drift test compares with schema.prisma.
  const probe = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
  probe.on("error", () => undefined);

  beforeAll(async () => {
    await probe.query(`
      CREATE SCHEMA IF NOT EXISTS concurrency_probe;
      CREATE TABLE IF NOT EXISTS concurrency_probe.writes (seq bigserial PRIMARY KEY, txid bigint NOT NULL, answer jsonb NOT NULL);
      CREATE OR REPLACE FUNCTION concurrency_probe.record() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO concurrency_probe.writes (txid, answer) VALUES (txid_current(), NEW.answer);
          RETURN NEW;
        END $$;
      CREATE OR REPLACE TRIGGER concurrency_probe AFTER INSERT OR UPDATE ON public."Response"
        FOR EACH ROW EXECUTE FUNCTION concurrency_probe.record();`);
  });

  beforeEach(async () => {
    await probe.query("TRUNCATE concurrency_probe.writes");
  });

  afterAll(async () => {
    await probe.query(
      `DROP TRIGGER IF EXISTS concurrency_probe ON public."Response"; DROP SCHEMA IF EXISTS concurrency_probe CASCADE`,
    );
    await probe.end();
  });

  test("leave one row, holding the value of the save that committed last", async () => {
    const { id } = await startAttempt(aiko, practice({ types: ["year-answer"], size: 3 }));
    const values = Array.from({ length: AUTOSAVES }, (_, i) => `${1950 + i}`);

    const completed: string[] = [];
    const started = performance.now();
    await Promise.all(
      values.map((text) =>
        saveAnswer(aiko, { attemptId: id, position: 0, answer: { type: "year-answer", text }, locale: "fr" }).then(
          () => {
            completed.push(text);
          },
        ),
      ),
    );
    const elapsedMs = performance.now() - started;

    const rows = await getDb().response.findMany({ where: { attemptId: id } });
    expect(rows).toHaveLength(1);
    const stored = (rows[0]!.answer as { text: string }).text;

    const { rows: writes } = await probe.query<{ txid: string; answer: { text: string } }>(
      "SELECT txid, answer FROM concurrency_probe.writes ORDER BY seq",
    );
    // Every save wrote exactly once, each in its own transaction: none was lost or merged.
    expect(writes.map((write) => write.answer.text).sort()).toEqual([...values].sort());
    expect(new Set(writes.map((write) => write.txid)).size).toBe(AUTOSAVES);
    // Last write wins: the row holds the value written, and committed, last.
    expect(stored).toBe(writes.at(-1)!.answer.text);
    // And that is the save whose caller heard back last.
    expect(completed).toHaveLength(AUTOSAVES);
    expect(stored).toBe(completed.at(-1));
    // Not vacuous: the saves did not simply run in the order they were sent.
    const commitOrder = writes.map((write) => write.answer.text);
    console.info(
      `[concurrency] ${AUTOSAVES} concurrent autosaves settled in ${elapsedMs.toFixed(0)} ms; commit order ${
        commitOrder.join(" ") === values.join(" ") ? "matched" : "differed from"
      } send order`,
    );
  });
});
