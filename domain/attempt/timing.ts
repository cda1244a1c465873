/**
 * When an attempt may still take answers. The server's clock decides, never the browser's:
 * the deadline is fixed when the attempt starts, and a short grace period absorbs the time an
 * answer given at the last second takes to arrive (as Moodle's grace period does).
 */
export const GRACE_PERIOD_MS = 30_000;

export type AttemptClock = { state: "in_progress" | "finished"; deadlineAt: Date | null };

/** The deadline of an attempt started at `startedAt`; null when it has no time limit. */
export function computeDeadline(startedAt: Date, timeLimitMinutes: number | null | undefined): Date | null {
  if (!timeLimitMinutes) return null;
  return new Date(startedAt.getTime() + timeLimitMinutes * 60_000);
}

/** True while answers are accepted: in progress, and not past the deadline plus the grace period. */
export function acceptsAnswers(attempt: AttemptClock, now: Date): boolean {
  if (attempt.state !== "in_progress") return false;
  return attempt.deadlineAt === null || now.getTime() <= attempt.deadlineAt.getTime() + GRACE_PERIOD_MS;
}

/** True when an in-progress attempt is past its deadline and grace period: the server closes it. */
export function isOverdue(attempt: AttemptClock, now: Date): boolean {
  return attempt.state === "in_progress" && !acceptsAnswers(attempt, now);
}

/** Milliseconds left before the deadline (never negative); null without a time limit. */
export function timeRemainingMs(attempt: AttemptClock, now: Date): number | null {
  if (attempt.deadlineAt === null) return null;
  return Math.max(0, attempt.deadlineAt.getTime() - now.getTime());
}
