import "server-only";
import { z } from "zod";
import type { Question } from "@/domain/quiz";
import {
  assignmentStatus,
  factAnalysis,
  itemAnalysis,
  type AnalysisResponse,
  type FactQuestion,
  type FactStats,
  type GradebookRow,
  type ItemAnalysis,
} from "@/domain/teach";
import { assertRole, type Viewer } from "@/server/auth/viewer";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { isPlainText } from "@/domain/text/plain-text";
import { taughtBy } from "./classes";

const TEACHING = ["instructor", "admin"] as const;

export type GradebookAssignment = { id: string; title: string; dueAt: Date; scoring: "best" | "last" | "average" };
export type Gradebook = { classId: string; className: string; assignments: GradebookAssignment[]; rows: GradebookRow[] };

type CellRow = {
  userId: string;
  assignmentId: string;
  attempts: number;
  in_progress: number;
  on_time: number;
  late: number;
  best: number | null;
  average: number | null;
  last: number | null;
  last_finished: Date | null;
  last_activity: Date | null;
};

/**
 * The class's grid, learners × assignments, in four queries whatever the class size: the
 * per-cell aggregates (attempts, counted score for each scoring rule, late, last activity)
 * are computed in SQL.
 */
export async function getGradebook(viewer: Viewer | null, classId: string, now = new Date()): Promise<Gradebook> {
  assertRole(viewer, TEACHING);
  if (!z.uuid().safeParse(classId).success) throw new AppError("NOT_FOUND", { messageKey: "classNotFound" });
  const db = getDb();
  const found = await db.class.findFirst({ where: { id: classId, ...taughtBy(viewer) }, select: { id: true, name: true } });
  if (!found) throw new AppError("NOT_FOUND", { messageKey: "classNotFound" });
  const [assignments, learners] = await Promise.all([
    db.assignment.findMany({
      where: { classId, archivedAt: null },
      orderBy: { dueAt: "asc" },
      select: { id: true, title: true, opensAt: true, dueAt: true, scoring: true },
    }),
    db.enrollment.findMany({
      where: { classId },
      orderBy: { user: { name: "asc" } },
      select: { user: { select: { id: true, name: true, email: true } } },
    }),
  ]);
  // Driven by the class's assignment ids, so PostgreSQL reads this class's attempts through the
  // (assignmentId, userId) index, whatever the size of the whole table. Attempts of learners who
  // left the class find no row below and are ignored.
  const cells = await db.$queryRaw<CellRow[]>`
      SELECT a."userId", a."assignmentId",
             count(*)::int AS attempts,
             (count(*) FILTER (WHERE a.state = 'in_progress'))::int AS in_progress,
             (count(*) FILTER (WHERE a.state = 'finished' AND a."finishedAt" <= s."dueAt"))::int AS on_time,
             (count(*) FILTER (WHERE a.state = 'finished' AND a."finishedAt" > s."dueAt"))::int AS late,
             max(a.score) FILTER (WHERE a.state = 'finished') AS best,
             avg(a.score) FILTER (WHERE a.state = 'finished') AS average,
             (array_agg(a.score ORDER BY a."finishedAt" DESC) FILTER (WHERE a.state = 'finished'))[1] AS last,
             max(a."finishedAt") AS last_finished,
             max(a."lastActivityAt") AS last_activity
        FROM "Attempt" a
        JOIN "Assignment" s ON s.id = a."assignmentId"
       WHERE a."assignmentId" = ANY(${assignments.map((assignment) => assignment.id)}::uuid[])
       GROUP BY a."userId", a."assignmentId"`;

  const byKey = new Map(cells.map((cell) => [`${cell.userId}|${cell.assignmentId}`, cell]));
  const rows: GradebookRow[] = learners.map(({ user }) => {
    const row: GradebookRow = { learner: user, cells: {}, average: null };
    const counted: number[] = [];
    for (const assignment of assignments) {
      const cell = byKey.get(`${user.id}|${assignment.id}`);
      // The status rule reads attempts; the aggregates say which kinds exist.
      const attempts = [
        ...(cell && cell.on_time > 0 ? [{ state: "finished" as const, finishedAt: null }] : []),
        ...(cell && cell.on_time === 0 && cell.late > 0 ? [{ state: "finished" as const, finishedAt: cell.last_finished }] : []),
        ...(cell && cell.in_progress > 0 ? [{ state: "in_progress" as const, finishedAt: null }] : []),
      ];
      const score = cell ? cell[assignment.scoring] : null;
      if (score !== null) counted.push(score);
      row.cells[assignment.id] = {
        counted: score,
        attemptsUsed: cell?.attempts ?? 0,
        late: !!cell && cell.on_time === 0 && cell.late > 0,
        status: assignmentStatus({ opensAt: assignment.opensAt, dueAt: assignment.dueAt, now, attempts }),
        lastActivity: cell?.last_activity ?? null,
      };
    }
    row.average = counted.length > 0 ? counted.reduce((sum, value) => sum + value, 0) / counted.length : null;
    return row;
  });
  return {
    classId: found.id,
    className: found.name,
    assignments: assignments.map(({ id, title, dueAt, scoring }) => ({ id, title, dueAt, scoring })),
    rows,
  };
}

export type AssignmentAnalysis = {
  assignment: { id: string; title: string; classId: string; className: string; sameQuestions: boolean; moduleSlug: string };
  items: ItemAnalysis | null;
  facts: FactStats[] | null;
  /** The facts the class answers worst, from every review of its learners (not only this assignment). */
  weakestFacts: { factKey: string; topic: string; reviews: number; accuracy: number }[];
};

/**
 * Item analysis of an assignment with Moodle's definitions, over each learner's first finished
 * attempt: per question when everyone had the same questions, per fact for per-learner draws.
 */
export async function getAssignmentAnalysis(viewer: Viewer | null, assignmentId: string, locale: "fr" | "en"): Promise<AssignmentAnalysis> {
  assertRole(viewer, TEACHING);
  if (!z.uuid().safeParse(assignmentId).success) throw new AppError("NOT_FOUND", { messageKey: "assignmentNotFound" });
  const db = getDb();
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, class: taughtBy(viewer) },
    select: { id: true, title: true, classId: true, sameQuestions: true, class: { select: { name: true } }, module: { select: { slug: true } } },
  });
  if (!assignment) throw new AppError("NOT_FOUND", { messageKey: "assignmentNotFound" });
  const [attempts, weakest] = await Promise.all([
    // Only what the statistics read: per question its id, facts, topic and type (not the ~40 KB
    // of frozen text per attempt), and the saved scores. The latest attempt's full questions,
    // which item analysis shows, are read on their own below.
    db.$queryRaw<{ userId: string; questions: FactQuestion[]; responses: AnalysisResponse[] }[]>`
      SELECT a."userId",
             (SELECT jsonb_agg(jsonb_build_object('id', q->'id', 'factIds', q->'factIds', 'topic', q->'topic', 'type', q->'type') ORDER BY n)
                FROM jsonb_array_elements(a.questions -> ${locale}::text) WITH ORDINALITY AS x(q, n)) AS questions,
             COALESCE((SELECT json_agg(json_build_object('position', r.position, 'answer', r.answer, 'score', r.score))
                         FROM "Response" r WHERE r."attemptId" = a.id), '[]'::json) AS responses
        FROM "Attempt" a
       WHERE a."assignmentId" = ${assignmentId}::uuid AND a.state = 'finished'
       ORDER BY a."startedAt" ASC, a.id ASC`,
    findWeakestFacts(assignment.classId),
  ]);
  const numbered = new Map<string, number>();
  const analysed = attempts.map((attempt) => {
    const attemptNumber = (numbered.get(attempt.userId) ?? 0) + 1;
    numbered.set(attempt.userId, attemptNumber);
    return { userId: attempt.userId, attemptNumber, responses: attempt.responses, questions: attempt.questions ?? [] };
  });
  let items: ItemAnalysis | null = null;
  let facts: FactStats[] | null = null;
  if (assignment.sameQuestions) {
    // After an edit, attempts may hold different questions: analyse those of the latest set.
    const latest = analysed.at(-1);
    const signature = (questions: readonly FactQuestion[]) => questions.map((q) => q.id).join();
    const same = latest ? analysed.filter((attempt) => signature(attempt.questions) === signature(latest.questions)) : [];
    items = itemAnalysis({ questions: latest ? await latestQuestions(assignmentId, locale) : [], attempts: same });
  } else {
    facts = factAnalysis({ attempts: analysed });
  }
  return {
    assignment: {
      id: assignment.id,
      title: assignment.title,
      classId: assignment.classId,
      className: assignment.class.name,
      sameQuestions: assignment.sameQuestions,
      moduleSlug: assignment.module.slug,
    },
    items,
    facts,
    weakestFacts: weakest,
  };
}

export type LearnerInClass = {
  classId: string;
  className: string;
  learner: { id: string; name: string; email: string };
  attempts: { id: string; assignmentTitle: string; state: "in_progress" | "finished"; startedAt: Date; finishedAt: Date | null; score: number | null; late: boolean }[];
  moduleSlugs: string[];
};

/** One learner of a class the viewer teaches: their attempts at the class's assignments. */
export async function getLearnerInClass(viewer: Viewer | null, classId: string, learnerId: string): Promise<LearnerInClass> {
  assertRole(viewer, TEACHING);
  if (!z.uuid().safeParse(classId).success || !isPlainText(learnerId) || learnerId.length > 64) {
    throw new AppError("NOT_FOUND", { messageKey: "learnerNotInClass" });
  }
  const enrollment = await getDb().enrollment.findFirst({
    where: { classId, userId: learnerId, class: taughtBy(viewer) },
    select: { class: { select: { id: true, name: true } }, user: { select: { id: true, name: true, email: true } } },
  });
  if (!enrollment) throw new AppError("NOT_FOUND", { messageKey: "learnerNotInClass" });
  const attempts = await getDb().attempt.findMany({
    where: { userId: learnerId, assignment: { classId } },
    orderBy: { startedAt: "desc" },
    select: {
      id: true,
      state: true,
      startedAt: true,
      finishedAt: true,
      score: true,
      module: { select: { slug: true } },
      assignment: { select: { title: true, dueAt: true } },
    },
  });
  return {
    classId: enrollment.class.id,
    className: enrollment.class.name,
    learner: enrollment.user,
    attempts: attempts.map((attempt) => ({
      id: attempt.id,
      assignmentTitle: attempt.assignment?.title ?? "",
      state: attempt.state,
      startedAt: attempt.startedAt,
      finishedAt: attempt.finishedAt,
      score: attempt.score,
      late: !!attempt.finishedAt && !!attempt.assignment && attempt.finishedAt > attempt.assignment.dueAt,
    })),
    moduleSlugs: [...new Set(attempts.map((attempt) => attempt.module.slug))],
  };
}

/** The full frozen questions (keys included, for the instructor) of the assignment's latest finished attempt. */
async function latestQuestions(assignmentId: string, locale: "fr" | "en"): Promise<Question[]> {
  const rows = await getDb().$queryRaw<{ questions: Question[] }[]>`
    SELECT questions -> ${locale}::text AS questions FROM "Attempt"
     WHERE "assignmentId" = ${assignmentId}::uuid AND state = 'finished'
     ORDER BY "startedAt" DESC, id DESC LIMIT 1`;
  return rows[0]?.questions ?? [];
}

type WeakFact = { factKey: string; topic: string; reviews: number; accuracy: number };

/** How long a class's weakest facts are reused before they are computed again. */
export const WEAKEST_FACTS_TTL_MS = 60_000;
const weakestByClass = new Map<string, { at: number; facts: Promise<WeakFact[]> }>();

/**
 * The ten facts the class's learners get wrong most often, over every review they made. It reads
 * all their review logs (hundreds of thousands of rows for a large class), so each instance
 * keeps the answer for a minute: item analysis is shown per assignment, and an instructor going
 * through the assignments of one class would otherwise recompute the same aggregate each time.
 * Callers must have checked that the viewer teaches the class.
 */
function findWeakestFacts(classId: string, now = Date.now()): Promise<WeakFact[]> {
  const cached = weakestByClass.get(classId);
  if (cached && now - cached.at < WEAKEST_FACTS_TTL_MS) return cached.facts;
  const facts = getDb().$queryRaw<WeakFact[]>`
      SELECT f.key AS "factKey", t.key AS topic, count(*)::int AS reviews, avg(r.correct::int)::float8 AS accuracy
        FROM "ReviewLog" r
        JOIN "Enrollment" e ON e."userId" = r."userId" AND e."classId" = ${classId}::uuid
        JOIN "Fact" f ON f.id = r."factId"
        JOIN "Topic" t ON t.id = f."topicId"
       WHERE f."retiredAt" IS NULL
       GROUP BY f.key, t.key
       ORDER BY accuracy ASC, reviews DESC
       LIMIT 10`;
  // A failure is not kept: the next request tries again.
  facts.catch(() => weakestByClass.delete(classId));
  if (weakestByClass.size >= 1_000) weakestByClass.delete(weakestByClass.keys().next().value!);
  weakestByClass.set(classId, { at: now, facts });
  return facts;
}
