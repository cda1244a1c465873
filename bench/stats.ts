// Pure arithmetic of the benchmark: percentiles, ratios, per-unit growth.

export type LatencySummary = { mean: number; p50: number; p95: number; p99: number; max: number };

/** Nearest-rank percentile of ascending `sorted` (p in (0, 100]); NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function summarizeLatencies(latencies: readonly number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const mean = sorted.length === 0 ? Number.NaN : sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return {
    mean,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]!,
  };
}

/** `value / floor`, or null when either is missing or the floor is zero. */
export function ratio(value: number | null | undefined, floor: number | null | undefined): number | null {
  if (value == null || floor == null || !Number.isFinite(value) || !Number.isFinite(floor) || floor === 0) return null;
  return value / floor;
}

export type GrowthPoint = { size: number; meanMs: number };

/** Time per unit (learner, attempt) at each size, and how the per-unit time of `to` compares with `from`. */
export function growth(points: readonly GrowthPoint[], from: number, to: number) {
  const perUnit = points.map((point) => ({ ...point, msPerUnit: point.meanMs / point.size }));
  const a = perUnit.find((point) => point.size === from);
  const b = perUnit.find((point) => point.size === to);
  return { perUnit, ratio: ratio(b?.msPerUnit, a?.msPerUnit) };
}
