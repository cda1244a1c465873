import { describe, expect, test } from "vitest";
import { checkGoals } from "@/bench/goals";
import type { BenchResults } from "@/bench/types";
import { passingRun } from "./fixtures";

const missed = (run: BenchResults) =>
  checkGoals(run)
    .filter((goal) => !goal.pass)
    .map((goal) => goal.goal);

describe("checkGoals", () => {
  test("a run within every goal meets them all", () => {
    const goals = checkGoals(passingRun());
    expect(goals.length).toBeGreaterThanOrEqual(14);
    expect(goals.filter((goal) => !goal.pass)).toEqual([]);
  });

  test.each([
    ["autosave req/s", (run: BenchResults) => void (run.routes.find((r) => r.key === "autosave")!.rpsRatio = 0.69)],
    ["autosave p99", (run: BenchResults) => void (run.routes.find((r) => r.key === "autosave")!.p99Ratio = 2.01)],
    ["submit and grade", (run: BenchResults) => void (run.routes.find((r) => r.key === "submit")!.rpsRatio = 0.49)],
    ["quiz page", (run: BenchResults) => void (run.routes.find((r) => r.key === "quiz")!.rpsRatio = 0.5)],
    [
      "progress page, heavy learner",
      (run: BenchResults) => void (run.routes.find((r) => r.key === "progress")!.rpsRatio = 0.2),
    ],
    ["review session start", (run: BenchResults) => void (run.routes.find((r) => r.key === "review")!.rpsRatio = 0.4)],
    [
      "gradebook 300 × 20",
      (run: BenchResults) => void (run.routes.find((r) => r.key === "gradebook")!.rpsRatio = 0.29),
    ],
    ["growth 300 → 3000 learners", (run: BenchResults) => void (run.growth[0]!.ratio = 1.6)],
    ["server peak memory", (run: BenchResults) => void (run.memory!.peakProcessHwmMb = 601)],
    ["app JS on the quiz page", (run: BenchResults) => void (run.javascript!.routes[0]!.aboveFrameworkBytes = 100_001)],
    [
      "Lighthouse quiz",
      (run: BenchResults) =>
        void ((run.lighthouse as { name: string; performance: number }[]).find((p) => p.name === "quiz")!.performance =
          89),
    ],
  ])("%s is missed just past its limit, and only it", (goal, spoil) => {
    const run = passingRun();
    spoil(run);
    expect(missed(run)).toEqual([goal]);
  });

  test("accessibility must be exactly 100", () => {
    const run = passingRun();
    (run.lighthouse as { accessibility: number }[])[0]!.accessibility = 99;
    expect(missed(run)).toEqual(["Lighthouse sign-in"]);
  });

  test("one non-2xx, a failed action, or an error in a warm-up or growth run misses the errors goal", () => {
    const spoilers: ((run: BenchResults) => void)[] = [
      (run) => void (run.routes[3]!.non2xx = 1),
      (run) => void (run.routes[5]!.failed = 1),
      (run) => void (run.routes[4]!.warmup.non2xx = 2),
      (run) => void (run.routes[0]!.timeouts = 1),
      (run) => void (run.growth[0]!.points[2]!.non2xx = 1),
    ];
    for (const spoil of spoilers) {
      const run = passingRun();
      spoil(run);
      expect(missed(run)).toEqual(["errors"]);
    }
  });

  test("what was not measured misses its goal", () => {
    const run = passingRun();
    run.routes = run.routes.filter((r) => r.key !== "review");
    run.memory = null;
    run.javascript = null;
    run.lighthouse = { error: "no Chromium" };
    expect(missed(run)).toEqual([
      "review session start",
      "server peak memory",
      "app JS on the quiz page",
      "Lighthouse",
    ]);
  });
});
