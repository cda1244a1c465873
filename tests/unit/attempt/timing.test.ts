import { fc, test as fcTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { GRACE_PERIOD_MS, acceptsAnswers, computeDeadline, isOverdue, timeRemainingMs } from "@/domain/attempt/timing";

const start = new Date("2026-11-24T10:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

describe("attempt timing", () => {
  test("no time limit: no deadline, always open while in progress", () => {
    expect(computeDeadline(start, null)).toBeNull();
    expect(computeDeadline(start, 0)).toBeNull();
    const attempt = { state: "in_progress" as const, deadlineAt: null };
    expect(acceptsAnswers(attempt, at(1000 * 60 * 60 * 24 * 365))).toBe(true);
    expect(timeRemainingMs(attempt, at(0))).toBeNull();
  });

  test.each([
    ["well before the deadline", -60_000, true],
    ["at the deadline", 0, true],
    ["inside the grace period", GRACE_PERIOD_MS, true],
    ["one millisecond after the grace period", GRACE_PERIOD_MS + 1, false],
  ])("%s", (_label, offsetFromDeadline, accepted) => {
    const deadlineAt = computeDeadline(start, 10)!;
    expect(deadlineAt).toEqual(at(10 * 60_000));
    const now = new Date(deadlineAt.getTime() + offsetFromDeadline);
    const attempt = { state: "in_progress" as const, deadlineAt };
    expect(acceptsAnswers(attempt, now)).toBe(accepted);
    expect(isOverdue(attempt, now)).toBe(!accepted);
  });

  test("a finished attempt never accepts answers and is never overdue", () => {
    const attempt = { state: "finished" as const, deadlineAt: null };
    expect(acceptsAnswers(attempt, at(0))).toBe(false);
    expect(isOverdue(attempt, at(0))).toBe(false);
  });

  fcTest.prop([fc.integer({ min: 1, max: 600 }), fc.integer({ min: 0, max: 2 * 600 * 60_000 })])(
    "an in-progress attempt is either accepting or overdue, never both; remaining time is within [0, limit]",
    (minutes, elapsed) => {
      const attempt = { state: "in_progress" as const, deadlineAt: computeDeadline(start, minutes) };
      const now = at(elapsed);
      expect(acceptsAnswers(attempt, now)).toBe(!isOverdue(attempt, now));
      const remaining = timeRemainingMs(attempt, now)!;
      expect(remaining).toBeGreaterThanOrEqual(0);
      expect(remaining).toBeLessThanOrEqual(minutes * 60_000);
    },
  );
});
