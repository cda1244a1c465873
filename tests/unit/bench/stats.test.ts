import { fc, test as propertyTest } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { growth, percentile, ratio, summarizeLatencies } from "@/bench/stats";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
  test.each([
    [50, 50],
    [95, 95],
    [99, 99],
    [100, 100],
    [0.5, 1],
  ])("p%s of 1..100 is %s", (p, expected) => {
    expect(percentile(hundred, p)).toBe(expected);
  });

  test("a single sample is every percentile; no sample is NaN", () => {
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  propertyTest.prop([
    fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1 }),
    fc.integer({ min: 1, max: 100 }),
  ])("is one of the samples, between min and max", (values, p) => {
    const sorted = [...values].sort((a, b) => a - b);
    const value = percentile(sorted, p);
    expect(values).toContain(value);
    expect(value).toBeGreaterThanOrEqual(sorted[0]!);
    expect(value).toBeLessThanOrEqual(sorted[sorted.length - 1]!);
  });
});

describe("summarizeLatencies", () => {
  test("sorts the samples itself and orders p50 ≤ p95 ≤ p99 ≤ max", () => {
    const summary = summarizeLatencies([30, 10, 20, 40, 1000]);
    expect(summary).toEqual({ mean: 220, p50: 30, p95: 1000, p99: 1000, max: 1000 });
  });

  test("no samples: NaN everywhere, no exception", () => {
    expect(Object.values(summarizeLatencies([])).every(Number.isNaN)).toBe(true);
  });
});

describe("ratio", () => {
  test.each([
    [100, 200, 0.5],
    [300, 100, 3],
    [1, 0, null],
    [null, 100, null],
    [100, undefined, null],
    [Number.NaN, 100, null],
  ])("%s / %s = %s", (value, floor, expected) => {
    expect(ratio(value, floor)).toBe(expected);
  });
});

describe("growth", () => {
  test("per-unit time and the ratio between two sizes", () => {
    const result = growth(
      [
        { size: 30, meanMs: 30 },
        { size: 300, meanMs: 60 },
        { size: 3000, meanMs: 450 },
      ],
      300,
      3000,
    );
    expect(result.perUnit.map((p) => p.msPerUnit)).toEqual([1, 0.2, 0.15]);
    expect(result.ratio).toBeCloseTo(0.75);
  });

  test("linear growth with a fixed overhead stays under 1; quadratic growth does not", () => {
    const linear = growth(
      [300, 3000].map((size) => ({ size, meanMs: 20 + size * 0.1 })),
      300,
      3000,
    );
    const quadratic = growth(
      [300, 3000].map((size) => ({ size, meanMs: size * size * 0.001 })),
      300,
      3000,
    );
    expect(linear.ratio!).toBeLessThan(1);
    expect(quadratic.ratio!).toBeCloseTo(10);
  });

  test("a missing size gives no ratio", () => {
    expect(growth([{ size: 30, meanMs: 1 }], 300, 3000).ratio).toBeNull();
  });
});
