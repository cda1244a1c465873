import { describe, expect, test } from "vitest";
import { computeBundleReport, parseRouteBundleStats, type FileSizes } from "@/bench/bundle";

// The shape `next build` (16.4) writes to .next/diagnostics/route-bundle-stats.json.
const stats = [
  {
    route: "/attempts/[attemptId]",
    firstLoadUncompressedJsBytes: 533_023,
    firstLoadChunkPaths: [".next/static/chunks/fw.js", ".next/static/chunks/layout.js", ".next/static/chunks/quiz.js"],
  },
  {
    route: "/_not-found",
    firstLoadUncompressedJsBytes: 507_649,
    firstLoadChunkPaths: [".next/static/chunks/fw.js", ".next/static/chunks/layout.js"],
  },
];
const sizes: Record<string, { bytes: number; gzipBytes: number }> = {
  ".next/static/chunks/fw.js": { bytes: 444_307, gzipBytes: 130_000 },
  ".next/static/chunks/layout.js": { bytes: 63_342, gzipBytes: 20_000 },
  ".next/static/chunks/quiz.js": { bytes: 25_374, gzipBytes: 8_000 },
};
const sizeOf: FileSizes = (file) => sizes[file]!;

describe("parseRouteBundleStats", () => {
  test("accepts the build's array of routes", () => {
    expect(parseRouteBundleStats(stats)).toHaveLength(2);
  });

  test.each([
    [{ routes: [] }],
    [[{ route: "/", firstLoadChunkPaths: [] }]],
    [[{ route: "/", firstLoadUncompressedJsBytes: 1 }]],
  ])("refuses another shape (%o) instead of reporting zeros", (json) => {
    expect(() => parseRouteBundleStats(json)).toThrow(/route-bundle-stats/);
  });
});

describe("computeBundleReport", () => {
  const report = computeBundleReport(parseRouteBundleStats(stats), [".next/static/chunks/fw.js"], sizeOf);

  test("the framework is its own chunks; the lightest page is the root layout alone", () => {
    expect(report.frameworkBytes).toBe(444_307);
    expect(report.frameworkGzipBytes).toBe(130_000);
    expect(report.lightestPage).toEqual({ route: "/_not-found", bytes: 507_649 });
  });

  test("each route against both baselines, gzip summed over its chunks, sorted by route", () => {
    expect(report.routes.map((r) => r.route)).toEqual(["/_not-found", "/attempts/[attemptId]"]);
    expect(report.routes[1]).toEqual({
      route: "/attempts/[attemptId]",
      bytes: 533_023,
      gzipBytes: 158_000,
      aboveFrameworkBytes: 88_716,
      aboveLightestPageBytes: 25_374,
    });
  });

  test("no routes is an error", () => {
    expect(() => computeBundleReport([], [], sizeOf)).toThrow();
  });
});
