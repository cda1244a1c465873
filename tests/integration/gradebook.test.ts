import { afterAll, beforeEach, describe, expect, test } from "vitest";
import type { FrozenQuestions } from "@/domain/attempt/frozen";
import { answerKey, type Question } from "@/domain/quiz";
import { filterGradebook, type AssignmentSettings } from "@/domain/teach";
import { loadContentDir } from "@/server/content/load";
import { syncContent } from "@/server/content/sync";
import type { Viewer } from "@/server/auth/viewer";
import { createAssignment, openAssignment, updateAssignment } from "@/server/data/assignments";
import { getAttemptResultsForInstructor, saveAnswer, submitAttempt } from "@/server/data/attempts";
import { addInstructor, createClass, joinClass } from "@/server/data/classes";
import { getAssignmentAnalysis, getGradebook, getLearnerInClass } from "@/server/data/gradebook";
import { getModuleMastery } from "@/server/data/progress";
import { disconnectDb, getDb, getPool } from "@/server/db/client";

// The data behind the instructor's gradebook, drill-down and item analysis, on a real
// database: counted scores under each scoring rule, late work, who may see what, and a number
// of queries that does not grow with the class.

const people: Record<string, Viewer> = {};
let topics: string[];
const T0 = new Date("2026-12-01T09:00:00Z");
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

async function makeViewer(id: string, role: Viewer["role"]): Promise<Viewer> {
  await getDb().user.create({ data: { id, name: id, email: `${id}@example.org`, role } });
  people[id] = { id, name: id, email: `${id}@example.org`, role };
  return people[id];
}

beforeEach(async () => {
  const content = await loadContentDir("content");
  if (!content.ok) throw new Error("invalid content");
  await syncContent(getDb(), content.modules);
  topics = content.modules[0]!.topics.map((topic) => topic.id);
  for (const [id, role] of [["ines", "instructor"], ["otto", "instructor"], ["ada", "admin"], ["leo", "learner"], ["mia", "learner"]] as const) {
    await makeViewer(id, role);
  }
});

afterAll(async () => {
  await disconnectDb();
});

const settings = (overrides: Partial<AssignmentSettings> = {}): AssignmentSettings => ({
  title: "Devoir",
  topics,
  size: 4,
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

/** A class taught by ines with these learners in it. */
async function classWith(learners: readonly Viewer[]): Promise<string> {
  const { id } = await createClass(people.ines!, { name: "Relations OTAN–Japon" });
  const { joinCode } = await getDb().class.findUniqueOrThrow({ where: { id }, select: { joinCode: true } });
  for (const learner of learners) await joinClass(learner, { code: joinCode });
  return id;
}

async function frozen(attemptId: string): Promise<Question[]> {
  const row = await getDb().attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { questions: true } });
  return (row.questions as unknown as FrozenQuestions).fr;
}

/**
 * One attempt: opened at `at`, the questions at `right` answered with their key (the others
 * left blank, so they score 0), submitted six minutes later.
 */
async function takeAttempt(learner: Viewer, assignmentId: string, at: Date, right: readonly number[]): Promise<string> {
  const { attemptId } = await openAssignment(learner, assignmentId, at);
  const questions = await frozen(attemptId);
  for (const position of right) {
    await saveAnswer(learner, { attemptId, position, answer: answerKey(questions[position]!), locale: "fr" }, at);
  }
  await submitAttempt(learner, attemptId, new Date(at.getTime() + 360_000));
  return attemptId;
}

describe("the gradebook", () => {
  test("counts the best, the last or the average score of two attempts, as each assignment says", async () => {
    const classId = await classWith([people.leo!, people.mia!]);
    const ids: Record<string, string> = {};
    for (const scoring of ["best", "last", "average"] as const) {
      ids[scoring] = (await createAssignment(people.ines!, { classId, module: "nato-japan", settings: settings({ title: scoring, scoring }) })).id;
      // 3 of 4 right, then 1 of 4: 0.75 then 0.25.
      await takeAttempt(people.leo!, ids[scoring], hours(1), [0, 1, 2]);
      await takeAttempt(people.leo!, ids[scoring], hours(2), [3]);
    }

    const before = await getGradebook(people.ines!, classId, hours(3));
    expect(before).toMatchObject({ classId, className: "Relations OTAN–Japon" });
    expect(before.assignments.map((assignment) => assignment.scoring).sort()).toEqual(["average", "best", "last"]);
    const leo = before.rows.find((row) => row.learner.id === "leo")!;
    expect(leo.cells[ids.best!]).toMatchObject({ counted: 0.75, attemptsUsed: 2, late: false, status: "done" });
    expect(leo.cells[ids.last!]).toMatchObject({ counted: 0.25, attemptsUsed: 2, late: false, status: "done" });
    expect(leo.cells[ids.average!]!.counted).toBeCloseTo(0.5, 10);
    expect(leo.cells[ids.best!]!.lastActivity).toBeInstanceOf(Date);
    expect(leo.average).toBeCloseTo((0.75 + 0.25 + 0.5) / 3, 10);

    // A learner with nothing: no score, no attempt; to do before the due date, missed after.
    const mia = before.rows.find((row) => row.learner.id === "mia")!;
    expect(mia.cells[ids.best!]).toMatchObject({ counted: null, attemptsUsed: 0, late: false, status: "to-do", lastActivity: null });
    expect(mia.average).toBeNull();
    const after = await getGradebook(people.ines!, classId, hours(49));
    expect(after.rows.find((row) => row.learner.id === "mia")!.cells[ids.best!]!.status).toBe("missed");
    expect(filterGradebook(after.rows, { status: "missing" }).map((row) => row.learner.id)).toEqual(["mia"]);
  });

  test("flags an attempt finished after the due date, which the instructor brought forward meanwhile", async () => {
    const classId = await classWith([people.leo!, people.mia!]);
    const { id } = await createAssignment(people.ines!, { classId, module: "nato-japan", settings: settings() });
    // Leo starts under the first due date (his attempt keeps that deadline); Mia finishes early.
    const { attemptId: leoAttempt } = await openAssignment(people.leo!, id, hours(1));
    await takeAttempt(people.mia!, id, hours(2), [0, 1]);
    await updateAssignment(people.ines!, { assignmentId: id, module: "nato-japan", settings: settings({ dueAt: hours(10) }) });
    await submitAttempt(people.leo!, leoAttempt, hours(20));

    const gradebook = await getGradebook(people.ines!, classId, hours(21));
    const cell = (learnerId: string) => gradebook.rows.find((row) => row.learner.id === learnerId)!.cells[id]!;
    expect(cell("leo")).toMatchObject({ late: true, status: "late", attemptsUsed: 1, counted: 0 });
    expect(cell("mia")).toMatchObject({ late: false, status: "done", counted: 0.5 });
    expect(filterGradebook(gradebook.rows, { status: "late" }).map((row) => row.learner.id)).toEqual(["leo"]);

    // The drill-down says the same, and its attempt opens read-only for the instructor.
    const leo = await getLearnerInClass(people.ines!, classId, "leo");
    expect(leo.attempts).toEqual([expect.objectContaining({ id: leoAttempt, state: "finished", late: true, score: 0 })]);
    expect(leo.moduleSlugs).toEqual(["nato-japan"]);
    const results = await getAttemptResultsForInstructor(people.ines!, leoAttempt, "fr");
    expect(results!.questions).toHaveLength(4);
    const mastery = await getModuleMastery({ ...leo.learner, role: "learner" }, "nato-japan");
    expect(mastery!.module.total).toBeGreaterThan(0);
    expect([...mastery!.topics.values()].reduce((sum, topic) => sum + topic.total, 0)).toBe(mastery!.module.total);
  });

  test("only the class's instructors see it: another instructor and a non-teaching admin get NOT_FOUND, a learner FORBIDDEN", async () => {
    const classId = await classWith([people.leo!]);
    const { id } = await createAssignment(people.ines!, { classId, module: "nato-japan", settings: settings() });
    const attemptId = await takeAttempt(people.leo!, id, hours(1), [0]);

    for (const outsider of [people.otto!, people.ada!]) {
      await expect(getGradebook(outsider, classId)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getAssignmentAnalysis(outsider, id, "fr")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getLearnerInClass(outsider, classId, "leo")).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getAttemptResultsForInstructor(outsider, attemptId, "fr")).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    for (const learner of [people.leo!, people.mia!]) {
      await expect(getGradebook(learner, classId)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getAssignmentAnalysis(learner, id, "fr")).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getLearnerInClass(learner, classId, "leo")).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(getGradebook(null, classId)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    // Malformed ids look missing rather than failing.
    await expect(getGradebook(people.ines!, "not-a-uuid")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getLearnerInClass(people.ines!, classId, "mia")).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Once ines adds ada as an instructor of the class, ada sees it.
    await addInstructor(people.ines!, { classId, email: "ada@example.org" });
    expect((await getGradebook(people.ada!, classId)).rows).toHaveLength(1);
  });

  test("takes the same number of queries for 3 learners as for 30", async () => {
    const learners = [people.leo!, people.mia!, await makeViewer("noa", "learner")];
    const classId = await classWith(learners);
    const assignments = [];
    for (const title of ["Un", "Deux"]) {
      assignments.push((await createAssignment(people.ines!, { classId, module: "nato-japan", settings: settings({ title }) })).id);
    }
    for (const learner of learners) await takeAttempt(learner, assignments[0]!, hours(1), [0, 1]);

    await disconnectDb();
    let queries = 0;
    getPool().on("connect", (client) => {
      const query = client.query.bind(client);
      client.query = ((...args: Parameters<typeof query>) => {
        queries += 1;
        return query(...args);
      }) as typeof client.query;
    });
    queries = 0;
    const small = await getGradebook(people.ines!, classId, hours(3));
    const smallQueries = queries;
    expect(small.rows).toHaveLength(3);
    expect(smallQueries).toBeGreaterThan(0);
    // Four reads (class, assignments, learners, aggregated cells) and whatever the driver adds.
    expect(smallQueries).toBeLessThanOrEqual(6);

    const { joinCode } = await getDb().class.findUniqueOrThrow({ where: { id: classId }, select: { joinCode: true } });
    for (let index = 0; index < 27; index += 1) {
      const learner = await makeViewer(`learner-${String(index).padStart(2, "0")}`, "learner");
      await joinClass(learner, { code: joinCode });
      await takeAttempt(learner, assignments[index % 2]!, hours(1), [index % 4]);
      if (index % 3 === 0) await takeAttempt(learner, assignments[index % 2]!, hours(2), [0, 1, 2, 3]);
    }
    queries = 0;
    const large = await getGradebook(people.ines!, classId, hours(3));
    expect(large.rows).toHaveLength(30);
    expect(large.rows.filter((row) => row.average !== null)).toHaveLength(30);
    expect(queries).toBe(smallQueries);
  });
});

describe("item analysis", () => {
  test("with the same questions for four learners, a question everyone got right has a facility of 100, over first attempts only", async () => {
    const learners = [people.leo!, people.mia!, await makeViewer("noa", "learner"), await makeViewer("eve", "learner")];
    const classId = await classWith(learners);
    const { id } = await createAssignment(people.ines!, {
      classId,
      module: "nato-japan",
      settings: settings({ types: ["single-choice"], size: 4, maxAttempts: null }),
    });
    // Everyone gets question 1 right; questions 2–4 are right for fewer and fewer learners.
    const right = [[0, 1, 2, 3], [0, 1, 2], [0, 1], [0]];
    for (const [index, learner] of learners.entries()) await takeAttempt(learner, id, hours(1 + index), right[index]!);
    // A second attempt, all blank, is not analysed: Moodle uses each learner's first attempt.
    await takeAttempt(people.leo!, id, hours(6), []);

    const analysis = await getAssignmentAnalysis(people.ines!, id, "fr");
    expect(analysis.assignment).toMatchObject({ id, classId, className: "Relations OTAN–Japon", sameQuestions: true, moduleSlug: "nato-japan" });
    expect(analysis.facts).toBeNull();
    const items = analysis.items!;
    expect(items.n).toBe(4);
    expect(items.items.map((item) => item.facility)).toEqual([100, 75, 50, 25]);
    const first = items.items[0]!;
    expect(first).toMatchObject({ n: 4, answered: 4, facility: 100, sd: 0, discrimination: null });
    // Everyone chose the key: the distractors are flagged as rarely chosen.
    const key = first.options!.find((option) => option.isKey)!;
    expect(key).toMatchObject({ count: 4, share: 100, rarelyChosen: false });
    expect(first.options!.filter((option) => !option.isKey).every((option) => option.count === 0 && option.rarelyChosen)).toBe(true);
    // Question 2 separates those who did well on the rest from those who did not.
    expect(items.items[1]!.discrimination).toBeGreaterThan(0);
    // The class's weakest facts come from the learners' reviews, worst first.
    expect(analysis.weakestFacts.length).toBeGreaterThan(0);
    const accuracies = analysis.weakestFacts.map((fact) => fact.accuracy);
    expect(accuracies).toEqual([...accuracies].sort((a, b) => a - b));
  });

  test("with a draw per learner, facility is given per fact instead", async () => {
    const classId = await classWith([people.leo!, people.mia!]);
    const { id } = await createAssignment(people.ines!, { classId, module: "nato-japan", settings: settings({ sameQuestions: false }) });
    await takeAttempt(people.leo!, id, hours(1), [0, 1, 2, 3]);
    await takeAttempt(people.mia!, id, hours(2), []);
    const analysis = await getAssignmentAnalysis(people.ines!, id, "en");
    expect(analysis.items).toBeNull();
    expect(analysis.facts!.length).toBeGreaterThanOrEqual(4);
    expect(analysis.facts!.reduce((sum, fact) => sum + fact.n, 0)).toBe(8);
    expect(analysis.facts!.map((fact) => fact.facility)).toEqual([...analysis.facts!.map((fact) => fact.facility)].sort((a, b) => a - b));
  });
});
