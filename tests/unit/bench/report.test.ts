import { expect, test } from "vitest";
import { checkGoals } from "@/bench/goals";
import { formatReport } from "@/bench/report";
import { passingRun } from "./fixtures";

test("the report has one row per route with its ratio to its floor, the growth series and the goals", () => {
  const run = passingRun();
  run.goals = checkGoals(run);
  run.routes.find((r) => r.key === "gradebook")!.non2xx = 3;
  const report = formatReport(run);
  const lines = report.split("\n");
  // Every row of the route table has as many cells as its header.
  const header = lines.findIndex((line) => line.startsWith("| route | kind"));
  const width = lines[header]!.split("|").length;
  for (const line of lines.slice(header, header + 2 + run.routes.length)) expect(line.split("|").length).toBe(width);
  const gradebook = lines.find((line) => line.startsWith("| gradebook 300 × 20"))!;
  expect(gradebook.split("|").map((cell) => cell.trim())).toEqual([
    "",
    "gradebook 300 × 20 `gradebook 300 × 20`",
    "page",
    "10.0",
    "150",
    "150.0",
    "300.0",
    "600.0",
    "3",
    "0.38× /status",
    "3.00×",
    "3.0",
    "420",
    "",
  ]);
  expect(report).toContain("per-learner time at 3,000 vs 300 = 0.75×");
  expect(report).toContain("| app JS on the quiz page | ≤ 100 KB above the framework | 88.7 KB | met |");
  expect(report).toMatch(/\d+ of \d+ goals met/);
});

test("a missed goal stands out", () => {
  const run = passingRun();
  run.memory!.peakTreeRssMb = 846;
  run.goals = checkGoals(run);
  expect(formatReport(run)).toContain("| server peak memory | ≤ 600 MB resident | 846 MB | **missed** |");
});
