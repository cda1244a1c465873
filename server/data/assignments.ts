import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { buildQuestionBank, type QuestionType } from "@/domain/quiz";
import {
  assignmentStatus,
  attemptDeadline,
  attemptsLeft,
  canStartAttempt,
  checkAgainstBank,
  countedScore,
  shouldResume,
  type AssignmentSettings,
  type AssignmentStatus,
} from "@/domain/teach";
import type { Prisma } from "@/generated/prisma/client";
import { assertRole, type Viewer } from "@/server/auth/viewer";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { taughtBy } from "./classes";
import { closeOverdueInTransaction, freezeQuestions, type AttemptSettings } from "./attempts";
import { findQuizModule } from "./module-content";

const TEACHING = ["instructor", "admin"] as const;

/** Questions the builder can make for these topics and types (the size an assignment may ask for). */
export function bankSizeFor(quizModule: Parameters<typeof buildQuestionBank>[0], topics: string[], types: QuestionType[]): number {
  const topicSet = new Set(topics);
  const typeSet = new Set(types);
  const facts = new Set<string>();
  for (const question of buildQuestionBank(quizModule, { locale: "fr", seed: 1 })) {
    // A quiz never asks about a fact twice, so the bank's size is counted in distinct facts.
    if (topicSet.has(question.topic) && typeSet.has(question.type)) facts.add(question.factIds.join("+"));
  }
  return facts.size;
}

type AssignmentData = Omit<Prisma.AssignmentUncheckedCreateInput, "id" | "classId" | "seed">;

async function toAssignmentData(moduleSlug: string, settings: AssignmentSettings): Promise<AssignmentData> {
  const quizModule = await findQuizModule(moduleSlug);
  if (!quizModule) throw new AppError("NOT_FOUND", { messageKey: "moduleNotFound" });
  const known = new Set(quizModule.topics.map((topic) => topic.id));
  if (settings.topics.some((topic) => !known.has(topic))) throw new AppError("INVALID", { messageKey: "unknownTopic" });
  const problem = checkAgainstBank(settings, bankSizeFor(quizModule, settings.topics, settings.types));
  if (problem) throw new AppError("INVALID", { messageKey: problem });
  return {
    moduleId: quizModule.dbId,
    title: settings.title,
    topics: settings.topics,
    types: settings.types,
    size: settings.size,
    opensAt: settings.opensAt,
    dueAt: settings.dueAt,
    timeLimitMinutes: settings.timeLimitMinutes,
    maxAttempts: settings.maxAttempts,
    scoring: settings.scoring,
    feedback: settings.feedback === "after-due" ? "after_due" : "immediately",
    sameQuestions: settings.sameQuestions,
  };
}

/** An instructor of the class assigns a module (or some of its topics) with its settings. */
export async function createAssignment(
  viewer: Viewer | null,
  input: { classId: string; module: string; settings: AssignmentSettings },
): Promise<{ id: string }> {
  assertRole(viewer, TEACHING);
  const found = await getDb().class.count({ where: { id: input.classId, archivedAt: null, ...taughtBy(viewer) } });
  if (found === 0) throw new AppError("NOT_FOUND", { messageKey: "classNotFound" });
  const data = await toAssignmentData(input.module, input.settings);
  return getDb().assignment.create({
    data: { ...data, classId: input.classId, seed: randomInt(0, 0x7fffffff) },
    select: { id: true },
  });
}

/**
 * Edits an assignment. Attempts already started keep their frozen questions and the settings
 * snapshot they started with; only new attempts see the change.
 */
export async function updateAssignment(viewer: Viewer | null, input: { assignmentId: string; module: string; settings: AssignmentSettings }): Promise<void> {
  assertRole(viewer, TEACHING);
  const data = await toAssignmentData(input.module, input.settings);
  const { count } = await getDb().assignment.updateMany({ where: { id: input.assignmentId, class: taughtBy(viewer) }, data });
  if (count === 0) throw new AppError("NOT_FOUND", { messageKey: "assignmentNotFound" });
}

export type AssignmentForEditing = { id: string; classId: string; className: string; moduleSlug: string; settings: AssignmentSettings };

export async function getAssignmentForInstructor(viewer: Viewer | null, assignmentId: string): Promise<AssignmentForEditing> {
  assertRole(viewer, TEACHING);
  const row = await getDb().assignment.findFirst({
    where: { id: assignmentId, class: taughtBy(viewer) },
    include: { class: { select: { name: true } }, module: { select: { slug: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", { messageKey: "assignmentNotFound" });
  return {
    id: row.id,
    classId: row.classId,
    className: row.class.name,
    moduleSlug: row.module.slug,
    settings: {
      title: row.title,
      topics: row.topics as string[],
      types: row.types as QuestionType[],
      size: row.size,
      opensAt: row.opensAt,
      dueAt: row.dueAt,
      timeLimitMinutes: row.timeLimitMinutes,
      maxAttempts: row.maxAttempts,
      scoring: row.scoring,
      feedback: row.feedback === "after_due" ? "after-due" : "immediately",
      sameQuestions: row.sameQuestions,
    },
  };
}


export type LearnerAssignment = {
  id: string;
  title: string;
  className: string;
  moduleTitle: { fr: string; en: string };
  opensAt: Date;
  dueAt: Date;
  status: AssignmentStatus;
  attemptsUsed: number;
  attemptsLeft: number | null;
  counted: number | null;
  inProgressId: string | null;
  lastFinishedId: string | null;
};

/** The viewer's assignments in the classes they belong to, with their status: one query. */
export async function listAssignmentsForLearner(viewer: Viewer, now = new Date()): Promise<LearnerAssignment[]> {
  const rows = await getDb().assignment.findMany({
    where: { archivedAt: null, class: { archivedAt: null, enrollments: { some: { userId: viewer.id } } } },
    orderBy: { dueAt: "asc" },
    select: {
      id: true,
      title: true,
      opensAt: true,
      dueAt: true,
      maxAttempts: true,
      scoring: true,
      class: { select: { name: true } },
      module: { select: { titleFr: true, titleEn: true } },
      attempts: {
        where: { userId: viewer.id },
        orderBy: { startedAt: "asc" },
        select: { id: true, state: true, finishedAt: true, score: true },
      },
    },
  });
  return rows.map((row) => {
    const finished = row.attempts.filter((attempt) => attempt.state === "finished");
    return {
      id: row.id,
      title: row.title,
      className: row.class.name,
      moduleTitle: { fr: row.module.titleFr, en: row.module.titleEn },
      opensAt: row.opensAt,
      dueAt: row.dueAt,
      status: assignmentStatus({ opensAt: row.opensAt, dueAt: row.dueAt, now, attempts: row.attempts }),
      attemptsUsed: row.attempts.length,
      attemptsLeft: attemptsLeft(row.maxAttempts, row.attempts.length),
      counted: countedScore(
        finished.map((attempt) => attempt.score ?? 0),
        row.scoring,
      ),
      inProgressId: row.attempts.find((attempt) => attempt.state === "in_progress")?.id ?? null,
      lastFinishedId: finished.at(-1)?.id ?? null,
    };
  });
}

/**
 * Opens an assignment for the viewer: resumes their attempt in progress, or starts a new one
 * under the assignment's current settings, which the server enforces (open and due dates,
 * attempts allowed, time limit capped at the due date). A per-learner advisory lock makes two
 * tabs opening it at once get the same attempt.
 */
export async function openAssignment(viewer: Viewer, assignmentId: string, now = new Date()): Promise<{ attemptId: string }> {
  if (!z.uuid().safeParse(assignmentId).success) throw new AppError("NOT_FOUND", { messageKey: "assignmentNotFound" });
  const assignment = await getDb().assignment.findFirst({
    where: { id: assignmentId, archivedAt: null, class: { archivedAt: null, enrollments: { some: { userId: viewer.id } } } },
    select: {
      id: true,
      topics: true,
      types: true,
      size: true,
      opensAt: true,
      dueAt: true,
      timeLimitMinutes: true,
      maxAttempts: true,
      sameQuestions: true,
      seed: true,
      scoring: true,
      feedback: true,
      module: { select: { slug: true } },
    },
  });
  if (!assignment) throw new AppError("NOT_FOUND", { messageKey: "assignmentNotFound" });
  const quizModule = await findQuizModule(assignment.module.slug);
  if (!quizModule) throw new AppError("NOT_FOUND", { messageKey: "moduleNotFound" });

  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${viewer.id}), hashtext(${assignment.id}))`;
    const attempts = await tx.attempt.findMany({
      where: { assignmentId: assignment.id, userId: viewer.id },
      select: { id: true, state: true, deadlineAt: true },
    });
    const open = attempts.find((attempt) => attempt.state === "in_progress") ?? null;
    if (open && shouldResume({ attempt: open, now })) return { attemptId: open.id };
    // An overdue attempt ends (graded with what was saved) before another starts: the database
    // allows one in-progress attempt per learner and assignment.
    if (open) await closeOverdueInTransaction(tx, viewer.id, open.id, now);
    const check = canStartAttempt({
      settings: assignment,
      attemptsUsed: attempts.length,
      // An overdue attempt still marked in progress is closed when opened; it does not block.
      hasInProgress: false,
      now,
    });
    if (!check.ok) throw new AppError("CONFLICT", { messageKey: check.reason });

    const seed = assignment.sameQuestions ? assignment.seed : randomInt(0, 0x7fffffff);
    const topics = assignment.topics as string[];
    const types = assignment.types as QuestionType[];
    const questions = freezeQuestions(quizModule, { topics, size: assignment.size, types, seed });
    const settings: AttemptSettings = {
      topics,
      size: assignment.size,
      types,
      timeLimitMinutes: assignment.timeLimitMinutes,
      seed,
      mode: "assignment",
      assignment: { dueAt: assignment.dueAt.toISOString(), scoring: assignment.scoring, feedback: assignment.feedback },
    };
    const created = await tx.attempt.create({
      data: {
        userId: viewer.id,
        moduleId: quizModule.dbId,
        assignmentId: assignment.id,
        settings,
        questions: questions as unknown as Prisma.InputJsonValue,
        questionCount: questions.fr.length,
        startedAt: now,
        lastActivityAt: now,
        deadlineAt: attemptDeadline({ startedAt: now, timeLimitMinutes: assignment.timeLimitMinutes, dueAt: assignment.dueAt }),
      },
      select: { id: true },
    });
    return { attemptId: created.id };
  });
}
