import { GRACE_PERIOD_MS, acceptsAnswers, computeDeadline } from "@/domain/attempt/timing";
import type { FeedbackTiming } from "./assignment-settings";

/**
 * The rules of an assignment's calendar (docs/decisions/0008). The due date is a hard close,
 * as Moodle's close date: attempts start from `opensAt` up to (not at) `dueAt`, and no attempt
 * runs past `dueAt`, because "feedback after the due date" shows the keys then. Times are
 * instants; `now` is the server's clock, passed in.
 */

export const ASSIGNMENT_STATUSES = ["not-open", "to-do", "in-progress", "done", "late", "missed"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export type AttemptState = "in_progress" | "finished";

export type StatusInput = {
  opensAt: Date;
  dueAt: Date;
  now: Date;
  /** The learner's attempts at this assignment, in any order. */
  attempts: readonly { state: AttemptState; finishedAt: Date | null }[];
};

/**
 * The learner's status, by the first rule that applies:
 * 1. a finished attempt exists: "done" if one finished at or before `dueAt`, else "late";
 *    (a finished attempt without a time counts as on time);
 * 2. an attempt is in progress: "in-progress";
 * 3. `now` is before `opensAt`: "not-open";
 * 4. `now` is before `dueAt`: "to-do";
 * 5. otherwise (due, nothing finished): "missed".
 * Promises: once "done", always "done" (later attempts and the clock cannot undo it); "missed"
 * only after `dueAt`; "not-open" only before `opensAt`. An overdue attempt still stored as in
 * progress reads "in-progress" until the server closes it (it closes them on access and in its
 * sweep, at their deadline, which is never after `dueAt`).
 */
export function assignmentStatus({ opensAt, dueAt, now, attempts }: StatusInput): AssignmentStatus {
  const finished = attempts.filter((attempt) => attempt.state === "finished");
  if (finished.length > 0) {
    const onTime = finished.some(
      (attempt) => attempt.finishedAt === null || attempt.finishedAt.getTime() <= dueAt.getTime(),
    );
    return onTime ? "done" : "late";
  }
  if (attempts.some((attempt) => attempt.state === "in_progress")) return "in-progress";
  if (now.getTime() < opensAt.getTime()) return "not-open";
  if (now.getTime() < dueAt.getTime()) return "to-do";
  return "missed";
}

export const START_REFUSALS = ["inProgress", "notOpen", "closed", "noAttemptsLeft"] as const;
export type StartRefusal = (typeof START_REFUSALS)[number];

export type StartCheckInput = {
  settings: { opensAt: Date; dueAt: Date; maxAttempts: number | null };
  /** Attempts already started, finished or not: an attempt counts from the moment it starts, as in Moodle. */
  attemptsUsed: number;
  hasInProgress: boolean;
  now: Date;
};

/**
 * Whether the learner may start a NEW attempt now. Refusals, checked in this order:
 * "inProgress" (resume that one instead, see `shouldResume`), "notOpen" (before `opensAt`),
 * "closed" (at or after `dueAt`), "noAttemptsLeft" (`attemptsUsed` has reached `maxAttempts`;
 * null means unlimited). Promises: never ok before `opensAt` or at/after `dueAt`; with
 * `maxAttempts` n, never ok once n attempts are used.
 */
export function canStartAttempt({
  settings,
  attemptsUsed,
  hasInProgress,
  now,
}: StartCheckInput): { ok: true } | { ok: false; reason: StartRefusal } {
  if (hasInProgress) return { ok: false, reason: "inProgress" };
  if (now.getTime() < settings.opensAt.getTime()) return { ok: false, reason: "notOpen" };
  if (now.getTime() >= settings.dueAt.getTime()) return { ok: false, reason: "closed" };
  if (settings.maxAttempts !== null && attemptsUsed >= settings.maxAttempts)
    return { ok: false, reason: "noAttemptsLeft" };
  return { ok: true };
}

/** Attempts the learner may still start: null when unlimited, never negative. */
export function attemptsLeft(maxAttempts: number | null, attemptsUsed: number): number | null {
  return maxAttempts === null ? null : Math.max(0, maxAttempts - attemptsUsed);
}

/**
 * Whether opening the assignment resumes the learner's attempt rather than starting one:
 * true while an attempt is in progress and still takes answers (its own deadline, fixed when
 * it started under the settings then in force, plus the grace period). Later edits to the
 * assignment and the calendar never block a resume. False for an overdue attempt: the server
 * closes it with what was saved, and the learner sees its result.
 */
export function shouldResume({
  attempt,
  now,
}: {
  attempt: { state: AttemptState; deadlineAt: Date | null } | null;
  now: Date;
}): boolean {
  return attempt !== null && acceptsAnswers(attempt, now);
}

/**
 * When an attempt started at `startedAt` must end: the earlier of the time limit and the due
 * date. Promises: never after `dueAt`, never after `startedAt + timeLimitMinutes`; null only
 * when there is neither a time limit nor a due date (a practice quiz).
 */
export function attemptDeadline({
  startedAt,
  timeLimitMinutes,
  dueAt,
}: {
  startedAt: Date;
  timeLimitMinutes: number | null;
  dueAt: Date | null;
}): Date | null {
  const byLimit = computeDeadline(startedAt, timeLimitMinutes);
  if (byLimit === null) return dueAt;
  if (dueAt === null) return byLimit;
  return byLimit.getTime() <= dueAt.getTime() ? byLimit : dueAt;
}

/**
 * Whether a learner may see the keys and explanations of a FINISHED attempt: at once with
 * "immediately"; with "after-due", only once `dueAt` and the grace period have passed, so no
 * attempt still taking answers can be helped by them. Never for an unfinished attempt.
 */
export function canSeeFeedback({
  feedback,
  dueAt,
  now,
  attemptFinished,
}: {
  feedback: FeedbackTiming;
  dueAt: Date;
  now: Date;
  attemptFinished: boolean;
}): boolean {
  if (!attemptFinished) return false;
  if (feedback === "immediately") return true;
  return now.getTime() > dueAt.getTime() + GRACE_PERIOD_MS;
}
