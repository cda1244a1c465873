import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { buildReviewQueue, factMastery, isDue, newCard, replay, type FactHistory } from "@/domain/progress";

const DAY = 86_400_000;
const t0 = new Date("2026-02-02T08:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * DAY);

/** A fact answered on the given days (right unless listed in `wrong`), with its answers as its history. */
function fact(factId: string, days: number[], wrong: number[] = []): FactHistory {
  const answers = days.map((d, i) => ({ correct: !wrong.includes(i), answeredAt: at(d) }));
  return { factId, card: replay(answers, at(days[0] ?? 0)).card, recent: answers.map((a) => a.correct) };
}
const unseen = (factId: string): FactHistory => ({ factId, card: null, recent: [] });

describe("buildReviewQueue", () => {
  // First Good at day 0 is due 3 days later; a wrong first answer is due the next day.
  const now = at(30);
  const facts = [
    unseen("new-1"),
    fact("due-recently", [26]), // due day 29
    fact("strong", [0, 3, 17]), // mastered, due far ahead
    fact("due-long-ago", [0], [0]), // due day 1
    unseen("new-2"),
    fact("weak-not-due", [29.5], [0]), // answered wrong half a day ago: due tomorrow, weak
    fact("due-a-while", [10]), // due day 13
    fact("fair-not-due", [28]), // right two days ago: not due yet
  ];

  test("the fixture is what the names say", () => {
    const due = facts.filter((f) => isDue(f.card, now)).map((f) => f.factId);
    expect(due.sort()).toEqual(["due-a-while", "due-long-ago", "due-recently"]);
  });

  test("due facts first, most overdue first; then the weakest; facts never answered last, in the order given", () => {
    expect(buildReviewQueue({ facts, now, limit: 20 })).toEqual([
      "due-long-ago",
      "due-a-while",
      "due-recently",
      "weak-not-due",
      "fair-not-due",
      "strong",
      "new-1",
      "new-2",
    ]);
  });

  test.each([
    [0, []],
    [1, ["due-long-ago"]],
    [4, ["due-long-ago", "due-a-while", "due-recently", "weak-not-due"]],
    [7, ["due-long-ago", "due-a-while", "due-recently", "weak-not-due", "fair-not-due", "strong", "new-1"]],
  ])("limit %i", (limit, expected) => {
    expect(buildReviewQueue({ facts, now, limit })).toEqual(expected);
  });

  test("dueBy (the end of the learner's day) brings facts due later today forward", () => {
    const tonight = fact("due-tonight", [27.5]); // due day 30.5, fairly strong now
    const shaky = { ...fact("shaky", [29]), recent: [false, false, true] }; // due day 32, weak
    expect(buildReviewQueue({ facts: [tonight, shaky], now, limit: 2 })).toEqual(["shaky", "due-tonight"]);
    expect(buildReviewQueue({ facts: [tonight, shaky], now, limit: 2, dueBy: at(30.9) })).toEqual([
      "due-tonight",
      "shaky",
    ]);
  });

  test("among due facts due at the same time, the weakest first, then by id", () => {
    const a = fact("b-right", [0]);
    const b = fact("a-right", [0]);
    const c = { ...fact("c-wrong-before", [0]), recent: [false, true] };
    expect(buildReviewQueue({ facts: [a, b, c], now: at(10), limit: 3 })).toEqual([
      "c-wrong-before",
      "a-right",
      "b-right",
    ]);
  });

  test("a fact listed twice appears once, as its first entry", () => {
    const queue = buildReviewQueue({ facts: [fact("x", [29]), fact("y", [0]), fact("x", [0], [0])], now, limit: 5 });
    expect(queue).toEqual(["y", "x"]);
  });

  test("a card never reviewed counts as never answered", () => {
    expect(
      buildReviewQueue({ facts: [{ factId: "n", card: newCard(t0), recent: [] }, fact("s", [29])], now, limit: 5 }),
    ).toEqual(["s", "n"]);
  });

  test.each([-1, 1.5, Number.NaN])("limit %s is a RangeError", (limit) => {
    expect(() => buildReviewQueue({ facts, now, limit })).toThrow(RangeError);
  });

  const histories = fc.array(
    fc.record({
      factId: fc.constantFrom(...Array.from({ length: 30 }, (_, i) => `f${i}`)),
      answers: fc.array(fc.record({ correct: fc.boolean(), gap: fc.double({ min: 0, max: 40, noNaN: true }) }), {
        maxLength: 6,
      }),
    }),
    { maxLength: 40 },
  );

  prop.prop([histories, fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 200, noNaN: true })], {
    numRuns: 200,
  })(
    "no duplicates, at most limit, only given facts; due before not due before never answered; each part in its order",
    (raw, limit, nowDays) => {
      const facts: FactHistory[] = raw.map(({ factId, answers }) => {
        if (answers.length === 0) return unseen(factId);
        let d = 0;
        const timed = answers.map((a) => ({ correct: a.correct, answeredAt: at((d += a.gap)) }));
        return { factId, card: replay(timed, t0).card, recent: timed.map((a) => a.correct) };
      });
      const now = at(nowDays);
      const queue = buildReviewQueue({ facts, now, limit });
      const distinct = new Set(facts.map((f) => f.factId));
      expect(new Set(queue).size).toBe(queue.length);
      expect(queue.length).toBe(Math.min(limit, distinct.size));
      const first = new Map<string, FactHistory>();
      for (const f of facts) if (!first.has(f.factId)) first.set(f.factId, f);
      const info = queue.map((id) => {
        const f = first.get(id) as FactHistory;
        const seen = f.card !== null && f.card.state !== "new";
        return {
          part: !seen ? 2 : isDue(f.card, now) ? 0 : 1,
          due: f.card?.due.getTime() ?? 0,
          strength: factMastery({ card: f.card, recent: f.recent, now }).strength,
        };
      });
      for (let i = 1; i < info.length; i++) {
        const [prev, cur] = [info[i - 1]!, info[i]!];
        expect(prev.part).toBeLessThanOrEqual(cur.part);
        if (prev.part === cur.part && cur.part === 0) expect(prev.due).toBeLessThanOrEqual(cur.due);
        if (prev.part === cur.part && cur.part === 1) expect(prev.strength).toBeLessThanOrEqual(cur.strength);
      }
    },
  );
});
