import { afterAll, beforeEach, describe, expect, test } from "vitest";
import { answerKey } from "@/domain/quiz";
import { AssignmentFormSchema, type AssignmentSettings } from "@/domain/teach";
import type { FrozenQuestions } from "@/domain/attempt/frozen";
import { loadContentDir } from "@/server/content/load";
import { syncContent } from "@/server/content/sync";
import type { Viewer } from "@/server/auth/viewer";
import { createAssignment, listAssignmentsForLearner, openAssignment, updateAssignment } from "@/server/data/assignments";
import { getAttemptResults, getAttemptResultsForInstructor, saveAnswer, submitAttempt } from "@/server/data/attempts";
import { createClass, joinClass, regenerateJoinCode, setClassArchived } from "@/server/data/classes";
import { disconnectDb, getDb } from "@/server/db/client";

const people: Record<string, Viewer> = {};
let topics: string[];
const T0 = new Date("2026-12-01T09:00:00Z");
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

beforeEach(async () => {
  const content = await loadContentDir("content");
  if (!content.ok) throw new Error("invalid content");
  await syncContent(getDb(), content.modules);
  topics = content.modules[0]!.topics.map((topic) => topic.id);
  for (const [id, role] of [["ines", "instructor"], ["otto", "instructor"], ["leo", "learner"], ["mia", "learner"], ["ada", "admin"]] as const) {
    await getDb().user.create({ data: { id, name: id, email: `${id}@example.org`, role } });
    people[id] = { id, name: id, email: `${id}@example.org`, role };
  }
});

afterAll(async () => {
  await disconnectDb();
});

const settings = (overrides: Partial<AssignmentSettings> = {}): AssignmentSettings => ({
  title: "Devoir 1",
  topics,
  size: 5,
  types: ["true-false", "single-choice"],
  opensAt: T0,
  dueAt: hours(48),
  timeLimitMinutes: null,
  maxAttempts: 2,
  scoring: "best",
  feedback: "immediately",
  sameQuestions: true,
  ...overrides,
});

async function classWithLearner(): Promise<{ classId: string; joinCode: string }> {
  const { id } = await createClass(people.ines!, { name: "Relations internationales" });
  const { joinCode } = await getDb().class.findUniqueOrThrow({ where: { id }, select: { joinCode: true } });
  await joinClass(people.leo!, { code: joinCode });
  return { classId: id, joinCode };
}

describe("classes", () => {
  test("an instructor creates a class with an unambiguous join code; a learner joins with it typed loosely", async () => {
    const { id } = await createClass(people.ines!, { name: "Groupe A" });
    const { joinCode } = await getDb().class.findUniqueOrThrow({ where: { id }, select: { joinCode: true } });
    expect(joinCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    const loose = `${joinCode.slice(0, 3).toLowerCase()}-${joinCode.slice(3)} `;
    expect(await joinClass(people.mia!, { code: loose })).toMatchObject({ classId: id });
    expect(await joinClass(people.mia!, { code: joinCode })).toMatchObject({ classId: id });
    expect(await getDb().enrollment.count({ where: { classId: id } })).toBe(1);
  });

  test("learners cannot create classes; an unknown or archived code is refused with a clear key", async () => {
    await expect(createClass(people.leo!, { name: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(joinClass(people.leo!, { code: "ZZZZZZ" })).rejects.toMatchObject({ code: "NOT_FOUND", messageKey: "joinCodeUnknown" });
    const { classId, joinCode } = await classWithLearner();
    await setClassArchived(people.ines!, { classId, archived: true });
    await expect(joinClass(people.mia!, { code: joinCode })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "classArchived" });
  });

  test("a regenerated code replaces the old one; another instructor cannot touch the class", async () => {
    const { classId, joinCode } = await classWithLearner();
    await expect(regenerateJoinCode(people.otto!, { classId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { joinCode: fresh } = await regenerateJoinCode(people.ines!, { classId });
    expect(fresh).not.toBe(joinCode);
    await expect(joinClass(people.mia!, { code: joinCode })).rejects.toMatchObject({ messageKey: "joinCodeUnknown" });
  });
});

describe("assignments", () => {
  test("a due date before the opening date, or more questions than the bank holds, is refused", async () => {
    const { classId } = await classWithLearner();
    const form = AssignmentFormSchema.safeParse({
      title: "x",
      topics: topics[0],
      types: "true-false",
      size: "5",
      opensAt: "2026-12-10T09:00",
      dueAt: "2026-12-09T09:00",
      timeLimitMinutes: "",
      maxAttempts: "",
      scoring: "best",
      feedback: "immediately",
      timeZone: "Europe/Paris",
    });
    expect(form.success).toBe(false);
    expect(form.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual(["dueAt", "dueBeforeOpen"]);
    await expect(createAssignment(people.ines!, { classId, module: "nato-japan", settings: settings({ topics: [topics[0]!], size: 40 }) })).rejects.toMatchObject({
      code: "INVALID",
      messageKey: "sizeAboveBank",
    });
    await expect(createAssignment(people.otto!, { classId, module: "nato-japan", settings: settings() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDb().assignment.count()).toBe(0);
  });

  test("the server enforces dates and attempts; opening twice at once gives one attempt; the deadline is capped at the due date", async () => {
    const { classId } = await classWithLearner();
    const { id } = await createAssignment(people.ines!, { classId, module: "nato-japan", settings: settings({ timeLimitMinutes: 120 }) });
    await expect(openAssignment(people.leo!, id, hours(-1))).rejects.toMatchObject({ code: "CONFLICT", messageKey: "notOpen" });
    await expect(openAssignment(people.mia!, id, hours(1))).rejects.toMatchObject({ code: "NOT_FOUND" });

    const [a, b] = await Promise.all([openAssignment(people.leo!, id, hours(47)), openAssignment(people.leo!, id, hours(47))]);
    expect(a.attemptId).toBe(b.attemptId);
    const attempt = await getDb().attempt.findUniqueOrThrow({ where: { id: a.attemptId } });
    expect(attempt.deadlineAt).toEqual(hours(48));

    await submitAttempt(people.leo!, a.attemptId, hours(47.5));
    const second = await openAssignment(people.leo!, id, hours(47.6));
    await submitAttempt(people.leo!, second.attemptId, hours(47.7));
    await expect(openAssignment(people.leo!, id, hours(47.8))).rejects.toMatchObject({ messageKey: "noAttemptsLeft" });
    const listed = await listAssignmentsForLearner(people.leo!, hours(47.9));
    expect(listed).toEqual([expect.objectContaining({ id, status: "done", attemptsUsed: 2, attemptsLeft: 0 })]);
  });

  test("an attempt whose time ran out is graded and closed when the learner opens the assignment again, and a new one starts", async () => {
    const { classId } = await classWithLearner();
    const { id } = await createAssignment(people.ines!, { classId, module: "nato-japan", settings: settings({ timeLimitMinutes: 10 }) });
    const first = await openAssignment(people.leo!, id, hours(1));
    const frozen = (await getDb().attempt.findUniqueOrThrow({ where: { id: first.attemptId } })).questions as unknown as FrozenQuestions;
    await saveAnswer(people.leo!, { attemptId: first.attemptId, position: 0, locale: "fr", answer: answerKey(frozen.fr[0]!) }, hours(1.05));

    const second = await openAssignment(people.leo!, id, hours(2));
    expect(second.attemptId).not.toBe(first.attemptId);
    const closed = await getDb().attempt.findUniqueOrThrow({ where: { id: first.attemptId } });
    expect(closed).toMatchObject({ state: "finished", finishedAt: new Date(hours(1).getTime() + 10 * 60_000), points: 1 });
  });

  test("the database itself refuses a second in-progress attempt at one assignment, while practice attempts stay free", async () => {
    const { classId } = await classWithLearner();
    const { id } = await createAssignment(people.ines!, { classId, module: "nato-japan", settings: settings() });
    const { attemptId } = await openAssignment(people.leo!, id, hours(1));
    const row = await getDb().attempt.findUniqueOrThrow({ where: { id: attemptId } });
    const copy = { userId: row.userId, moduleId: row.moduleId, settings: row.settings ?? {}, questions: row.questions ?? {}, questionCount: row.questionCount };
    await expect(getDb().attempt.create({ data: { ...copy, assignmentId: id } })).rejects.toMatchObject({ code: "P2002" });
    await getDb().attempt.create({ data: copy });
    await getDb().attempt.create({ data: copy });
    expect(await getDb().attempt.count({ where: { userId: row.userId, state: "in_progress" } })).toBe(3);
  });

  test("after the due date nothing starts, and an assignment left untouched is missed", async () => {
    const { classId } = await classWithLearner();
    const { id } = await createAssignment(people.ines!, { classId, module: "nato-japan", settings: settings() });
    await expect(openAssignment(people.leo!, id, hours(49))).rejects.toMatchObject({ messageKey: "closed" });
    expect((await listAssignmentsForLearner(people.leo!, hours(49)))[0]!.status).toBe("missed");
  });

  test("editing an assignment after a learner started keeps their questions and the settings they started with", async () => {
    const { classId } = await classWithLearner();
    const { id } = await createAssignment(people.ines!, { classId, module: "nato-japan", settings: settings() });
    const { attemptId } = await openAssignment(people.leo!, id, hours(1));
    const before = await getDb().attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { questions: true, settings: true } });
    await updateAssignment(people.ines!, { assignmentId: id, module: "nato-japan", settings: settings({ size: 8, types: ["single-choice"], maxAttempts: 5 }) });
    const after = await getDb().attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { questions: true, settings: true } });
    expect(after).toEqual(before);
    expect(await openAssignment(people.leo!, id, hours(2))).toEqual({ attemptId });
  });

  test("feedback after the due date: the learner sees only the score until then; the class's instructor sees everything", async () => {
    const { classId } = await classWithLearner();
    const { id } = await createAssignment(people.ines!, { classId, module: "nato-japan", settings: settings({ feedback: "after-due" }) });
    const { attemptId } = await openAssignment(people.leo!, id, hours(1));
    const row = await getDb().attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { questions: true } });
    const first = (row.questions as unknown as FrozenQuestions).fr[0]!;
    await saveAnswer(people.leo!, { attemptId, position: 0, answer: answerKey(first), locale: "fr" }, hours(1));
    await submitAttempt(people.leo!, attemptId, hours(2));

    const early = await getAttemptResults(people.leo!, attemptId, "fr", hours(3));
    expect(early!.questions).toEqual([]);
    expect(early!.feedbackAvailableAt).toBeInstanceOf(Date);
    expect(early!.score).toBeGreaterThan(0);
    const late = await getAttemptResults(people.leo!, attemptId, "fr", hours(49));
    expect(late!.questions).toHaveLength(5);

    expect((await getAttemptResultsForInstructor(people.ines!, attemptId, "fr"))!.questions).toHaveLength(5);
    await expect(getAttemptResultsForInstructor(people.otto!, attemptId, "fr")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
