import { beforeEach, describe, expect, test, afterAll } from "vitest";
import type { AssignmentSettings } from "@/domain/teach";
import { loadContentDir } from "@/server/content/load";
import { syncContent } from "@/server/content/sync";
import type { Viewer } from "@/server/auth/viewer";
import { changeRole, listUsersForAdmin } from "@/server/data/admin";
import { createAssignment, getAssignmentForInstructor, openAssignment, updateAssignment } from "@/server/data/assignments";
import { getAttemptForPlayer, getAttemptResults, getAttemptResultsForInstructor, saveAnswer, submitAttempt } from "@/server/data/attempts";
import {
  addInstructor,
  createClass,
  getClassForInstructor,
  joinClass,
  regenerateJoinCode,
  removeLearner,
  renameClass,
  setClassArchived,
} from "@/server/data/classes";
import { getAssignmentAnalysis, getGradebook, getLearnerInClass } from "@/server/data/gradebook";
import { disconnectDb, getDb } from "@/server/db/client";

// Every data operation behind an action or a route, against every kind of viewer, on a class,
// an assignment and an attempt that belong to someone. "ok" means it ran; anything else is the
// error code it must fail with. Ownership is checked inside the queries, so the refusals of
// another learner or another instructor are NOT_FOUND: they learn nothing of what exists.

type Persona = "anonymous" | "learner" | "otherLearner" | "classInstructor" | "otherInstructor" | "admin";
type Outcome = "ok" | "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT";
type World = { classId: string; assignmentId: string; attemptId: string; viewers: Record<Persona, Viewer | null> };

const T0 = new Date("2026-12-01T09:00:00Z");
let world: World;

const settings = (topics: string[]): AssignmentSettings => ({
  title: "Devoir",
  topics,
  size: 4,
  types: ["true-false"],
  opensAt: T0,
  dueAt: new Date(T0.getTime() + 86_400_000),
  timeLimitMinutes: null,
  maxAttempts: null,
  scoring: "best",
  feedback: "immediately",
  sameQuestions: true,
});

beforeEach(async () => {
  const content = await loadContentDir("content");
  if (!content.ok) throw new Error("invalid content");
  await syncContent(getDb(), content.modules);
  const viewers: Record<Persona, Viewer | null> = {
    anonymous: null,
    learner: null,
    otherLearner: null,
    classInstructor: null,
    otherInstructor: null,
    admin: null,
  };
  const roles = { learner: "learner", otherLearner: "learner", classInstructor: "instructor", otherInstructor: "instructor", admin: "admin" } as const;
  for (const [persona, role] of Object.entries(roles) as [Exclude<Persona, "anonymous">, "learner" | "instructor" | "admin"][]) {
    await getDb().user.create({ data: { id: persona, name: persona, email: `${persona.toLowerCase()}@example.org`, role } });
    viewers[persona] = { id: persona, name: persona, email: `${persona.toLowerCase()}@example.org`, role };
  }
  const { id: classId } = await createClass(viewers.classInstructor, { name: "Classe" });
  await createClass(viewers.otherInstructor, { name: "Autre classe" });
  const { joinCode } = await getDb().class.findUniqueOrThrow({ where: { id: classId }, select: { joinCode: true } });
  await joinClass(viewers.learner, { code: joinCode });
  await joinClass(viewers.otherLearner, { code: joinCode });
  const topics = content.modules[0]!.topics.map((topic) => topic.id);
  const { id: assignmentId } = await createAssignment(viewers.classInstructor, { classId, module: "nato-japan", settings: settings(topics) });
  const { attemptId } = await openAssignment(viewers.learner!, assignmentId, new Date(T0.getTime() + 3_600_000));
  world = { classId, assignmentId, attemptId, viewers };
});

afterAll(async () => {
  await disconnectDb();
});

const later = new Date(T0.getTime() + 7_200_000);
const answer = { type: "true-false", value: true } as const;

type Operation = { name: string; run: (viewer: Viewer | null, w: World) => Promise<unknown>; expect: Partial<Record<Persona, Outcome>> };

// Viewer-only operations (the action wrapper refuses anonymous callers before they run).
const needsViewer = (run: (viewer: Viewer, w: World) => Promise<unknown>) => (viewer: Viewer | null, w: World) =>
  viewer ? run(viewer, w) : Promise.reject(Object.assign(new Error("anonymous"), { code: "UNAUTHENTICATED" }));

const TEACHER_ONLY: Partial<Record<Persona, Outcome>> = {
  anonymous: "UNAUTHENTICATED",
  learner: "FORBIDDEN",
  otherLearner: "FORBIDDEN",
  classInstructor: "ok",
  otherInstructor: "NOT_FOUND",
  admin: "NOT_FOUND",
};
const OWNER_ONLY: Partial<Record<Persona, Outcome>> = {
  anonymous: "UNAUTHENTICATED",
  learner: "ok",
  otherLearner: "NOT_FOUND",
  classInstructor: "NOT_FOUND",
  otherInstructor: "NOT_FOUND",
  admin: "NOT_FOUND",
};

const OPERATIONS: Operation[] = [
  { name: "changeRole", run: (v) => changeRole(v, { userId: "otherLearner", role: "instructor" }), expect: { anonymous: "UNAUTHENTICATED", learner: "FORBIDDEN", classInstructor: "FORBIDDEN", admin: "ok" } },
  { name: "listUsersForAdmin", run: (v) => listUsersForAdmin(v, {}), expect: { anonymous: "UNAUTHENTICATED", learner: "FORBIDDEN", classInstructor: "FORBIDDEN", admin: "ok" } },
  { name: "createClass", run: (v) => createClass(v, { name: "Nouvelle" }), expect: { anonymous: "UNAUTHENTICATED", learner: "FORBIDDEN", classInstructor: "ok", admin: "ok" } },
  { name: "getClassForInstructor", run: (v, w) => getClassForInstructor(v, w.classId), expect: TEACHER_ONLY },
  { name: "renameClass", run: (v, w) => renameClass(v, { classId: w.classId, name: "Renommée" }), expect: TEACHER_ONLY },
  { name: "setClassArchived", run: (v, w) => setClassArchived(v, { classId: w.classId, archived: true }), expect: TEACHER_ONLY },
  { name: "regenerateJoinCode", run: (v, w) => regenerateJoinCode(v, { classId: w.classId }), expect: TEACHER_ONLY },
  { name: "removeLearner", run: (v, w) => removeLearner(v, { classId: w.classId, userId: "otherLearner" }), expect: TEACHER_ONLY },
  { name: "addInstructor", run: (v, w) => addInstructor(v, { classId: w.classId, email: "otherinstructor@example.org" }), expect: TEACHER_ONLY },
  { name: "createAssignment", run: (v, w) => createAssignment(v, { classId: w.classId, module: "nato-japan", settings: settings(["framework"]) }), expect: TEACHER_ONLY },
  { name: "updateAssignment", run: (v, w) => updateAssignment(v, { assignmentId: w.assignmentId, module: "nato-japan", settings: settings(["framework"]) }), expect: TEACHER_ONLY },
  { name: "getAssignmentForInstructor", run: (v, w) => getAssignmentForInstructor(v, w.assignmentId), expect: TEACHER_ONLY },
  { name: "getGradebook", run: (v, w) => getGradebook(v, w.classId), expect: TEACHER_ONLY },
  { name: "getAssignmentAnalysis", run: (v, w) => getAssignmentAnalysis(v, w.assignmentId, "fr"), expect: TEACHER_ONLY },
  { name: "getLearnerInClass", run: (v, w) => getLearnerInClass(v, w.classId, "learner"), expect: TEACHER_ONLY },
  { name: "getAttemptResultsForInstructor", run: needsViewer((v, w) => getAttemptResultsForInstructor(v, w.attemptId, "fr")), expect: { anonymous: "UNAUTHENTICATED", learner: "NOT_FOUND", otherLearner: "NOT_FOUND", classInstructor: "ok", otherInstructor: "NOT_FOUND", admin: "NOT_FOUND" } },
  { name: "getAttemptForPlayer", run: needsViewer((v, w) => getAttemptForPlayer(v, w.attemptId, "fr", later)), expect: OWNER_ONLY },
  { name: "saveAnswer", run: needsViewer((v, w) => saveAnswer(v, { attemptId: w.attemptId, position: 0, answer, locale: "fr" }, later)), expect: OWNER_ONLY },
  { name: "submitAttempt", run: needsViewer((v, w) => submitAttempt(v, w.attemptId, later)), expect: OWNER_ONLY },
  { name: "getAttemptResults", run: needsViewer((v, w) => getAttemptResults(v, w.attemptId, "fr", later)), expect: OWNER_ONLY },
  { name: "openAssignment", run: needsViewer((v, w) => openAssignment(v, w.assignmentId, later)), expect: { anonymous: "UNAUTHENTICATED", learner: "ok", otherLearner: "ok", classInstructor: "NOT_FOUND", otherInstructor: "NOT_FOUND", admin: "NOT_FOUND" } },
];

const CASES = OPERATIONS.flatMap((operation) =>
  (Object.entries(operation.expect) as [Persona, Outcome][]).map(([persona, outcome]) => ({ operation: operation.name, persona, outcome, run: operation.run })),
);

describe("authorization matrix", () => {
  test("covers every persona for the teaching operations", () => {
    for (const operation of OPERATIONS.filter((o) => o.expect === TEACHER_ONLY)) {
      expect(Object.keys(operation.expect).sort()).toEqual(["admin", "anonymous", "classInstructor", "learner", "otherInstructor", "otherLearner"]);
    }
    expect(CASES.length).toBeGreaterThan(100);
  });

  test.each(CASES)("$operation as $persona → $outcome", async ({ persona, outcome, run }) => {
    const counts = async () => ({
      classes: await getDb().class.findMany({ select: { name: true, joinCode: true, archivedAt: true }, orderBy: { name: "asc" } }),
      enrollments: await getDb().enrollment.count(),
      responses: await getDb().response.count(),
      roles: await getDb().user.findMany({ select: { id: true, role: true }, orderBy: { id: "asc" } }),
      assignments: await getDb().assignment.findMany({ select: { size: true, topics: true }, orderBy: { id: "asc" } }),
      finished: await getDb().attempt.count({ where: { state: "finished" } }),
    });
    const before = outcome === "ok" ? null : await counts();
    const result = await run(world.viewers[persona], world).then(
      () => "ok" as const,
      (error: { code?: string }) => error.code ?? `unexpected: ${String(error)}`,
    );
    expect(result).toBe(outcome);
    // A refusal writes nothing.
    if (before) expect(await counts()).toEqual(before);
  });
});
