import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { countedScore, type ScoringMode } from "@/domain/teach";

describe("countedScore", () => {
  test.each<[number[], ScoringMode, number | null]>([
    [[], "best", null],
    [[], "last", null],
    [[], "average", null],
    [[0.4], "best", 0.4],
    [[0.4], "last", 0.4],
    [[0.4], "average", 0.4],
    [[0.2, 0.9, 0.5], "best", 0.9],
    [[0.2, 0.9, 0.5], "last", 0.5],
    [[0.2, 0.9, 0.5], "average", 0.5333333333333333],
    [[1, 0], "last", 0],
    [[0, 0, 0], "average", 0],
    [[1, 1], "average", 1],
  ])("%j with %s → %s", (scores, scoring, expected) => {
    const result = countedScore(scores, scoring);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 12);
  });

  test("the mean of equal scores is that score, not a rounding error above it", () => {
    expect(countedScore([0.1, 0.1, 0.1], "average")).toBe(0.1);
  });

  test.each([[[1.2]], [[-0.1]], [[Number.NaN]], [[0.5, Number.POSITIVE_INFINITY]]])("%j is a RangeError", (scores) => {
    expect(() => countedScore(scores, "best")).toThrow(RangeError);
  });

  const scores = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 });

  prop.prop([scores])("best ≥ average ≥ min, last is the last score, all within [0, 1]", (list) => {
    const best = countedScore(list, "best")!;
    const average = countedScore(list, "average")!;
    const last = countedScore(list, "last")!;
    const min = Math.min(...list);
    expect(best).toBeGreaterThanOrEqual(average);
    expect(average).toBeGreaterThanOrEqual(min);
    expect(last).toBe(list[list.length - 1]);
    expect(best).toBe(Math.max(...list));
    for (const value of [best, average, last]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });

  prop.prop([scores, fc.double({ min: 0, max: 1, noNaN: true })])(
    "one more attempt never lowers the best score",
    (list, next) => {
      expect(countedScore([...list, next], "best")!).toBeGreaterThanOrEqual(countedScore(list, "best")!);
    },
  );
});
