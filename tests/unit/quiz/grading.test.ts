import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import {
  answerKey,
  buildQuestionBank,
  gradeAnswer,
  type ClozeQuestion,
  type MatchingQuestion,
  type MultipleChoiceQuestion,
  type OrderingQuestion,
  type Question,
  type SingleChoiceQuestion,
  type TrueFalseQuestion,
  type YearAnswerQuestion,
} from "@/domain/quiz";
import { loadJapan } from "./support/japan";

/** Fields every question needs, irrelevant to grading. */
const common = {
  id: "q0000000test",
  module: "test",
  locale: "fr" as const,
  topic: "t",
  factIds: ["f"],
  sections: ["s"],
  stem: "?",
  instruction: "",
  explanation: "",
  difficulty: { score: 0.5, level: "medium" as const },
};
const value = { type: "date" as const, date: "2014", precision: "year" as const };
const option = (id: string, text = id) => ({ id, text, value });

const single: SingleChoiceQuestion = {
  ...common,
  type: "single-choice",
  options: ["o1", "o2", "o3", "o4"].map((id) => option(id)),
  key: { optionId: "o3" },
};
const multiple: MultipleChoiceQuestion = {
  ...common,
  type: "multiple-choice",
  list: "l",
  options: ["o1", "o2", "o3", "o4", "o5", "o6"].map((id) => option(id)),
  key: { optionIds: ["o2", "o5"] },
};
const trueFalse: TrueFalseQuestion = { ...common, type: "true-false", key: { value: false, shown: value } };
const year: YearAnswerQuestion = { ...common, type: "year-answer", key: { year: 2013, tolerance: 0 } };
const cloze: ClozeQuestion = {
  ...common,
  type: "cloze",
  before: "Le Japon a désigné un officier de liaison auprès du ",
  after: ".",
  key: {
    answer: "Commandement maritime allié (MARCOM)",
    accepted: ["Commandement maritime allié (MARCOM)", "Commandement maritime allié", "MARCOM"],
  },
};
const matching: MatchingQuestion = {
  ...common,
  type: "matching",
  prompts: ["p1", "p2", "p3", "p4"].map((id) => ({ id, text: id, factId: id })),
  options: ["o1", "o2", "o3", "o4"].map((id) => ({ id, text: id })),
  key: { pairs: { p1: "o3", p2: "o1", p3: "o4", p4: "o2" } },
};
const ordering: OrderingQuestion = {
  ...common,
  type: "ordering",
  items: ["o1", "o2", "o3", "o4"].map((id) => ({ id, text: id, factId: id })),
  key: { order: ["o3", "o1", "o4", "o2"] },
};

const marks = (score: number) => ({ ok: true, score, correct: score === 1 });

describe("gradeAnswer", () => {
  test.each<[string, Question, unknown, number]>([
    ["single: the key", single, { type: "single-choice", optionId: "o3" }, 1],
    ["single: another option", single, { type: "single-choice", optionId: "o1" }, 0],
    ["multiple: the key", multiple, { type: "multiple-choice", optionIds: ["o5", "o2"] }, 1],
    ["multiple: one right of two, nothing wrong", multiple, { type: "multiple-choice", optionIds: ["o2"] }, 0.5],
    [
      "multiple: both right, one of four wrong",
      multiple,
      { type: "multiple-choice", optionIds: ["o2", "o5", "o1"] },
      0.75,
    ],
    ["multiple: one right, one wrong", multiple, { type: "multiple-choice", optionIds: ["o2", "o1"] }, 0.25],
    ["multiple: one right, two wrong", multiple, { type: "multiple-choice", optionIds: ["o2", "o1", "o3"] }, 0],
    [
      "multiple: everything ticked",
      multiple,
      { type: "multiple-choice", optionIds: ["o1", "o2", "o3", "o4", "o5", "o6"] },
      0,
    ],
    ["multiple: nothing ticked", multiple, { type: "multiple-choice", optionIds: [] }, 0],
    ["true/false: right", trueFalse, { type: "true-false", value: false }, 1],
    ["true/false: wrong", trueFalse, { type: "true-false", value: true }, 0],
    ["year: exact", year, { type: "year-answer", text: "2013" }, 1],
    ["year: in a sentence", year, { type: "year-answer", text: " en avril 2013. " }, 1],
    ["year: a year off", year, { type: "year-answer", text: "2012" }, 0],
    ["year: two years hedged", year, { type: "year-answer", text: "2012 ou 2013" }, 0],
    ["year: a full date is more than a year", year, { type: "year-answer", text: "24/04/2013" }, 0],
    ["year: no number", year, { type: "year-answer", text: "avril" }, 0],
    ["year: empty", year, { type: "year-answer", text: "" }, 0],
    [
      "year: within a tolerance of 1",
      { ...year, key: { year: 2013, tolerance: 1 } },
      { type: "year-answer", text: "2012" },
      1,
    ],
    [
      "year: outside a tolerance of 1",
      { ...year, key: { year: 2013, tolerance: 1 } },
      { type: "year-answer", text: "2011" },
      0,
    ],
    ["cloze: as written", cloze, { type: "cloze", text: "Commandement maritime allié (MARCOM)" }, 1],
    ["cloze: acronym", cloze, { type: "cloze", text: "marcom" }, 1],
    [
      "cloze: no accent, article, extra spaces",
      cloze,
      { type: "cloze", text: "  le commandement   maritime allie " },
      1,
    ],
    ["cloze: typographic apostrophe and case", cloze, { type: "cloze", text: "L’COMMANDEMENT MARITIME ALLIÉ" }, 1],
    ["cloze: part of the name", cloze, { type: "cloze", text: "Commandement maritime" }, 0],
    ["cloze: another command", cloze, { type: "cloze", text: "Commandement aérien allié" }, 0],
    ["cloze: empty", cloze, { type: "cloze", text: "   " }, 0],
    ["matching: the key", matching, { type: "matching", pairs: { p1: "o3", p2: "o1", p3: "o4", p4: "o2" } }, 1],
    ["matching: two of four", matching, { type: "matching", pairs: { p1: "o3", p2: "o1", p3: "o2", p4: "o4" } }, 0.5],
    ["matching: one left out", matching, { type: "matching", pairs: { p1: "o3", p2: "o1", p3: "o4" } }, 0.75],
    [
      "matching: one option for every prompt",
      matching,
      { type: "matching", pairs: { p1: "o3", p2: "o3", p3: "o3", p4: "o3" } },
      0.25,
    ],
    ["ordering: the key", ordering, { type: "ordering", optionIds: ["o3", "o1", "o4", "o2"] }, 1],
    [
      "ordering: neighbours swapped (5 of 6 pairs)",
      ordering,
      { type: "ordering", optionIds: ["o1", "o3", "o4", "o2"] },
      5 / 6,
    ],
    [
      "ordering: last put first (3 of 6 pairs)",
      ordering,
      { type: "ordering", optionIds: ["o2", "o3", "o1", "o4"] },
      3 / 6,
    ],
    ["ordering: reversed", ordering, { type: "ordering", optionIds: ["o2", "o4", "o1", "o3"] }, 0],
  ])("%s", (_, question, answer, score) => {
    expect(gradeAnswer(question, answer)).toEqual(marks(score));
  });

  test.each<[string, Question, unknown, RegExp]>([
    ["an option id not in the question", single, { type: "single-choice", optionId: "o9" }, /unknown option id.*o9/],
    [
      "an answer of another type",
      single,
      { type: "true-false", value: true },
      /true-false answer cannot answer a single-choice/,
    ],
    ["no type", single, { optionId: "o1" }, /malformed answer/],
    ["an unknown field", single, { type: "single-choice", optionId: "o1", cheat: true }, /malformed answer/],
    ["not an object", single, "o1", /malformed answer/],
    ["null", single, null, /malformed answer/],
    ["an option ticked twice", multiple, { type: "multiple-choice", optionIds: ["o2", "o2"] }, /more than once: o2/],
    [
      "an unknown option among others",
      multiple,
      { type: "multiple-choice", optionIds: ["o2", "x"] },
      /unknown option id.*x/,
    ],
    ["a year as a number", year, { type: "year-answer", text: 2013 }, /malformed answer: text/],
    ["a very long text", cloze, { type: "cloze", text: "x".repeat(501) }, /malformed answer: text/],
    ["an unknown prompt", matching, { type: "matching", pairs: { p9: "o1" } }, /unknown prompt id.*p9/],
    ["an unknown matched option", matching, { type: "matching", pairs: { p1: "o9" } }, /unknown option id.*o9/],
    ["an order missing an item", ordering, { type: "ordering", optionIds: ["o3", "o1", "o4"] }, /order all 4 items/],
    [
      "an order with an item twice",
      ordering,
      { type: "ordering", optionIds: ["o3", "o3", "o4", "o2"] },
      /more than once: o3/,
    ],
  ])("%s is invalid, with a reason, and scores 0", (_, question, answer, reason) => {
    const grade = gradeAnswer(question, answer);
    expect(grade).toMatchObject({ ok: false, score: 0, correct: false });
    expect(grade.ok === false && grade.reason).toMatch(reason);
  });
});

describe("grading the bank", async () => {
  const japan = await loadJapan();
  const bank = [
    ...buildQuestionBank(japan, { locale: "fr", seed: 9 }),
    ...buildQuestionBank(japan, { locale: "en", seed: 9 }),
  ];
  const questions = fc.constantFrom(...bank);

  function deepFreeze<T>(value: T): T {
    if (value && typeof value === "object") {
      Object.values(value).forEach(deepFreeze);
      Object.freeze(value);
    }
    return value;
  }

  test("the key of every question scores full marks", () => {
    for (const q of bank) expect(gradeAnswer(q, answerKey(q)), q.id).toEqual(marks(1));
  });

  /** Answers of the question's own shape, made of its own ids: what a real client sends. */
  const plausibleAnswer = (q: Question) => {
    switch (q.type) {
      case "single-choice":
        return fc.constantFrom(...q.options.map((o) => o.id)).map((optionId) => ({ type: q.type, optionId }));
      case "multiple-choice":
        return fc.subarray(q.options.map((o) => o.id)).map((optionIds) => ({ type: q.type, optionIds }));
      case "true-false":
        return fc.boolean().map((v) => ({ type: q.type, value: v }));
      case "year-answer":
        return fc.integer({ min: 1900, max: 2100 }).map((y) => ({ type: q.type, text: String(y) }));
      case "cloze":
        return fc.constantFrom(...q.key.accepted, "", "Tokyo", "l'Espagne").map((text) => ({ type: q.type, text }));
      case "matching":
        return fc
          .array(fc.constantFrom(...q.options.map((o) => o.id)), {
            minLength: q.prompts.length,
            maxLength: q.prompts.length,
          })
          .map((ids) => ({
            type: q.type,
            pairs: Object.fromEntries(q.prompts.map((p, i) => [p.id, ids[i] as string])),
          }));
      case "ordering":
        return fc
          .shuffledSubarray(
            q.items.map((i) => i.id),
            { minLength: q.items.length },
          )
          .map((optionIds) => ({ type: q.type, optionIds }));
    }
  };

  prop.prop([questions.chain((q) => fc.tuple(fc.constant(q), plausibleAnswer(q)))], { numRuns: 2000 })(
    "scores lie in [0, 1], only the key's equivalents score 1, and grading twice changes nothing",
    ([question, answer]) => {
      const frozenQuestion = deepFreeze(structuredClone(question));
      const frozenAnswer = deepFreeze(structuredClone(answer));
      const grade = gradeAnswer(frozenQuestion, frozenAnswer);
      expect(grade.ok).toBe(true);
      expect(grade.score).toBeGreaterThanOrEqual(0);
      expect(grade.score).toBeLessThanOrEqual(1);
      expect(grade.correct).toBe(grade.score === 1);
      expect(gradeAnswer(frozenQuestion, frozenAnswer)).toEqual(grade);
      if (grade.correct) {
        const key = answerKey(question);
        if (answer.type === "multiple-choice" && key.type === "multiple-choice")
          expect([...answer.optionIds].sort()).toEqual([...key.optionIds].sort());
        else if (answer.type === "year-answer" || answer.type === "cloze") expect(answer.type).toBe(key.type);
        else expect(answer).toEqual(key);
      }
    },
  );

  prop.prop([questions, fc.anything()], { numRuns: 2000 })(
    "any input at all is graded or refused, never thrown",
    (question, answer) => {
      const grade = gradeAnswer(question, answer);
      expect(grade.score).toBeGreaterThanOrEqual(0);
      expect(grade.score).toBeLessThanOrEqual(1);
    },
  );
});
