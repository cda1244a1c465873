import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { apportion } from "@/domain/quiz/apportion";
import { createRng, deriveSeed, hashString, sample, shuffle, weightedDraw, weightedIndex } from "@/domain/quiz/random";

describe("createRng (mulberry32)", () => {
  test("the same seed gives the same stream; another seed another one", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const first = Array.from({ length: 8 }, () => a());
    expect(Array.from({ length: 8 }, () => b())).toEqual(first);
    expect(Array.from({ length: 8 }, () => c())).not.toEqual(first);
  });

  test("matches the reference mulberry32 for seed 0", () => {
    // First outputs of bryc's reference implementation, seed 0, times 2^32.
    const rng = createRng(0);
    expect(Array.from({ length: 3 }, () => Math.round(rng() * 4294967296))).toEqual([1144304738, 1416247, 958946056]);
  });

  prop.prop([fc.integer({ min: 0, max: 0xffffffff })], { numRuns: 200 })("draws floats in [0, 1)", (seed) => {
    const rng = createRng(seed);
    for (let i = 0; i < 100; i++) {
      const x = rng();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  test("is roughly uniform: ten buckets within 10% of their share over 100,000 draws", () => {
    const rng = createRng(7);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(rng() * 10)]! += 1;
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(1_000);
  });
});

describe("hashing and derived seeds", () => {
  test("deriveSeed depends on every label and on the base seed", () => {
    const base = deriveSeed(1, "single-choice", "fact-a");
    expect(deriveSeed(1, "single-choice", "fact-a")).toBe(base);
    expect(deriveSeed(2, "single-choice", "fact-a")).not.toBe(base);
    expect(deriveSeed(1, "cloze", "fact-a")).not.toBe(base);
    expect(deriveSeed(1, "single-choice", "fact-b")).not.toBe(base);
    // Labels are separated, so ("ab", "c") is not ("a", "bc").
    expect(deriveSeed(1, "ab", "c")).not.toBe(deriveSeed(1, "a", "bc"));
  });

  test("hashString gives 53-bit integers without collisions over 50,000 distinct strings", () => {
    const seen = new Set<number>();
    for (let i = 0; i < 50_000; i++) {
      const h = hashString(`question-${i}`);
      expect(Number.isSafeInteger(h) && h >= 0).toBe(true);
      seen.add(h);
    }
    expect(seen.size).toBe(50_000);
  });
});

describe("shuffle, sample, weighted draws", () => {
  prop.prop([fc.integer({ min: 0, max: 0xffffffff }), fc.array(fc.integer(), { maxLength: 30 })])(
    "shuffle returns a permutation and leaves its input alone",
    (seed, items) => {
      const copy = items.slice();
      const out = shuffle(createRng(seed), items);
      expect(items).toEqual(copy);
      expect(out.slice().sort((a, b) => a - b)).toEqual(copy.slice().sort((a, b) => a - b));
    },
  );

  prop.prop([fc.integer({ min: 0, max: 0xffffffff }), fc.uniqueArray(fc.integer(), { maxLength: 20 }), fc.nat(25)])(
    "sample draws distinct items from the input",
    (seed, items, count) => {
      const out = sample(createRng(seed), items, count);
      expect(out).toHaveLength(Math.min(count, items.length));
      expect(new Set(out).size).toBe(out.length);
      for (const x of out) expect(items).toContain(x);
    },
  );

  test("shuffle puts every item everywhere about equally often", () => {
    const rng = createRng(11);
    const firsts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) firsts[shuffle(rng, [0, 1, 2, 3])[0]!]! += 1;
    for (const n of firsts) expect(Math.abs(n - 10_000)).toBeLessThan(600);
  });

  test("weightedIndex follows the weights and never picks a zero weight", () => {
    const rng = createRng(5);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[weightedIndex(rng, [1, 0, 3])]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.6);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.4);
    expect(weightedIndex(rng, [0, 0])).toBe(-1);
  });

  test("weightedDraw yields each item of positive weight once", () => {
    const drawn = [...weightedDraw(createRng(3), ["a", "b", "c", "d"], (x) => (x === "c" ? 0 : 1))];
    expect(drawn.slice().sort()).toEqual(["a", "b", "d"]);
  });
});

describe("apportion (largest remainder)", () => {
  test.each([
    [[1, 1, 1], 3, [1, 1, 1]],
    [[1, 1, 1], 4, [2, 1, 1]],
    [[3, 2, 1, 1, 1, 1, 1], 20, [6, 4, 2, 2, 2, 2, 2]],
    [[6, 7, 5, 3, 13, 8, 18], 20, [2, 2, 2, 1, 4, 3, 6]],
    [[0, 5, 0], 7, [0, 7, 0]],
    [[0, 0], 5, [0, 0]],
    [[2, 2], 0, [0, 0]],
  ])("%j over %i → %j", (weights, total, expected) => {
    expect(apportion(weights, total)).toEqual(expected);
  });

  prop.prop([fc.array(fc.nat(50), { minLength: 1, maxLength: 10 }), fc.nat(100)])(
    "parts sum to the total and each is its exact share rounded down or up",
    (weights, total) => {
      const parts = apportion(weights, total);
      const sum = weights.reduce((s, w) => s + w, 0);
      if (sum === 0) {
        expect(parts.every((p) => p === 0)).toBe(true);
        return;
      }
      expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
      parts.forEach((p, i) => {
        const exact = (weights[i]! / sum) * total;
        expect(p === Math.floor(exact) || p === Math.ceil(exact)).toBe(true);
      });
    },
  );
});
