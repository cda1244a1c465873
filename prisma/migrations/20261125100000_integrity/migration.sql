-- Invariants the application keeps, held by the database as well, so that no bug, script or
-- concurrent request can break them. Prisma's schema language cannot express these; the drift
-- test (tests/support/schema-drift.ts, SQL_ONLY) checks that they exist.

-- At most one in-progress attempt per learner per assignment. Practice attempts (no assignment)
-- are free: a learner may keep several open.
CREATE UNIQUE INDEX "Attempt_one_in_progress_per_assignment"
    ON "Attempt"("userId", "assignmentId")
 WHERE "state" = 'in_progress' AND "assignmentId" IS NOT NULL;

-- An attempt is finished exactly when it has a finish time and a score, and the score is a fraction.
ALTER TABLE "Attempt"
    ADD CONSTRAINT "Attempt_finished_has_score"
        CHECK (("state" = 'finished') = ("finishedAt" IS NOT NULL AND "score" IS NOT NULL)),
    ADD CONSTRAINT "Attempt_score_is_fraction" CHECK ("score" >= 0 AND "score" <= 1),
    ADD CONSTRAINT "Attempt_points_within_count" CHECK ("points" >= 0 AND "points" <= "questionCount"),
    ADD CONSTRAINT "Attempt_has_questions" CHECK ("questionCount" > 0),
    ADD CONSTRAINT "Attempt_deadline_after_start" CHECK ("deadlineAt" > "startedAt");

ALTER TABLE "Response"
    ADD CONSTRAINT "Response_position_not_negative" CHECK ("position" >= 0),
    ADD CONSTRAINT "Response_score_is_fraction" CHECK ("score" >= 0 AND "score" <= 1);

-- An assignment opens before it is due, has questions, and limits that mean something.
ALTER TABLE "Assignment"
    ADD CONSTRAINT "Assignment_opens_before_due" CHECK ("opensAt" < "dueAt"),
    ADD CONSTRAINT "Assignment_has_questions" CHECK ("size" > 0),
    ADD CONSTRAINT "Assignment_time_limit_positive" CHECK ("timeLimitMinutes" > 0),
    ADD CONSTRAINT "Assignment_max_attempts_positive" CHECK ("maxAttempts" > 0);
