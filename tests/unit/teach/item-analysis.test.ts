import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import type {
  MultipleChoiceQuestion,
  Question,
  SingleChoiceQuestion,
  TrueFalseQuestion,
  YearAnswerQuestion,
} from "@/domain/quiz";
import { discriminationIndex, factAnalysis, itemAnalysis, selectAttempts, type AnalysisAttempt } from "@/domain/teach";

const value = { type: "date" as const, date: "2014", precision: "year" as const };
const base = (id: string, factId: string, topic = "t") => ({
  id,
  module: "m",
  locale: "fr" as const,
  topic,
  factIds: [factId],
  sections: ["s"],
  stem: `stem ${id}`,
  instruction: "",
  explanation: "",
  difficulty: { score: 0.5, level: "medium" as const },
});
const options = (ids: string[]) => ids.map((id) => ({ id, text: `text ${id}`, value }));

const single: SingleChoiceQuestion = {
  ...base("q1", "f1"),
  type: "single-choice",
  options: options(["o1", "o2", "o3", "o4"]),
  key: { optionId: "o1" },
};
const trueFalse: TrueFalseQuestion = { ...base("q2", "f2"), type: "true-false", key: { value: true, shown: value } };
const year: YearAnswerQuestion = { ...base("q3", "f3"), type: "year-answer", key: { year: 2014, tolerance: 0 } };
const questions: Question[] = [single, trueFalse, year];

const answerFor = (question: Question, right: boolean, optionId?: string): unknown => {
  switch (question.type) {
    case "single-choice":
      return { type: "single-choice", optionId: optionId ?? (right ? question.key.optionId : "o2") };
    case "true-false":
      return { type: "true-false", value: right === question.key.value };
    default:
      return { type: "year-answer", text: right ? "2014" : "2000" };
  }
};

/** One attempt from a row of item scores; `blank` positions have no saved response. */
function attempt(
  userId: string,
  attemptNumber: number,
  scores: number[],
  extra: { blank?: number[]; choice?: string } = {},
): AnalysisAttempt {
  return {
    userId,
    attemptNumber,
    responses: scores.flatMap((score, position) =>
      extra.blank?.includes(position)
        ? []
        : [
            {
              position,
              score,
              answer: answerFor(questions[position]!, score === 1, position === 0 ? extra.choice : undefined),
            },
          ],
    ),
  };
}

// The hand-computed matrix (docs/decisions/0008 works it through):
//        q1 q2 q3  total
// ana     1  1  1   3
// bruno   1  1  0   2
// chloé   1  0  1   2
// david   0  1  0   1   (chose o2 on q1)
// émilie  0  0  0   0   (left q1 blank)
const firstAttempts = [
  attempt("ana", 1, [1, 1, 1]),
  attempt("bruno", 1, [1, 1, 0]),
  attempt("chloe", 1, [1, 0, 1]),
  attempt("david", 1, [0, 1, 0], { choice: "o2" }),
  attempt("emilie", 1, [0, 0, 0], { blank: [0] }),
];
// Second attempts, which the default (first attempts) must ignore.
const secondAttempts = [attempt("david", 2, [1, 1, 1]), attempt("emilie", 2, [1, 1, 1], { choice: "o1" })];

describe("itemAnalysis on a hand-computed matrix", () => {
  const { n, items } = itemAnalysis({ questions, attempts: [...secondAttempts, ...firstAttempts] });
  const [q1, q2, q3] = items;

  test("first attempts only, by default", () => {
    expect(n).toBe(5);
    expect(items.map((item) => item.n)).toEqual([5, 5, 5]);
  });

  test("facility = 100 × mean item score", () => {
    expect(q1!.facility).toBeCloseTo(60, 10); // 3/5
    expect(q2!.facility).toBeCloseTo(60, 10);
    expect(q3!.facility).toBeCloseTo(40, 10); // 2/5
  });

  test("sd = 100 × sample SD: √(1.2 / 4) = √0.3 for each item", () => {
    for (const item of items) expect(item.sd).toBeCloseTo(100 * Math.sqrt(0.3), 10); // 54.772…
  });

  test("discrimination = 100 × cov(item, rest) / √(var(item) · var(rest))", () => {
    // q1: rest = (2, 1, 1, 1, 0), cov = 1.0/4 = 0.25, var(rest) = 2/4 = 0.5 → 25/√0.15
    expect(q1!.discrimination).toBeCloseTo(64.549722, 5);
    // q2: rest = (2, 1, 2, 0, 0), deviations cancel: cov = 0 → exactly no discrimination
    expect(q2!.discrimination).toBeCloseTo(0, 10);
    // q3: rest = (2, 2, 1, 1, 0), cov = 0.6/4 = 0.15, var(rest) = 2.8/4 = 0.7 → 15/√0.21
    expect(q3!.discrimination).toBeCloseTo(32.732684, 5);
  });

  test("the question's identity travels with its statistics", () => {
    expect(
      items.map(({ position, questionId, type, stem, topic, factIds }) => ({
        position,
        questionId,
        type,
        stem,
        topic,
        factIds,
      })),
    ).toEqual([
      { position: 0, questionId: "q1", type: "single-choice", stem: "stem q1", topic: "t", factIds: ["f1"] },
      { position: 1, questionId: "q2", type: "true-false", stem: "stem q2", topic: "t", factIds: ["f2"] },
      { position: 2, questionId: "q3", type: "year-answer", stem: "stem q3", topic: "t", factIds: ["f3"] },
    ]);
  });

  test("a blank answer scores 0 but is not 'answered'", () => {
    expect(q1!.answered).toBe(4);
    expect(q2!.answered).toBe(5);
  });

  test("option frequencies over all respondents, blanks included; unchosen distractors flagged", () => {
    expect(q1!.options).toEqual([
      { id: "o1", text: "text o1", isKey: true, count: 3, share: 60, rarelyChosen: false },
      { id: "o2", text: "text o2", isKey: false, count: 1, share: 20, rarelyChosen: false },
      { id: "o3", text: "text o3", isKey: false, count: 0, share: 0, rarelyChosen: true },
      { id: "o4", text: "text o4", isKey: false, count: 0, share: 0, rarelyChosen: true },
    ]);
  });

  test("questions without options have none", () => {
    expect(q2).not.toHaveProperty("options");
    expect(q3).not.toHaveProperty("options");
  });
});

describe("itemAnalysis: which attempts", () => {
  const all = [...firstAttempts, ...secondAttempts];

  test("last attempts: David and Émilie's second ones", () => {
    const { n, items } = itemAnalysis({ questions, attempts: all, include: "last" });
    expect(n).toBe(5);
    expect(items[0]!.facility).toBeCloseTo(100, 10);
    expect(items[0]!.discrimination).toBeNull(); // everyone right: no variance
  });

  test("all attempts, each its own observation", () => {
    const { n, items } = itemAnalysis({ questions, attempts: all, include: "all" });
    expect(n).toBe(7);
    expect(items[0]!.facility).toBeCloseTo((100 * 5) / 7, 10);
    expect(items[0]!.options!.find((o) => o.id === "o1")!.count).toBe(5);
  });

  test.each([
    ["first", ["b1", "a1"]],
    ["last", ["a3", "b1"]],
    ["all", ["a3", "b1", "a1", "a2"]],
  ] as const)("selectAttempts %s keeps the input order", (include, ids) => {
    const rows = [
      { id: "a3", userId: "a", attemptNumber: 3 },
      { id: "b1", userId: "b", attemptNumber: 1 },
      { id: "a1", userId: "a", attemptNumber: 1 },
      { id: "a2", userId: "a", attemptNumber: 2 },
    ];
    expect(selectAttempts(rows, include).map((row) => row.id)).toEqual(ids);
  });
});

describe("itemAnalysis: edge cases", () => {
  test("everyone right: facility 100 %, SD 0, discrimination null (no variance)", () => {
    const attempts = ["a", "b", "c"].map((user, i) => attempt(user, 1, [1, 1, i === 0 ? 1 : 0]));
    const [q1] = itemAnalysis({ questions, attempts }).items;
    expect(q1!.facility).toBe(100);
    expect(q1!.sd).toBe(0);
    expect(q1!.discrimination).toBeNull();
  });

  test("everyone wrong: facility 0 %, discrimination null", () => {
    const attempts = ["a", "b", "c"].map((user, i) => attempt(user, 1, [0, i === 0 ? 1 : 0, 1]));
    const [q1] = itemAnalysis({ questions, attempts }).items;
    expect(q1!.facility).toBe(0);
    expect(q1!.discrimination).toBeNull();
  });

  test("no variance in the rest of the test: discrimination null even when the item varies", () => {
    const attempts = [attempt("a", 1, [1, 1, 1]), attempt("b", 1, [0, 1, 1])];
    const [q1] = itemAnalysis({ questions, attempts }).items;
    expect(q1!.facility).toBe(50);
    expect(q1!.discrimination).toBeNull();
  });

  test("a single respondent: facility only", () => {
    const [q1] = itemAnalysis({ questions, attempts: [attempt("a", 1, [1, 0, 1])] }).items;
    expect(q1).toMatchObject({ n: 1, facility: 100, sd: null, discrimination: null });
  });

  test("nobody: every statistic null, option shares null, nothing flagged", () => {
    const { n, items } = itemAnalysis({ questions, attempts: [] });
    expect(n).toBe(0);
    expect(items[0]).toMatchObject({ n: 0, answered: 0, facility: null, sd: null, discrimination: null });
    expect(items[0]!.options!.every((o) => o.count === 0 && o.share === null && !o.rarelyChosen)).toBe(true);
  });

  test("two respondents: the correlation is +100 or −100", () => {
    const along = itemAnalysis({ questions, attempts: [attempt("a", 1, [1, 1, 0]), attempt("b", 1, [0, 0, 0])] });
    expect(along.items[0]!.discrimination).toBeCloseTo(100, 10); // item (1, 0), rest (1, 0)
    const against = itemAnalysis({ questions, attempts: [attempt("a", 1, [1, 0, 0]), attempt("b", 1, [0, 1, 0])] });
    expect(against.items[0]!.discrimination).toBeCloseTo(-100, 10); // item (1, 0), rest (0, 1)
  });

  test("partial credit counts as its fraction; out-of-range and null scores are clamped and zeroed", () => {
    const attempts: AnalysisAttempt[] = [
      { userId: "a", attemptNumber: 1, responses: [{ position: 0, answer: null, score: 0.5 }] },
      { userId: "b", attemptNumber: 1, responses: [{ position: 0, answer: null, score: 1.5 }] },
      { userId: "c", attemptNumber: 1, responses: [{ position: 0, answer: null, score: null }] },
      {
        userId: "d",
        attemptNumber: 1,
        responses: [
          { position: 0, answer: null, score: -1 },
          { position: 9, answer: null, score: 1 },
        ],
      },
    ];
    expect(itemAnalysis({ questions, attempts }).items[0]!.facility).toBeCloseTo(((0.5 + 1 + 0 + 0) / 4) * 100, 10);
  });

  test("malformed or mismatched answers count as choosing nothing; unknown option ids are ignored", () => {
    const attempts: AnalysisAttempt[] = [
      {
        userId: "a",
        attemptNumber: 1,
        responses: [{ position: 0, answer: { type: "single-choice", optionId: "zz" }, score: 0 }],
      },
      {
        userId: "b",
        attemptNumber: 1,
        responses: [{ position: 0, answer: { type: "true-false", value: true }, score: 0 }],
      },
      { userId: "c", attemptNumber: 1, responses: [{ position: 0, answer: "o1", score: 0 }] },
      {
        userId: "d",
        attemptNumber: 1,
        responses: [{ position: 0, answer: { type: "single-choice", optionId: "o3" }, score: 0 }],
      },
    ];
    const options = itemAnalysis({ questions, attempts }).items[0]!.options!;
    expect(options.map((o) => o.count)).toEqual([0, 0, 1, 0]);
    expect(options.reduce((sum, o) => sum + o.count, 0)).toBe(1);
  });
});

describe("option frequencies", () => {
  const chose =
    (optionId: string | null) =>
    (i: number): AnalysisAttempt => ({
      userId: `u${optionId}${i}`,
      attemptNumber: 1,
      responses:
        optionId === null
          ? []
          : [{ position: 0, answer: { type: "single-choice", optionId }, score: optionId === "o1" ? 1 : 0 }],
    });
  const crowd = (counts: Record<string, number>) =>
    Object.entries(counts).flatMap(([id, count]) =>
      Array.from({ length: count }, (_, i) => chose(id === "blank" ? null : id)(i)),
    );

  test.each([
    ["exactly 5 % (1 of 20) is not rare", { o1: 17, o2: 1, o3: 1, o4: 1 }, [false, false, false, false]],
    ["1 of 21 (4.76 %) is rare", { o1: 18, o2: 1, o3: 1, o4: 1 }, [false, true, true, true]],
    ["blank answers count in the denominator", { o1: 16, o2: 1, o3: 2, o4: 2, blank: 1 }, [false, true, false, false]],
    [
      "the key is never flagged, however rarely chosen",
      { o1: 0, o2: 10, o3: 10, o4: 10 },
      [false, false, false, false],
    ],
  ])("%s", (_label, counts, flags) => {
    const options = itemAnalysis({ questions, attempts: crowd(counts) }).items[0]!.options!;
    expect(options.map((o) => o.rarelyChosen)).toEqual(flags);
  });

  test("multiple choice counts every ticked option; shares can add up past 100 %", () => {
    const multiple: MultipleChoiceQuestion = {
      ...base("mq", "fm"),
      type: "multiple-choice",
      list: "l",
      options: options(["o1", "o2", "o3", "o4"]),
      key: { optionIds: ["o1", "o2"] },
    };
    const ticks = [["o1", "o2"], ["o1"], ["o1", "o3"], ["o1", "o2", "o2"]];
    const attempts = ticks.map((optionIds, i) => ({
      userId: `u${i}`,
      attemptNumber: 1,
      responses: [{ position: 0, answer: { type: "multiple-choice", optionIds }, score: 0 }],
    }));
    const stats = itemAnalysis({ questions: [multiple], attempts }).items[0]!.options!;
    expect(
      stats.map(({ id, isKey, count, share, rarelyChosen }) => ({ id, isKey, count, share, rarelyChosen })),
    ).toEqual([
      { id: "o1", isKey: true, count: 4, share: 100, rarelyChosen: false },
      { id: "o2", isKey: true, count: 2, share: 50, rarelyChosen: false }, // ticked twice by one learner: counted once
      { id: "o3", isKey: false, count: 1, share: 25, rarelyChosen: false },
      { id: "o4", isKey: false, count: 0, share: 0, rarelyChosen: true },
    ]);
  });
});

describe("discriminationIndex", () => {
  test.each<[string, number[], number[], number | null]>([
    ["perfectly aligned", [0, 1, 0, 1], [1, 3, 1, 3], 100],
    ["perfectly opposed", [0, 1, 0, 1], [3, 1, 3, 1], -100],
    ["one respondent", [1], [2], null],
    ["constant item", [1, 1, 1], [0, 1, 2], null],
    ["constant rest", [0, 1, 0], [2, 2, 2], null],
    ["items of 1/3 everywhere (variance is rounding noise)", [1 / 3, 1 / 3, 1 / 3], [0, 1, 2], null],
    ["mismatched lengths", [0, 1], [0, 1, 2], null],
  ])("%s → %s", (_label, item, rest, expected) => {
    const d = discriminationIndex(item, rest);
    if (expected === null) expect(d).toBeNull();
    else expect(d).toBeCloseTo(expected, 10);
  });

  prop.prop([
    fc.array(fc.tuple(fc.constantFrom(0, 0.5, 1), fc.integer({ min: 0, max: 10 })), { minLength: 0, maxLength: 30 }),
  ])("within [−100, 100], or null", (pairs) => {
    const d = discriminationIndex(
      pairs.map(([item]) => item),
      pairs.map(([, rest]) => rest),
    );
    if (d !== null) {
      expect(d).toBeGreaterThanOrEqual(-100);
      expect(d).toBeLessThanOrEqual(100);
    }
    if (pairs.length < 2) expect(d).toBeNull();
  });
});

describe("itemAnalysis invariants", () => {
  const matrix = fc.array(fc.array(fc.constantFrom(0, 0.25, 0.5, 1), { minLength: 3, maxLength: 3 }), {
    maxLength: 25,
  });
  prop.prop([matrix])("statistics stay in range, and respondents' order does not matter", (rows) => {
    const attempts = rows.map((scores, i) => attempt(`u${i}`, 1, scores));
    const result = itemAnalysis({ questions, attempts });
    const reversed = itemAnalysis({ questions, attempts: [...attempts].reverse() });
    for (const [i, item] of result.items.entries()) {
      expect(item.n).toBe(rows.length);
      if (item.facility !== null) expect(item.facility).toBeGreaterThanOrEqual(0);
      if (item.facility !== null) expect(item.facility).toBeLessThanOrEqual(100);
      if (item.sd !== null) expect(item.sd).toBeGreaterThanOrEqual(0);
      if (item.discrimination !== null) expect(Math.abs(item.discrimination)).toBeLessThanOrEqual(100);
      expect(reversed.items[i]!.facility ?? -1).toBeCloseTo(item.facility ?? -1, 9);
      expect(reversed.items[i]!.discrimination ?? -999).toBeCloseTo(item.discrimination ?? -999, 9);
    }
  });
});

describe("factAnalysis (per-learner draws)", () => {
  const q = (id: string, factId: string, topic: string): TrueFalseQuestion => ({
    ...base(id, factId, topic),
    type: "true-false",
    key: { value: true, shown: value },
  });
  const row = (userId: string, attemptNumber: number, asked: Question[], scores: number[]) => ({
    userId,
    attemptNumber,
    questions: asked,
    responses: scores.map((score, position) => ({
      position,
      answer: { type: "true-false", value: score === 1 },
      score,
    })),
  });

  test("groups by each question's first fact, hardest first, over first attempts", () => {
    const ordering: Question = {
      ...base("ord", "f-b", "dates"),
      factIds: ["f-b", "f-c"],
      type: "ordering",
      items: [],
      key: { order: [] },
    };
    const stats = factAnalysis({
      attempts: [
        row("ana", 1, [q("x1", "f-a", "people"), q("x2", "f-b", "dates")], [1, 0]),
        row("bruno", 1, [q("y1", "f-b", "dates"), q("y2", "f-c", "dates")], [1, 1]),
        row("chloe", 1, [ordering, q("z2", "f-a", "people")], [0.5, 0]),
        row("ana", 2, [q("x3", "f-c", "dates")], [0]),
      ],
    });
    expect(stats).toEqual([
      // f-a and f-b tie at 50 %: the fact id decides.
      { factId: "f-a", topic: "people", n: 2, facility: 50, types: ["true-false"] },
      { factId: "f-b", topic: "dates", n: 3, facility: 50, types: ["ordering", "true-false"] },
      { factId: "f-c", topic: "dates", n: 1, facility: 100, types: ["true-false"] },
    ]);
  });

  test("all attempts when asked", () => {
    const stats = factAnalysis({
      attempts: [row("ana", 1, [q("x1", "f-a", "t")], [1]), row("ana", 2, [q("x2", "f-a", "t")], [0])],
      include: "all",
    });
    expect(stats).toEqual([{ factId: "f-a", topic: "t", n: 2, facility: 50, types: ["true-false"] }]);
  });

  test("no attempts, no facts", () => {
    expect(factAnalysis({ attempts: [] })).toEqual([]);
  });
});
