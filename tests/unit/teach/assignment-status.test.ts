import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { GRACE_PERIOD_MS } from "@/domain/attempt/timing";
import {
  assignmentStatus,
  attemptDeadline,
  attemptsLeft,
  canSeeFeedback,
  canStartAttempt,
  shouldResume,
  type AssignmentStatus,
  type AttemptState,
} from "@/domain/teach";

const opensAt = new Date("2026-12-01T08:00:00Z");
const dueAt = new Date("2026-12-08T17:00:00Z");
const MS = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 };
const at = (base: Date, offset: number) => new Date(base.getTime() + offset);

const finished = (when: Date | null) => ({ state: "finished" as const, finishedAt: when });
const inProgress = { state: "in_progress" as const, finishedAt: null };

describe("assignmentStatus", () => {
  test.each<[string, Date, { state: AttemptState; finishedAt: Date | null }[], AssignmentStatus]>([
    ["before it opens", at(opensAt, -1), [], "not-open"],
    ["the instant it opens", opensAt, [], "to-do"],
    ["while open", at(dueAt, -MS.hour), [], "to-do"],
    ["one millisecond before due", at(dueAt, -1), [], "to-do"],
    ["at the due instant, nothing finished", dueAt, [], "missed"],
    ["after due, nothing finished", at(dueAt, MS.day), [], "missed"],
    ["an attempt under way", at(opensAt, MS.hour), [inProgress], "in-progress"],
    [
      "an attempt still stored as in progress after due (not yet closed by the server)",
      at(dueAt, MS.day),
      [inProgress],
      "in-progress",
    ],
    ["finished well before due", at(dueAt, MS.day), [finished(at(opensAt, MS.hour))], "done"],
    ["finished exactly at due (an attempt closed at its deadline)", at(dueAt, MS.day), [finished(dueAt)], "done"],
    ["finished one millisecond after due", at(dueAt, MS.day), [finished(at(dueAt, 1))], "late"],
    [
      "finished after due, while the clock is still before due (clock skew): the finish time decides",
      at(dueAt, -1),
      [finished(at(dueAt, MS.minute))],
      "late",
    ],
    [
      "done, then a later attempt in progress: stays done",
      at(dueAt, -MS.hour),
      [finished(at(opensAt, MS.hour)), inProgress],
      "done",
    ],
    [
      "late first, then on time (a due date moved later): done",
      at(dueAt, MS.day),
      [finished(at(dueAt, MS.hour)), finished(at(dueAt, -MS.hour))],
      "done",
    ],
    ["only late attempts", at(dueAt, MS.day), [finished(at(dueAt, MS.hour)), finished(at(dueAt, 2 * MS.hour))], "late"],
    ["a finished attempt without a time counts as on time", at(dueAt, MS.day), [finished(null)], "done"],
    [
      "finished attempts win over the calendar even before opensAt (an open date moved later)",
      at(opensAt, -MS.day),
      [finished(at(opensAt, -2 * MS.day))],
      "done",
    ],
  ])("%s → %s", (_label, now, attempts, expected) => {
    expect(assignmentStatus({ opensAt, dueAt, now, attempts })).toBe(expected);
  });

  const attemptArb = fc.oneof(
    fc.constant(inProgress),
    fc
      .option(fc.integer({ min: -20 * MS.day, max: 20 * MS.day }))
      .map((offset) => finished(offset === null ? null : at(dueAt, offset))),
  );
  const nowArb = fc.integer({ min: -30 * MS.day, max: 30 * MS.day }).map((offset) => at(dueAt, offset));

  prop.prop([nowArb, fc.array(attemptArb, { maxLength: 5 })])(
    "the calendar rules hold for any attempts and clock",
    (now, attempts) => {
      const status = assignmentStatus({ opensAt, dueAt, now, attempts });
      if (status === "not-open") expect(now.getTime()).toBeLessThan(opensAt.getTime());
      if (status === "missed") expect(now.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
      if (status === "missed" || status === "to-do" || status === "not-open") expect(attempts).toEqual([]);
      const anyFinished = attempts.some((a) => a.state === "finished");
      expect(status === "done" || status === "late").toBe(anyFinished);
      // Order of attempts never matters.
      expect(assignmentStatus({ opensAt, dueAt, now, attempts: [...attempts].reverse() })).toBe(status);
    },
  );

  prop.prop([nowArb, nowArb, fc.array(attemptArb, { maxLength: 5 })])(
    "once done, always done, whatever the clock or later attempts",
    (now, later, attempts) => {
      const withDone = [finished(at(dueAt, -MS.minute)), ...attempts];
      expect(assignmentStatus({ opensAt, dueAt, now, attempts: withDone })).toBe("done");
      expect(assignmentStatus({ opensAt, dueAt, now: later, attempts: [...withDone, inProgress] })).toBe("done");
    },
  );
});

describe("canStartAttempt", () => {
  const settings = { opensAt, dueAt, maxAttempts: 3 as number | null };
  test.each<
    [
      string,
      Partial<{ now: Date; attemptsUsed: number; hasInProgress: boolean; maxAttempts: number | null }>,
      ReturnType<typeof canStartAttempt>,
    ]
  >([
    ["open, no attempt yet", {}, { ok: true }],
    ["the instant it opens", { now: opensAt }, { ok: true }],
    ["one millisecond before it opens", { now: at(opensAt, -1) }, { ok: false, reason: "notOpen" }],
    ["one millisecond before due", { now: at(dueAt, -1) }, { ok: true }],
    ["at the due instant", { now: dueAt }, { ok: false, reason: "closed" }],
    ["after due", { now: at(dueAt, MS.day) }, { ok: false, reason: "closed" }],
    ["2 of 3 used", { attemptsUsed: 2 }, { ok: true }],
    ["3 of 3 used", { attemptsUsed: 3 }, { ok: false, reason: "noAttemptsLeft" }],
    ["more used than allowed (the limit was lowered)", { attemptsUsed: 5 }, { ok: false, reason: "noAttemptsLeft" }],
    ["1 of 1 used", { attemptsUsed: 1, maxAttempts: 1 }, { ok: false, reason: "noAttemptsLeft" }],
    ["unlimited, 100 used", { attemptsUsed: 100, maxAttempts: null }, { ok: true }],
    ["an attempt in progress: resume it instead", { hasInProgress: true }, { ok: false, reason: "inProgress" }],
    [
      "in progress comes before every other reason",
      { hasInProgress: true, now: at(dueAt, MS.day), attemptsUsed: 3 },
      { ok: false, reason: "inProgress" },
    ],
    [
      "not open comes before no attempts left",
      { now: at(opensAt, -1), attemptsUsed: 3 },
      { ok: false, reason: "notOpen" },
    ],
    ["closed comes before no attempts left", { now: dueAt, attemptsUsed: 3 }, { ok: false, reason: "closed" }],
  ])("%s", (_label, change, expected) => {
    const {
      now = at(opensAt, MS.hour),
      attemptsUsed = 0,
      hasInProgress = false,
      maxAttempts = settings.maxAttempts,
    } = change;
    expect(canStartAttempt({ settings: { ...settings, maxAttempts }, attemptsUsed, hasInProgress, now })).toEqual(
      expected,
    );
  });

  prop.prop([
    fc.integer({ min: -10 * MS.day, max: 20 * MS.day }),
    fc.integer({ min: 0, max: 12 }),
    fc.option(fc.integer({ min: 1, max: 10 })),
    fc.boolean(),
  ])(
    "ok only inside [opensAt, dueAt), with attempts left and nothing in progress",
    (offset, attemptsUsed, maxAttempts, hasInProgress) => {
      const now = at(opensAt, offset);
      const result = canStartAttempt({ settings: { opensAt, dueAt, maxAttempts }, attemptsUsed, hasInProgress, now });
      const expected =
        !hasInProgress && now >= opensAt && now < dueAt && (maxAttempts === null || attemptsUsed < maxAttempts);
      expect(result.ok).toBe(expected);
      expect(result.ok).toBe(
        !hasInProgress && (attemptsLeft(maxAttempts, attemptsUsed) ?? 1) > 0 && now >= opensAt && now < dueAt,
      );
    },
  );
});

describe("attemptsLeft", () => {
  test.each([
    [3, 0, 3],
    [3, 2, 1],
    [3, 3, 0],
    [3, 7, 0],
    [null, 50, null],
  ])("max %s, used %i → %s", (max, used, left) => {
    expect(attemptsLeft(max, used)).toBe(left);
  });
});

describe("shouldResume", () => {
  const deadlineAt = at(dueAt, -MS.hour);
  test.each<[string, { state: AttemptState; deadlineAt: Date | null } | null, Date, boolean]>([
    ["no attempt", null, opensAt, false],
    ["in progress, before its deadline", { state: "in_progress", deadlineAt }, at(deadlineAt, -MS.minute), true],
    [
      "in progress, inside the grace period",
      { state: "in_progress", deadlineAt },
      at(deadlineAt, GRACE_PERIOD_MS),
      true,
    ],
    [
      "in progress, past deadline and grace: the server closes it instead",
      { state: "in_progress", deadlineAt },
      at(deadlineAt, GRACE_PERIOD_MS + 1),
      false,
    ],
    [
      "in progress without a deadline, even after due (settings of an older version)",
      { state: "in_progress", deadlineAt: null },
      at(dueAt, MS.day),
      true,
    ],
    [
      "its own deadline counts, not today's due date (due moved earlier since)",
      { state: "in_progress", deadlineAt: at(dueAt, MS.day) },
      at(dueAt, MS.hour),
      true,
    ],
    ["finished", { state: "finished", deadlineAt }, at(deadlineAt, -MS.minute), false],
  ])("%s → %s", (_label, attempt, now, expected) => {
    expect(shouldResume({ attempt, now })).toBe(expected);
  });
});

describe("attemptDeadline", () => {
  const startedAt = at(dueAt, -2 * MS.hour);
  test.each<[string, number | null, Date | null, Date | null]>([
    ["the time limit ends first", 30, dueAt, at(startedAt, 30 * MS.minute)],
    ["the due date ends first", 180, dueAt, dueAt],
    ["the two coincide", 120, dueAt, dueAt],
    ["no time limit: the due date", null, dueAt, dueAt],
    ["no due date: the time limit", 45, null, at(startedAt, 45 * MS.minute)],
    ["neither", null, null, null],
  ])("%s", (_label, timeLimitMinutes, due, expected) => {
    expect(attemptDeadline({ startedAt, timeLimitMinutes, dueAt: due })).toEqual(expected);
  });

  prop.prop([fc.integer({ min: -5 * MS.day, max: 0 }), fc.option(fc.integer({ min: 1, max: 180 }))])(
    "never after the due date nor after start + limit, and equal to one of them",
    (offset, limit) => {
      const started = at(dueAt, offset);
      const deadline = attemptDeadline({ startedAt: started, timeLimitMinutes: limit, dueAt })!;
      expect(deadline.getTime()).toBeLessThanOrEqual(dueAt.getTime());
      if (limit !== null) expect(deadline.getTime()).toBeLessThanOrEqual(started.getTime() + limit * MS.minute);
      expect([dueAt.getTime(), limit === null ? NaN : started.getTime() + limit * MS.minute]).toContain(
        deadline.getTime(),
      );
    },
  );
});

describe("canSeeFeedback", () => {
  test.each<[string, "immediately" | "after-due", Date, boolean, boolean]>([
    ["immediately, once finished", "immediately", at(dueAt, -MS.day), true, true],
    ["immediately, but the attempt is not finished", "immediately", at(dueAt, -MS.day), false, false],
    ["after due, before due", "after-due", at(dueAt, -MS.minute), true, false],
    ["after due, at due: attempts may still be taking answers in their grace period", "after-due", dueAt, true, false],
    ["after due, at the end of the grace period", "after-due", at(dueAt, GRACE_PERIOD_MS), true, false],
    ["after due, just past the grace period", "after-due", at(dueAt, GRACE_PERIOD_MS + 1), true, true],
    ["after due, never for an unfinished attempt", "after-due", at(dueAt, MS.day), false, false],
  ])("%s", (_label, feedback, now, attemptFinished, expected) => {
    expect(canSeeFeedback({ feedback, dueAt, now, attemptFinished })).toBe(expected);
  });
});
