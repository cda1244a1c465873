// Issue 8, "Faults": the database goes away under load and comes back. Runs on a PostgreSQL of
// its own (the run's shared one must stay up), through the app's real connection code:
// server/db/client.ts builds its pool (server/db/pool.ts) and Prisma client from DATABASE_URL.
import { readFile, chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { answerKey, type Answer } from "@/domain/quiz";
import type { FrozenQuestions } from "@/domain/attempt/frozen";
import type { Viewer } from "@/server/auth/viewer";
import { loadContentDir } from "@/server/content/load";
import { syncContent } from "@/server/content/sync";
import { saveAnswer, startAttempt } from "@/server/data/attempts";
import { disconnectDb, getDb } from "@/server/db/client";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/server/db/embedded";
import { DB_TIMEOUTS } from "@/server/db/pool";
import { createMigratedDatabase, freePort } from "../support/test-database";

/** Far above what a failure should take (about DB_TIMEOUTS.connectMs at worst), so a busy machine does not fail it. */
const FAIL_FAST_BOUND_MS = 10_000;
/** How long the app may take to work again once PostgreSQL accepts connections. */
const RECOVERY_BOUND_MS = 15_000;
const WRITERS = 4;

let dataDir: string;
let port: number;
let server: EmbeddedServer;
let learner: Viewer;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The error's class, Prisma code and last line, for the figures in docs/decisions/0009. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return `${error.constructor.name}${typeof code === "string" ? ` ${code}` : ""}: ${error.message.split("\n").filter(Boolean).at(-1)}`;
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function restartServer(): Promise<number> {
  const started = performance.now();
  server = await startEmbeddedPostgres({ dataDir, port });
  return performance.now() - started;
}

/** Polls `probe` until it succeeds, for at most `boundMs`; returns how long that took. */
async function timeUntil(probe: () => Promise<boolean>, boundMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < boundMs) {
    if (await probe().catch(() => false)) return performance.now() - started;
    await sleep(50);
  }
  throw new Error(`not recovered within ${boundMs} ms`);
}

/** Whatever reaches the process's last-resort handlers: none may, or the server would die. */
function watchForCrashes() {
  const crashes: unknown[] = [];
  const record = (error: unknown) => crashes.push(error);
  process.on("uncaughtException", record);
  process.on("unhandledRejection", record);
  return {
    crashes,
    stop: () => {
      process.off("uncaughtException", record);
      process.off("unhandledRejection", record);
    },
  };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "entente-faults-"));
  await chmod(dataDir, 0o755);
  port = await freePort();
  server = await startEmbeddedPostgres({ dataDir, port });
  const url = await createMigratedDatabase({ urlFor: server.url, stop: () => server.stop() }, "entente_faults");

  await disconnectDb();
  process.env.DATABASE_URL = url;
  const content = await loadContentDir("content");
  if (!content.ok) throw new Error("invalid content");
  await syncContent(getDb(), content.modules);
  await getDb().user.create({ data: { id: "aiko", name: "Aiko", email: "aiko@example.org" } });
  learner = { id: "aiko", name: "Aiko", email: "aiko@example.org", role: "learner" };
}, 120_000);

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = inject("databaseUrl");
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

type Slot = { attemptId: string; position: number; answer: Answer };
type Phase = "before" | "stopping" | "down" | "restarting" | "up";
type Outcome = { slot: Slot; phase: Phase; ok: boolean; startedAt: number; endedAt: number; error?: string };

/** One autosave per question of several attempts: each acknowledged save must survive. */
async function autosaveSlots(attempts: number): Promise<Slot[]> {
  const content = await loadContentDir("content");
  if (!content.ok) throw new Error("invalid content");
  const topics = content.modules[0]!.topics.map((topic) => topic.id);
  const slots: Slot[] = [];
  for (let i = 0; i < attempts; i += 1) {
    const { id } = await startAttempt(learner, {
      module: "nato-japan",
      topics,
      size: 40,
      types: ["single-choice", "multiple-choice", "true-false", "year-answer", "cloze", "matching", "ordering"],
      timeLimitMinutes: null,
    });
    const row = await getDb().attempt.findUniqueOrThrow({ where: { id }, select: { questions: true } });
    const questions = (row.questions as unknown as FrozenQuestions).fr;
    questions.forEach((question, position) => slots.push({ attemptId: id, position, answer: answerKey(question) }));
  }
  return slots;
}

describe("PostgreSQL restarts while learners are autosaving", () => {
  test("the process survives, saves fail fast during the outage, every acknowledged save is kept, and saving works again within seconds", async () => {
    const slots = await autosaveSlots(60);
    const watch = watchForCrashes();
    const outcomes: Outcome[] = [];
    let phase: Phase = "before";
    let next = 0;
    let stopping = false;

    // Browsers saving answers: each takes the next question; after a failure it waits a
    // little before the next save, as the player's retry queue does.
    const writer = async () => {
      while (!stopping && next < slots.length) {
        const slot = slots[next++]!;
        const startedAt = performance.now();
        const startPhase = phase;
        try {
          await saveAnswer(learner, {
            attemptId: slot.attemptId,
            position: slot.position,
            answer: slot.answer,
            locale: "fr",
          });
          outcomes.push({ slot, phase: startPhase, ok: true, startedAt, endedAt: performance.now() });
        } catch (error) {
          outcomes.push({
            slot,
            phase: startPhase,
            ok: false,
            startedAt,
            endedAt: performance.now(),
            error: describeError(error),
          });
          await sleep(100);
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, writer);

    try {
      await timeUntil(async () => outcomes.filter((o) => o.ok).length >= 100, 20_000);
      phase = "stopping";
      const stopStarted = performance.now();
      await server.stop();
      const stopMs = performance.now() - stopStarted;
      phase = "down";
      await sleep(2_000);
      phase = "restarting";
      const restartMs = await restartServer();
      phase = "up";
      const upAt = performance.now();
      // Recovered: a save that began after the restart went through.
      await timeUntil(async () => outcomes.some((o) => o.phase === "up" && o.ok), RECOVERY_BOUND_MS);
      const firstSuccess = Math.min(...outcomes.filter((o) => o.phase === "up" && o.ok).map((o) => o.endedAt));
      stopping = true;
      await Promise.all(writers);

      const acknowledgedBeforeStop = outcomes.filter((o) => o.ok && o.phase === "before");
      const outageFailures = outcomes.filter((o) => !o.ok && o.phase === "down");
      const failureMs = outageFailures.map((o) => o.endedAt - o.startedAt);
      expect(acknowledgedBeforeStop.length).toBeGreaterThanOrEqual(100);
      expect(outageFailures.length).toBeGreaterThan(0);
      expect(Math.max(...failureMs)).toBeLessThan(FAIL_FAST_BOUND_MS);

      // Every acknowledged save, before, during and after the restart, is in the database.
      const acknowledged = outcomes.filter((o) => o.ok);
      const stored = await getDb().response.findMany({
        where: { attemptId: { in: [...new Set(slots.map((slot) => slot.attemptId))] } },
        select: { attemptId: true, position: true, answer: true },
      });
      const byKey = new Map(stored.map((row) => [`${row.attemptId}/${row.position}`, row.answer]));
      const missing = acknowledged.filter(
        (o) => !isDeepStrictEqual(byKey.get(`${o.slot.attemptId}/${o.slot.position}`), o.slot.answer),
      );
      expect(missing).toEqual([]);
      expect(watch.crashes).toEqual([]);

      console.info(
        [
          `[faults] ${WRITERS} writers, ${acknowledged.length} saves acknowledged (${acknowledgedBeforeStop.length} before the stop), ${stored.length} rows after the restart`,
          `[faults] stop took ${stopMs.toFixed(0)} ms, restart ${restartMs.toFixed(0)} ms`,
          `[faults] ${outageFailures.length} saves failed during the outage: median ${median(failureMs).toFixed(1)} ms, max ${Math.max(...failureMs).toFixed(1)} ms; errors: ${[...new Set(outageFailures.map((o) => o.error))].join(" | ")}`,
          `[faults] first save after the restart acknowledged ${(firstSuccess - upAt).toFixed(0)} ms after PostgreSQL accepted connections`,
        ].join("\n"),
      );
    } finally {
      stopping = true;
      await Promise.allSettled(writers);
      watch.stop();
    }
  }, 120_000);
});

describe("GET /api/health during an outage", () => {
  afterEach(async () => {
    // However a test ended, leave a running server behind for the next one and for afterAll.
    if (!(await health().then((response) => response.ok))) await restartServer().catch(() => undefined);
  });

  test("answers 503 quickly while PostgreSQL is stopped, and 200 again once it is back", async () => {
    const watch = watchForCrashes();
    try {
      expect((await health()).status).toBe(200);
      await server.stop();

      const timings: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const started = performance.now();
        const response = await health();
        timings.push(performance.now() - started);
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({ status: "degraded", database: "unreachable" });
      }
      expect(Math.max(...timings)).toBeLessThan(FAIL_FAST_BOUND_MS);

      await restartServer();
      const recoveryMs = await timeUntil(async () => (await health()).status === 200, RECOVERY_BOUND_MS);
      expect(watch.crashes).toEqual([]);
      console.info(
        `[faults] health while stopped: 503 in ${timings.map((ms) => ms.toFixed(1)).join(", ")} ms; 200 again ${recoveryMs.toFixed(0)} ms after the restart`,
      );
    } finally {
      watch.stop();
    }
  }, 60_000);
});

describe("a PostgreSQL that accepts connections but never answers (frozen host)", () => {
  test("saves and reads give up after about 2 s instead of hanging, and work again once the server resumes", async () => {
    const pid = Number((await readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
    expect(Number.isInteger(pid) && pid > 0).toBe(true);
    const slots = await autosaveSlots(1);
    // A fresh pool: every save needs a new connection, which the frozen postmaster never completes.
    await disconnectDb();
    const watch = watchForCrashes();
    process.kill(pid, "SIGSTOP");
    const timings: number[] = [];
    const readTimings: number[] = [];
    const errors = new Set<string>();
    try {
      for (const slot of slots.slice(0, 3)) {
        const started = performance.now();
        const error = await saveAnswer(learner, {
          attemptId: slot.attemptId,
          position: slot.position,
          answer: slot.answer,
          locale: "fr",
        }).then(
          () => null,
          (e: unknown) => e,
        );
        timings.push(performance.now() - started);
        expect(error).toBeInstanceOf(Error);
        errors.add(describeError(error));
      }
      // A read outside a transaction waits on the pool's own connect timeout.
      for (let i = 0; i < 2; i += 1) {
        const started = performance.now();
        const error = await getDb()
          .response.count()
          .then(
            () => null,
            (e: unknown) => e,
          );
        readTimings.push(performance.now() - started);
        expect(error).toBeInstanceOf(Error);
        errors.add(describeError(error));
      }
    } finally {
      process.kill(pid, "SIGCONT");
    }
    expect(Math.min(...timings, ...readTimings)).toBeGreaterThanOrEqual(DB_TIMEOUTS.connectMs * 0.9);
    expect(Math.max(...timings, ...readTimings)).toBeLessThan(FAIL_FAST_BOUND_MS);

    const slot = slots[3]!;
    const recoveryMs = await timeUntil(
      async () =>
        Boolean(
          await saveAnswer(learner, {
            attemptId: slot.attemptId,
            position: slot.position,
            answer: slot.answer,
            locale: "fr",
          }),
        ),
      RECOVERY_BOUND_MS,
    );
    watch.stop();
    expect(watch.crashes).toEqual([]);
    console.info(
      `[faults] frozen postmaster: saves failed after ${timings.map((ms) => ms.toFixed(0)).join(", ")} ms, reads after ${readTimings.map((ms) => ms.toFixed(0)).join(", ")} ms (${[...errors].join(" | ")}); a save succeeded ${recoveryMs.toFixed(0)} ms after SIGCONT`,
    );
  }, 60_000);
});
