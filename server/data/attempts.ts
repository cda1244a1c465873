import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Locale, Module } from "@/domain/content";
import { GRACE_PERIOD_MS, acceptsAnswers, computeDeadline, isOverdue } from "@/domain/attempt/timing";
import { findLanguageMismatch, type FrozenQuestions } from "@/domain/attempt/frozen";
import { canSeeFeedback } from "@/domain/teach";
import {
  AnswerSchema,
  buildQuiz,
  gradeAnswer,
  QUESTION_TYPES,
  toView,
  type Answer,
  type FactMastery,
  type Question,
  type QuestionType,
  type QuestionView,
} from "@/domain/quiz";
import { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/viewer";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { recordReviews, type FactOutcome } from "./memory";
import { findQuizModule } from "./module-content";
import { getQuizMastery } from "./progress";

export const MAX_QUESTIONS = 40;
export const MAX_TIME_LIMIT_MINUTES = 180;

/** A form sends one checked checkbox as a string and none at all as nothing. */
const asArray = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export const StartAttemptSchema = z.object({
  module: z.string().min(1).max(64),
  topics: z.preprocess(asArray, z.array(z.string().min(1).max(64)).min(1, { error: "topicsRequired" }).max(50)),
  size: z.coerce.number({ error: "sizeRange" }).int({ error: "sizeRange" }).min(1, { error: "sizeRange" }).max(MAX_QUESTIONS, { error: "sizeRange" }),
  types: z.preprocess(asArray, z.array(z.enum(QUESTION_TYPES, { error: "typesRequired" })).min(1, { error: "typesRequired" })),
  timeLimitMinutes: z
    .union([z.literal("").transform(() => null), z.null(), z.coerce.number({ error: "timeLimitRange" })])
    .pipe(z.number().int({ error: "timeLimitRange" }).min(1, { error: "timeLimitRange" }).max(MAX_TIME_LIMIT_MINUTES, { error: "timeLimitRange" }).nullable())
    .optional()
    .transform((value) => value ?? null),
});
export type StartAttemptInput = z.infer<typeof StartAttemptSchema>;

export type AttemptSettings = Omit<StartAttemptInput, "module"> & {
  seed: number;
  mode: "practice" | "review" | "assignment";
  /** For an assignment: the settings in force when the attempt started. */
  assignment?: { dueAt: string; scoring: "best" | "last" | "average"; feedback: "immediately" | "after_due" };
};

/**
 * Starts a practice attempt: builds the quiz in both languages from one seed and freezes it,
 * keys included, into the attempt. Later content changes never alter it.
 */
export async function startAttempt(
  viewer: Viewer,
  input: StartAttemptInput,
  now = new Date(),
  review?: { mastery: ReadonlyMap<string, FactMastery> },
): Promise<{ id: string }> {
  const quizModule = await findQuizModule(input.module);
  if (!quizModule) throw new AppError("NOT_FOUND", { messageKey: "moduleNotFound" });
  const seed = randomInt(0, 0xffffffff);
  const questions = freezeQuestions(quizModule, { ...input, seed, mastery: review?.mastery });
  return getDb().attempt.create({
    data: {
      userId: viewer.id,
      moduleId: quizModule.dbId,
      settings: {
        topics: input.topics,
        size: input.size,
        types: input.types,
        timeLimitMinutes: input.timeLimitMinutes,
        seed,
        mode: review ? "review" : "practice",
      } satisfies AttemptSettings,
      questions: questions as unknown as Prisma.InputJsonValue,
      questionCount: questions.fr.length,
      startedAt: now,
      lastActivityAt: now,
      deadlineAt: computeDeadline(now, input.timeLimitMinutes),
    },
    select: { id: true },
  });
}

/**
 * Builds the quiz once per language from one seed and checks that both describe the same
 * questions. Refuses unknown topics and choices that give no question at all.
 */
export function freezeQuestions(
  quizModule: Module,
  request: { topics: string[]; size: number; types: QuestionType[]; seed: number; mastery?: ReadonlyMap<string, FactMastery> },
): FrozenQuestions {
  const known = new Set(quizModule.topics.map((topic) => topic.id));
  if (request.topics.some((topic) => !known.has(topic))) throw new AppError("INVALID", { messageKey: "unknownTopic" });
  const build = (locale: Locale) =>
    buildQuiz({ module: quizModule, locale, seed: request.seed, size: request.size, topics: request.topics, types: request.types, mastery: request.mastery })
      .questions;
  const questions: FrozenQuestions = { fr: build("fr"), en: build("en") };
  const mismatch = findLanguageMismatch(questions);
  if (mismatch) throw new Error(`quiz builder gave different questions per language: ${mismatch}`);
  if (questions.fr.length === 0) throw new AppError("INVALID", { messageKey: "noQuestions" });
  return questions;
}

const AttemptIdSchema = z.uuid();

export type AttemptForPlayer = {
  id: string;
  moduleSlug: string;
  moduleTitle: string;
  state: "in_progress" | "finished";
  deadlineAt: Date | null;
  questions: QuestionView[];
  answers: (Answer | null)[];
};

/**
 * What the quiz page may show of one of the viewer's attempts: the questions WITHOUT their keys,
 * and the answers saved so far. Another person's attempt is NOT_FOUND, like a missing one.
 * An attempt found past its deadline is closed first.
 */
export async function getAttemptForPlayer(viewer: Viewer, attemptId: string, locale: Locale, now = new Date()): Promise<AttemptForPlayer> {
  const id = parseAttemptId(attemptId);
  let attempt = await readForPlayer(viewer, id, locale);
  if (attempt && isOverdue(attempt, now)) {
    await closeIfOverdue(viewer, id, now);
    attempt = await readForPlayer(viewer, id, locale);
  }
  if (!attempt) throw new AppError("NOT_FOUND", { messageKey: "attemptNotFound" });
  const questions = attempt.questions;
  const answers: (Answer | null)[] = questions.map(() => null);
  for (const response of attempt.responses) answers[response.position] = response.answer as Answer;
  return {
    id: attempt.id,
    moduleSlug: attempt.slug,
    moduleTitle: locale === "fr" ? attempt.titleFr : attempt.titleEn,
    state: attempt.state,
    deadlineAt: attempt.deadlineAt,
    questions: questions.map(toView),
    answers,
  };
}

/** One statement: the attempt, only the questions in the reader's language, its module and its saved answers. */
async function readForPlayer(viewer: Viewer, id: string, locale: Locale) {
  const rows = await getDb().$queryRaw<
    {
      id: string;
      state: "in_progress" | "finished";
      deadlineAt: Date | null;
      questions: FrozenQuestions[Locale];
      slug: string;
      titleFr: string;
      titleEn: string;
      responses: { position: number; answer: unknown }[];
    }[]
  >`
    SELECT a.id, a.state::text AS state, a."deadlineAt", a.questions -> ${locale}::text AS questions,
           m.slug, m."titleFr", m."titleEn",
           COALESCE((SELECT json_agg(json_build_object('position', r.position, 'answer', r.answer))
                       FROM "Response" r WHERE r."attemptId" = a.id), '[]'::json) AS responses
      FROM "Attempt" a JOIN "Module" m ON m.id = a."moduleId"
     WHERE a.id = ${id}::uuid AND a."userId" = ${viewer.id}`;
  return rows[0] ?? null;
}

export const SaveAnswerSchema = z.object({
  attemptId: z.string(),
  position: z.number().int().min(0).max(1000),
  answer: AnswerSchema,
  locale: z.enum(["fr", "en"]),
});
export type SaveAnswerInput = z.infer<typeof SaveAnswerSchema>;

type LockedAttempt = {
  id: string;
  userId: string;
  moduleId: string;
  state: "in_progress" | "finished";
  deadlineAt: Date | null;
  questions: FrozenQuestions;
};

/** Locks the viewer's attempt row for this transaction: saves and submits of one attempt run one at a time. */
async function lockAttempt(tx: Prisma.TransactionClient, viewer: Viewer, id: string): Promise<LockedAttempt> {
  const attempt = await lockAttemptOf(tx, viewer.id, id);
  if (!attempt) throw new AppError("NOT_FOUND", { messageKey: "attemptNotFound" });
  return attempt;
}

async function lockAttemptOf(tx: Prisma.TransactionClient, userId: string, id: string): Promise<LockedAttempt | undefined> {
  const rows = await tx.$queryRaw<LockedAttempt[]>`
    SELECT id, "userId", "moduleId", state::text AS state, "deadlineAt", questions
      FROM "Attempt" WHERE id = ${id}::uuid AND "userId" = ${userId}
       FOR UPDATE`;
  return rows[0];
}

/**
 * Saves one answer the moment it is given (replacing the previous one). Refused, writing
 * nothing, when the attempt is finished or past its deadline plus grace, when the question
 * number is out of range, or when the answer does not fit the question.
 *
 * The busiest write of the app, so it costs two statements: a read of the one frozen question
 * (frozen questions never change, so no lock is needed to check the answer against it), then a
 * single statement that touches the attempt only while it still takes answers and upserts the
 * response. That UPDATE takes the attempt's row lock, which orders it against a concurrent
 * submit and other saves, and PostgreSQL re-checks its conditions once the lock is granted.
 */
export async function saveAnswer(viewer: Viewer, input: SaveAnswerInput, now = new Date()): Promise<{ savedAt: Date }> {
  const id = parseAttemptId(input.attemptId);
  const rows = await getDb().$queryRaw<{ state: "in_progress" | "finished"; deadlineAt: Date | null; question: Question | null }[]>`
    SELECT state::text AS state, "deadlineAt", questions -> ${input.locale}::text -> ${input.position}::int AS question
      FROM "Attempt" WHERE id = ${id}::uuid AND "userId" = ${viewer.id}`;
  const head = rows[0];
  if (!head) throw new AppError("NOT_FOUND", { messageKey: "attemptNotFound" });
  if (head.state === "finished") throw new AppError("CONFLICT", { messageKey: "attemptFinished" });
  if (!acceptsAnswers(head, now)) return refuseLateSave(viewer, id, now);
  if (!head.question) throw new AppError("INVALID", { messageKey: "questionOutOfRange" });
  const check = gradeAnswer(head.question, input.answer);
  if (!check.ok) throw new AppError("INVALID", { messageKey: "answerDoesNotFit", detail: check.reason });

  const takesAnswersSince = new Date(now.getTime() - GRACE_PERIOD_MS);
  const saved = await getDb().$executeRaw`
    WITH live AS (
      UPDATE "Attempt" SET "lastActivityAt" = ${now}
       WHERE id = ${id}::uuid AND "userId" = ${viewer.id} AND state = 'in_progress'
         AND ("deadlineAt" IS NULL OR "deadlineAt" >= ${takesAnswersSince})
      RETURNING id)
    INSERT INTO "Response" ("attemptId", position, answer, locale, "savedAt")
    SELECT id, ${input.position}::int, ${JSON.stringify(input.answer)}::jsonb, ${input.locale}, ${now} FROM live
    ON CONFLICT ("attemptId", position) DO UPDATE SET answer = EXCLUDED.answer, locale = EXCLUDED.locale, "savedAt" = EXCLUDED."savedAt"`;
  if (saved === 0) {
    // Finished or overdue between the read and the write (a submit in another tab, the sweeper).
    const after = await getDb().attempt.findFirst({ where: { id, userId: viewer.id }, select: { state: true } });
    if (after?.state === "finished") throw new AppError("CONFLICT", { messageKey: "attemptFinished" });
    return refuseLateSave(viewer, id, now);
  }
  return { savedAt: now };
}

/** A save after the deadline and grace: the server closes the attempt with what was saved, then refuses. */
async function refuseLateSave(viewer: Viewer, id: string, now: Date): Promise<never> {
  await closeIfOverdue(viewer, id, now);
  throw new AppError("CONFLICT", { messageKey: "deadlinePassed" });
}

/**
 * Finishes and grades the attempt. Idempotent: a second submit (double click, second tab)
 * finds it finished and returns the stored result.
 */
export async function submitAttempt(viewer: Viewer, attemptId: string, now = new Date()): Promise<{ id: string; score: number }> {
  const id = parseAttemptId(attemptId);
  return getDb().$transaction(async (tx) => {
    const attempt = await lockAttempt(tx, viewer, id);
    if (attempt.state === "in_progress") await finishLocked(tx, attempt, now);
    const finished = await tx.attempt.findUniqueOrThrow({ where: { id }, select: { score: true } });
    return { id, score: finished.score ?? 0 };
  });
}

/** Grades every saved answer against the frozen key of the language it was given in. */
async function finishLocked(tx: Prisma.TransactionClient, attempt: LockedAttempt, now: Date): Promise<void> {
  const responses = await tx.response.findMany({ where: { attemptId: attempt.id }, select: { position: true, answer: true, locale: true } });
  const correctAt = new Set<number>();
  let points = 0;
  const graded = { positions: [] as number[], scores: [] as number[], correct: [] as boolean[] };
  for (const response of responses) {
    const locale = response.locale === "en" ? "en" : "fr";
    const question: Question | undefined = attempt.questions[locale][response.position];
    const grade = question ? gradeAnswer(question, response.answer) : { score: 0, correct: false };
    points += grade.score;
    if (grade.correct) correctAt.add(response.position);
    graded.positions.push(response.position);
    graded.scores.push(grade.score);
    graded.correct.push(grade.correct);
  }
  // One statement for every answer: a submit costs the same round trips for 5 questions or 40.
  if (graded.positions.length > 0) {
    await tx.$executeRaw`
      UPDATE "Response" AS r SET score = g.score, correct = g.correct
        FROM unnest(${graded.positions}::int[], ${graded.scores}::float8[], ${graded.correct}::bool[]) AS g(position, score, correct)
       WHERE r."attemptId" = ${attempt.id}::uuid AND r.position = g.position`;
  }
  const questionCount = attempt.questions.fr.length;
  const outcomes: FactOutcome[] = attempt.questions.fr.flatMap((question, position) =>
    question.factIds.map((factKey) => ({ factKey, correct: correctAt.has(position) })),
  );
  // Past the deadline, the attempt ends at the deadline (as Moodle records it), not when noticed.
  const finishedAt = attempt.deadlineAt && now > attempt.deadlineAt ? attempt.deadlineAt : now;
  await recordReviews(tx, { userId: attempt.userId, moduleId: attempt.moduleId, attemptId: attempt.id, answeredAt: finishedAt, outcomes });
  await tx.attempt.update({
    where: { id: attempt.id },
    data: { state: "finished", finishedAt, points, score: questionCount > 0 ? points / questionCount : 0, lastActivityAt: now },
  });
}

/**
 * Inside the caller's transaction: closes and grades the user's attempt if it is past its
 * deadline. For opening an assignment, where an overdue attempt must end before another starts.
 */
export async function closeOverdueInTransaction(tx: Prisma.TransactionClient, userId: string, attemptId: string, now: Date): Promise<void> {
  const attempt = await lockAttemptOf(tx, userId, attemptId);
  if (attempt && isOverdue(attempt, now)) await finishLocked(tx, attempt, now);
}

async function closeIfOverdue(viewer: Viewer, id: string, now: Date): Promise<void> {
  const head = await getDb().attempt.findFirst({ where: { id, userId: viewer.id }, select: { state: true, deadlineAt: true } });
  if (!head || !isOverdue(head, now)) return;
  await getDb().$transaction(async (tx) => {
    const attempt = await lockAttempt(tx, viewer, id);
    if (isOverdue(attempt, now)) await finishLocked(tx, attempt, now);
  });
}

function parseAttemptId(value: string): string {
  const parsed = AttemptIdSchema.safeParse(value);
  if (!parsed.success) throw new AppError("NOT_FOUND", { messageKey: "attemptNotFound" });
  return parsed.data;
}

export type ReviewedQuestion = {
  position: number;
  question: Question;
  answer: Answer | null;
  score: number;
  correct: boolean;
  section: { id: string; heading: string } | null;
};

export type AttemptResults = {
  id: string;
  moduleSlug: string;
  moduleTitle: string;
  sourceTitle: string;
  startedAt: Date;
  finishedAt: Date;
  score: number;
  points: number;
  questionCount: number;
  settings: AttemptSettings;
  /** Set when the assignment shows feedback only after its due date, until then: questions are then empty. */
  feedbackAvailableAt: Date | null;
  questions: ReviewedQuestion[];
};

/**
 * The graded attempt with its keys and explanations: only once it is finished (an attempt past
 * its deadline is closed first). Null while it is still in progress.
 */
export async function getAttemptResults(viewer: Viewer, attemptId: string, locale: Locale, now = new Date()): Promise<AttemptResults | null> {
  const id = parseAttemptId(attemptId);
  const own = Prisma.sql`a."userId" = ${viewer.id}`;
  let attempt = await readForResults(id, own, locale);
  if (attempt && isOverdue(attempt, now)) {
    await closeIfOverdue(viewer, id, now);
    attempt = await readForResults(id, own, locale);
  }
  return toResults(attempt, locale, now, { alwaysShowFeedback: false });
}

/**
 * An instructor's read-only view of a learner's attempt at an assignment of a class they
 * teach, feedback included. NOT_FOUND for anything else.
 */
export async function getAttemptResultsForInstructor(viewer: Viewer, attemptId: string, locale: Locale, now = new Date()): Promise<AttemptResults | null> {
  const id = parseAttemptId(attemptId);
  const taught = Prisma.sql`EXISTS (SELECT 1 FROM "Assignment" s JOIN "ClassInstructor" ci ON ci."classId" = s."classId"
                                     WHERE s.id = a."assignmentId" AND ci."userId" = ${viewer.id})`;
  return toResults(await readForResults(id, taught, locale), locale, now, { alwaysShowFeedback: true });
}

type ResultsRow = {
  id: string;
  state: "in_progress" | "finished";
  startedAt: Date;
  finishedAt: Date | null;
  deadlineAt: Date | null;
  score: number | null;
  points: number | null;
  questionCount: number;
  settings: unknown;
  questions: Question[];
  slug: string;
  titleFr: string;
  titleEn: string;
  sections: { id: string; heading: string }[] | null;
  sourceTitle: string | null;
  responses: { position: number; answer: unknown; score: number | null; correct: boolean | null }[];
};

/** One statement: the attempt in the reader's language, its module's title and sections, its answers. */
async function readForResults(id: string, scope: Prisma.Sql, locale: Locale): Promise<ResultsRow | null> {
  const rows = await getDb().$queryRaw<ResultsRow[]>`
    SELECT a.id, a.state::text AS state, a."startedAt", a."finishedAt", a."deadlineAt", a.score, a.points,
           a."questionCount", a.settings, a.questions -> ${locale}::text AS questions,
           m.slug, m."titleFr", m."titleEn", m.vocabulary -> 'sections' AS sections,
           m.vocabulary -> 'source' ->> 'title' AS "sourceTitle",
           COALESCE((SELECT json_agg(json_build_object('position', r.position, 'answer', r.answer, 'score', r.score, 'correct', r.correct))
                       FROM "Response" r WHERE r."attemptId" = a.id), '[]'::json) AS responses
      FROM "Attempt" a JOIN "Module" m ON m.id = a."moduleId"
     WHERE a.id = ${id}::uuid AND ${scope}`;
  return rows[0] ?? null;
}

function toResults(
  attempt: ResultsRow | null,
  locale: Locale,
  now: Date,
  options: { alwaysShowFeedback: boolean },
): AttemptResults | null {
  if (!attempt) throw new AppError("NOT_FOUND", { messageKey: "attemptNotFound" });
  if (attempt.state !== "finished") return null;

  const sections = new Map((attempt.sections ?? []).map((section) => [section.id, section]));
  const responses = new Map(attempt.responses.map((response) => [response.position, response]));
  const questions = attempt.questions;
  const settings = attempt.settings as unknown as AttemptSettings;
  const assignment = settings.assignment;
  const feedbackHidden =
    !options.alwaysShowFeedback &&
    assignment !== undefined &&
    !canSeeFeedback({
      feedback: assignment.feedback === "after_due" ? "after-due" : "immediately",
      dueAt: new Date(assignment.dueAt),
      now,
      attemptFinished: true,
    });
  return {
    id: attempt.id,
    moduleSlug: attempt.slug,
    moduleTitle: locale === "fr" ? attempt.titleFr : attempt.titleEn,
    sourceTitle: attempt.sourceTitle ?? "",
    startedAt: attempt.startedAt,
    finishedAt: attempt.finishedAt ?? attempt.startedAt,
    score: attempt.score ?? 0,
    points: attempt.points ?? 0,
    questionCount: attempt.questionCount,
    settings,
    feedbackAvailableAt: feedbackHidden && assignment ? new Date(new Date(assignment.dueAt).getTime() + GRACE_PERIOD_MS) : null,
    questions: (feedbackHidden ? [] : questions).map((question, position) => {
      const response = responses.get(position);
      const sectionId = question.sections[0];
      return {
        position,
        question,
        answer: (response?.answer as Answer | undefined) ?? null,
        score: response?.score ?? 0,
        correct: response?.correct ?? false,
        section: sectionId ? (sections.get(sectionId) ?? null) : null,
      };
    }),
  };
}

export type AttemptSummary = {
  id: string;
  moduleTitle: string;
  state: "in_progress" | "finished";
  startedAt: Date;
  finishedAt: Date | null;
  score: number | null;
  questionCount: number;
};

/** The viewer's attempts, newest first, one query (overdue ones are closed first). */
export async function listAttempts(viewer: Viewer, locale: Locale, options: { take?: number } = {}, now = new Date()): Promise<AttemptSummary[]> {
  await closeOverdueAttempts(viewer, now);
  const rows = await getDb().attempt.findMany({
    where: { userId: viewer.id },
    orderBy: { startedAt: "desc" },
    take: options.take ?? 100,
    select: {
      id: true,
      state: true,
      startedAt: true,
      finishedAt: true,
      score: true,
      questionCount: true,
      module: { select: { titleFr: true, titleEn: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    moduleTitle: locale === "fr" ? row.module.titleFr : row.module.titleEn,
    state: row.state,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    score: row.score,
    questionCount: row.questionCount,
  }));
}

/** Closes every attempt of the viewer whose deadline and grace period have passed. */
async function closeOverdueAttempts(viewer: Viewer, now: Date): Promise<void> {
  const overdue = await getDb().attempt.findMany({
    where: { userId: viewer.id, state: "in_progress", deadlineAt: { lt: new Date(now.getTime() - GRACE_PERIOD_MS) } },
    select: { id: true },
  });
  for (const { id } of overdue) await closeIfOverdue(viewer, id, now);
}

export const REVIEW_SIZE = { min: 5, max: 20 } as const;

/**
 * A review session: today's due facts first, then the weakest, through the quiz builder's
 * adaptive mode, with every question type.
 */
export async function startReview(viewer: Viewer, moduleSlug: string, timeZone: string, now = new Date()): Promise<{ id: string }> {
  const quizModule = await findQuizModule(moduleSlug);
  if (!quizModule) throw new AppError("NOT_FOUND", { messageKey: "moduleNotFound" });
  const mastery = await getQuizMastery(viewer, quizModule.dbId, timeZone, now);
  const due = [...mastery.values()].filter((fact) => fact.due).length;
  const size = Math.min(REVIEW_SIZE.max, Math.max(REVIEW_SIZE.min, due));
  return startAttempt(
    viewer,
    { module: moduleSlug, topics: quizModule.topics.map((topic) => topic.id), size, types: [...QUESTION_TYPES], timeLimitMinutes: null },
    now,
    { mastery },
  );
}

/**
 * Closes and grades every attempt, of anyone, whose deadline and grace period have passed:
 * for a periodic sweep, so attempts whose browser vanished are graded at their deadline even
 * if nobody opens them again. Returns how many were closed.
 */
export async function closeAllOverdueAttempts(now = new Date()): Promise<number> {
  const overdue = await getDb().attempt.findMany({
    where: { state: "in_progress", deadlineAt: { lt: new Date(now.getTime() - GRACE_PERIOD_MS) } },
    select: { id: true, userId: true },
    take: 500,
  });
  let closed = 0;
  for (const { id, userId } of overdue) {
    await getDb().$transaction(async (tx) => {
      const attempt = await lockAttemptOf(tx, userId, id);
      if (attempt && isOverdue(attempt, now)) {
        await finishLocked(tx, attempt, now);
        closed += 1;
      }
    });
  }
  return closed;
}
