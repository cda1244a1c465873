import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import {
  MASTERY_LEVELS,
  aggregateMastery,
  factMastery,
  groupMastery,
  levelRank,
  masteryLevel,
  newCard,
  replay,
  retrievability,
  toQuizMastery,
  type CardState,
  type MasteryLevel,
} from "@/domain/progress";
import { masteryWeight } from "@/domain/quiz";

const DAY = 86_400_000;
const t0 = new Date("2026-01-05T18:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * DAY);

const T = true;
const F = false;

describe("masteryLevel: each threshold at its edge", () => {
  test.each<[string, { seen: boolean; r: number; s: number; recent: boolean[] }, MasteryLevel]>([
    ["never answered, whatever else", { seen: false, r: 1, s: 100, recent: [T, T, T] }, "not-started"],
    ["everything well above", { seen: true, r: 1, s: 100, recent: [T, T, T] }, "mastered"],
    ["mastered exactly at R 0.9 and S 21 days", { seen: true, r: 0.9, s: 21, recent: [T, T, T] }, "mastered"],
    ["R just under 0.9: proficient", { seen: true, r: 0.8999, s: 21, recent: [T, T, T] }, "proficient"],
    ["S just under 21 days: proficient", { seen: true, r: 1, s: 20.99, recent: [T, T, T] }, "proficient"],
    ["one of the last three wrong: proficient", { seen: true, r: 1, s: 100, recent: [F, T, T] }, "proficient"],
    ["only two answers: proficient", { seen: true, r: 1, s: 100, recent: [T, T] }, "proficient"],
    [
      "a wrong answer before the last three does not count",
      { seen: true, r: 1, s: 100, recent: [F, F, T, T, T] },
      "mastered",
    ],
    ["proficient exactly at R 0.8 and S 7 days", { seen: true, r: 0.8, s: 7, recent: [T] }, "proficient"],
    ["R just under 0.8: familiar", { seen: true, r: 0.7999, s: 100, recent: [T, T, T] }, "familiar"],
    ["S just under 7 days: familiar", { seen: true, r: 1, s: 6.99, recent: [T, T, T] }, "familiar"],
    ["last answer wrong: familiar", { seen: true, r: 1, s: 100, recent: [T, T, F] }, "familiar"],
    ["answered but no history given: familiar", { seen: true, r: 1, s: 100, recent: [] }, "familiar"],
    ["answered, everything low: familiar", { seen: true, r: 0, s: 0.1, recent: [F] }, "familiar"],
  ])("%s", (_label, { seen, r, s, recent }, expected) => {
    expect(masteryLevel({ seen, retrievability: r, stabilityDays: s, recent })).toBe(expected);
  });
});

describe("masteryLevel is monotone", () => {
  const recents = fc.array(fc.boolean(), { maxLength: 6 });
  const unit = fc.double({ min: 0, max: 1, noNaN: true });
  const stability = fc.double({ min: 0, max: 400, noNaN: true });

  prop.prop([unit, unit, stability, recents])("in retrievability, for a fixed history", (a, b, s, recent) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const level = (r: number) => levelRank(masteryLevel({ seen: true, retrievability: r, stabilityDays: s, recent }));
    expect(level(lo)).toBeLessThanOrEqual(level(hi));
  });

  prop.prop([unit, stability, stability, recents])("in stability", (r, a, b, recent) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const level = (s: number) => levelRank(masteryLevel({ seen: true, retrievability: r, stabilityDays: s, recent }));
    expect(level(lo)).toBeLessThanOrEqual(level(hi));
  });

  prop.prop([unit, stability, recents, fc.nat()])(
    "in recent correctness: a wrong answer turned right never lowers it",
    (r, s, recent, pick) => {
      fc.pre(recent.length > 0);
      const i = pick % recent.length;
      const better = recent.map((c, j) => (j === i ? true : c));
      const level = (h: boolean[]) =>
        levelRank(masteryLevel({ seen: true, retrievability: r, stabilityDays: s, recent: h }));
      expect(level(recent)).toBeLessThanOrEqual(level(better));
    },
  );
});

describe("factMastery from real memory states", () => {
  const answers = (days: number[], correct: boolean[] = days.map(() => true)) =>
    days.map((d, i) => ({ correct: correct[i] as boolean, answeredAt: at(d) }));

  test("never answered: not started, no retrievability, no strength", () => {
    expect(factMastery({ card: null, recent: [], now: t0 })).toEqual({
      level: "not-started",
      retrievability: 0,
      strength: 0,
    });
    expect(factMastery({ card: newCard(t0), recent: [T], now: t0 })).toEqual({
      level: "not-started",
      retrievability: 0,
      strength: 0,
    });
  });

  test("one correct answer: familiar (stability of a first answer is under a week)", () => {
    const { card } = replay(answers([0]), t0);
    expect(card.stability).toBeLessThan(7);
    expect(factMastery({ card, recent: [T], now: t0 })).toEqual({ level: "familiar", retrievability: 1, strength: 1 });
  });

  test("answered right twice on the same day: still familiar (cramming does not build stability)", () => {
    const { card } = replay(answers([0, 0.05]), t0);
    expect(factMastery({ card, recent: [T, T], now: at(0.05) }).level).toBe("familiar");
  });

  test("right again days later: proficient; right a third time after a fortnight: mastered", () => {
    const twice = replay(answers([0, 3]), t0).card;
    expect(twice.stability).toBeGreaterThanOrEqual(7);
    expect(factMastery({ card: twice, recent: [T, T], now: at(3) }).level).toBe("proficient");

    const thrice = replay(answers([0, 3, 17]), t0).card;
    expect(thrice.stability).toBeGreaterThanOrEqual(21);
    expect(factMastery({ card: thrice, recent: [T, T, T], now: at(17) }).level).toBe("mastered");
  });

  test("a mastered fact slips to proficient once due, then to familiar as it fades", () => {
    const card = replay(answers([0, 3, 17]), t0).card;
    const recent = [T, T, T];
    const last = (card.lastReview as Date).getTime();
    const after = (days: number) => new Date(last + days * DAY);
    expect(factMastery({ card, recent, now: after(card.stability - 0.01) }).level).toBe("mastered");
    expect(factMastery({ card, recent, now: after(card.stability + 0.01) }).level).toBe("proficient");
    // R = 0.8 a little more than 3.3 stabilities after the review with FSRS-6's default decay.
    expect(factMastery({ card, recent, now: after(3 * card.stability) }).level).toBe("proficient");
    expect(factMastery({ card, recent, now: after(3.5 * card.stability) }).level).toBe("familiar");
  });

  test("a lapse drops a mastered fact to familiar", () => {
    const { card } = replay(answers([0, 3, 17, 80], [T, T, T, F]), t0);
    expect(factMastery({ card, recent: [T, T, F], now: at(80) }).level).toBe("familiar");
  });

  test("strength is retrievability times the share of the last three answers that were right", () => {
    const { card } = replay(answers([0, 3, 17, 30], [F, T, T, T]), t0);
    const now = at(40);
    const r = retrievability(card, now);
    expect(factMastery({ card, recent: [F, T, T], now }).strength).toBeCloseTo((2 / 3) * r, 12);
    expect(factMastery({ card, recent: [F, T, T, T], now }).strength).toBeCloseTo(r, 12);
    expect(factMastery({ card, recent: [F, F, F], now }).strength).toBe(0);
  });

  const histories = fc
    .array(fc.record({ correct: fc.boolean(), gapDays: fc.double({ min: 0, max: 60, noNaN: true }) }), {
      minLength: 1,
      maxLength: 10,
    })
    .map((steps) => {
      let d = 0;
      return steps.map((s) => ({ correct: s.correct, answeredAt: at((d += s.gapDays)) }));
    });

  prop.prop([histories, fc.double({ min: 0, max: 400, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true })], {
    numRuns: 300,
  })(
    "for a fixed card and history, the level never rises as time passes; strength stays in [0, 1]",
    (history, a, b) => {
      const { card } = replay(history, t0);
      const recent = history.map((h) => h.correct);
      const last = (card.lastReview as Date).getTime();
      const [early, late] = a <= b ? [a, b] : [b, a];
      const m1 = factMastery({ card, recent, now: new Date(last + early * DAY) });
      const m2 = factMastery({ card, recent, now: new Date(last + late * DAY) });
      expect(levelRank(m2.level)).toBeLessThanOrEqual(levelRank(m1.level));
      expect(m2.retrievability).toBeLessThanOrEqual(m1.retrievability);
      for (const m of [m1, m2]) {
        expect(m.strength).toBeGreaterThanOrEqual(0);
        expect(m.strength).toBeLessThanOrEqual(m.retrievability);
        expect(m.retrievability).toBeLessThanOrEqual(1);
        expect(m.level).not.toBe("not-started");
      }
    },
  );
});

describe("aggregateMastery", () => {
  const n = (count: number, level: MasteryLevel) => Array<MasteryLevel>(count).fill(level);

  test.each<[string, MasteryLevel[], MasteryLevel]>([
    ["an empty group", [], "not-started"],
    ["no fact answered", n(3, "not-started"), "not-started"],
    ["one fact answered among five", [...n(1, "familiar"), ...n(4, "not-started")], "familiar"],
    ["4 in 5 mastered", [...n(4, "mastered"), ...n(1, "not-started")], "mastered"],
    ["8 in 10 mastered", [...n(8, "mastered"), ...n(2, "proficient")], "mastered"],
    [
      "7 in 10 mastered, 8 in 10 proficient or above",
      [...n(7, "mastered"), "proficient", ...n(2, "familiar")],
      "proficient",
    ],
    ["3 in 5 mastered, 4 in 5 proficient or above", [...n(3, "mastered"), "proficient", "not-started"], "proficient"],
    ["3 in 5 mastered, the rest not started", [...n(3, "mastered"), ...n(2, "not-started")], "familiar"],
    ["2 of 3 mastered and 1 proficient", [...n(2, "mastered"), "proficient"], "proficient"],
    ["all familiar", n(6, "familiar"), "familiar"],
    ["all mastered", n(6, "mastered"), "mastered"],
  ])("%s", (_label, levels, expected) => {
    const result = aggregateMastery(levels);
    expect(result.level).toBe(expected);
    expect(result.total).toBe(levels.length);
    for (const level of MASTERY_LEVELS) expect(result.counts[level]).toBe(levels.filter((l) => l === level).length);
  });

  const levelLists = fc.array(fc.constantFrom(...MASTERY_LEVELS), { maxLength: 60 });

  prop.prop([levelLists])("counts sum to the total, and the level follows the 4-in-5 rule", (levels) => {
    const { level, counts, total } = aggregateMastery(levels);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(total);
    expect(total).toBe(levels.length);
    const atOrAbove = (l: MasteryLevel) => levels.filter((x) => levelRank(x) >= levelRank(l)).length;
    if (level === "not-started") {
      expect(counts["not-started"]).toBe(total);
      return;
    }
    // Started: at least familiar, and the highest level that 4 facts in 5 reach.
    expect(counts["not-started"]).toBeLessThan(total);
    if (level !== "familiar") expect(atOrAbove(level) / total).toBeGreaterThanOrEqual(0.8 - 1e-12);
    const above = MASTERY_LEVELS[levelRank(level) + 1];
    if (above) expect(atOrAbove(above) / total).toBeLessThan(0.8 - 1e-12);
  });

  prop.prop([levelLists, fc.constantFrom(...MASTERY_LEVELS), fc.nat()])(
    "raising one fact's level never lowers the group's",
    (levels, raised, pick) => {
      fc.pre(levels.length > 0);
      const i = pick % levels.length;
      fc.pre(levelRank(raised) >= levelRank(levels[i] as MasteryLevel));
      const better = levels.map((l, j) => (j === i ? raised : l));
      expect(levelRank(aggregateMastery(better).level)).toBeGreaterThanOrEqual(
        levelRank(aggregateMastery(levels).level),
      );
    },
  );

  test("groupMastery counts facts never answered as not started", () => {
    const groups = new Map([
      ["topic-a", ["a1", "a2", "a3", "a4", "a5"]],
      ["topic-b", ["b1"]],
      ["module", ["a1", "a2", "a3", "a4", "a5", "b1"]],
    ]);
    const levels = new Map<string, MasteryLevel>([
      ["a1", "mastered"],
      ["a2", "mastered"],
      ["a3", "mastered"],
      ["a4", "mastered"],
    ]);
    const result = groupMastery(groups, levels);
    expect(result.get("topic-a")).toEqual({
      level: "mastered",
      counts: { "not-started": 1, familiar: 0, proficient: 0, mastered: 4 },
      total: 5,
    });
    expect(result.get("topic-b")?.level).toBe("not-started");
    // 4 of 6 mastered is under 4 in 5: the module is only familiar.
    expect(result.get("module")?.level).toBe("familiar");
  });
});

describe("toQuizMastery", () => {
  const studied = replay([{ correct: true, answeredAt: t0 }], t0).card;
  const failed = replay([{ correct: false, answeredAt: t0 }], t0).card;
  const facts: { factId: string; card: CardState | null; recent: boolean[] }[] = [
    { factId: "studied", card: studied, recent: [T] },
    { factId: "failed", card: failed, recent: [F] },
    { factId: "never", card: null, recent: [] },
    { factId: "new-card", card: newCard(t0), recent: [] },
  ];

  test("strength as factMastery, due as the card says, facts never answered left out", () => {
    const now = at(1.5);
    const map = toQuizMastery({ facts, now });
    expect([...map.keys()]).toEqual(["studied", "failed"]);
    expect(map.get("studied")).toEqual({
      strength: factMastery({ card: studied, recent: [T], now }).strength,
      due: false,
    });
    expect(map.get("failed")).toEqual({ strength: 0, due: true });
    // The builder weighs the facts left out as unseen.
    expect(masteryWeight(map.get("never"), true)).toBe(masteryWeight(undefined, true));
  });

  test("dueBy counts facts due later today", () => {
    const now = new Date(studied.due.getTime() - 3_600_000);
    expect(toQuizMastery({ facts, now }).get("studied")?.due).toBe(false);
    expect(toQuizMastery({ facts, now, dueBy: studied.due }).get("studied")?.due).toBe(true);
  });

  test("a fact listed twice keeps its first entry", () => {
    const map = toQuizMastery({ facts: [facts[1]!, { ...facts[0]!, factId: "failed" }], now: at(1.5) });
    expect(map.size).toBe(1);
    expect(map.get("failed")?.strength).toBe(0);
  });
});
