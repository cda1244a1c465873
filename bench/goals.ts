// The goals of issue 9, checked against a run's figures. A figure that is missing (a run that
// failed, Lighthouse skipped) misses its goal: --check must not pass on what was not measured.
import type { BenchResults, GoalResult, RouteMeasure } from "./types";

/** Issue 9's "KB": 1,000 bytes (the stricter reading). */
export const KB = 1000;
export const MEMORY_GOAL_MB = 600;
export const QUIZ_JS_GOAL_KB = 100;

const fmt = (value: number | null | undefined, digits = 2) =>
  value == null || !Number.isFinite(value) ? "—" : value.toFixed(digits);

function rpsGoal(routes: RouteMeasure[], key: string, goal: string, minimum: number): GoalResult {
  const route = routes.find((r) => r.key === key);
  const measured = route?.rpsRatio ?? null;
  return {
    goal,
    target: `≥ ${minimum}× ${route?.floor ?? "floor"} req/s`,
    measured: `${fmt(measured)}×`,
    pass: measured !== null && measured >= minimum,
  };
}

type GoalInput = Pick<BenchResults, "routes" | "growth" | "memory" | "javascript" | "lighthouse">;

export function checkGoals(results: GoalInput): GoalResult[] {
  const { routes } = results;
  const goals: GoalResult[] = [];

  goals.push(rpsGoal(routes, "autosave", "autosave req/s", 0.7));
  const autosave = routes.find((r) => r.key === "autosave");
  goals.push({
    goal: "autosave p99",
    target: "≤ 2× /api/health p99",
    measured: `${fmt(autosave?.p99Ratio)}×`,
    pass: autosave?.p99Ratio != null && autosave.p99Ratio <= 2,
  });
  goals.push(rpsGoal(routes, "submit", "submit and grade", 0.5));
  goals.push(rpsGoal(routes, "quiz", "quiz page", 0.7));
  goals.push(rpsGoal(routes, "progress", "progress page, heavy learner", 0.5));
  goals.push(rpsGoal(routes, "review", "review session start", 0.5));
  goals.push(rpsGoal(routes, "gradebook", "gradebook 300 × 20", 0.3));

  const gradebookGrowth = results.growth.find((g) => g.unit === "learner");
  goals.push({
    goal: `growth ${gradebookGrowth?.ratioOf.join(" → ") ?? "300 → 3000"} learners`,
    target: "gradebook time per learner ≤ 1.5×",
    measured: `${fmt(gradebookGrowth?.ratio)}×`,
    pass: gradebookGrowth?.ratio != null && gradebookGrowth.ratio <= 1.5,
  });

  const runs = [
    ...routes.map((r) => ({
      name: r.label,
      bad: r.non2xx + r.failed + r.socketErrors + r.timeouts + r.warmup.non2xx + r.warmup.failed,
    })),
    ...results.growth.flatMap((g) => g.points.map((p) => ({ name: `${g.route} @ ${p.size}`, bad: p.non2xx }))),
  ];
  const failing = runs.filter((run) => run.bad > 0);
  goals.push({
    goal: "errors",
    target: "0 non-2xx (or failed action) in every run",
    measured:
      failing.length === 0 ? `0 in ${runs.length} runs` : failing.map((run) => `${run.name}: ${run.bad}`).join("; "),
    pass: runs.length > 0 && failing.length === 0,
  });

  const peak = results.memory ? Math.max(results.memory.peakTreeRssMb, results.memory.peakProcessHwmMb) : null;
  goals.push({
    goal: "server peak memory",
    target: `≤ ${MEMORY_GOAL_MB} MB resident`,
    measured: `${fmt(peak, 0)} MB`,
    pass: peak !== null && peak <= MEMORY_GOAL_MB,
  });

  const quizJs = results.javascript?.routes.find((r) => r.route === "/attempts/[attemptId]");
  const quizKb = quizJs ? quizJs.aboveFrameworkBytes / KB : null;
  goals.push({
    goal: "app JS on the quiz page",
    target: `≤ ${QUIZ_JS_GOAL_KB} KB above the framework`,
    measured: `${fmt(quizKb, 1)} KB`,
    pass: quizKb !== null && quizKb <= QUIZ_JS_GOAL_KB,
  });

  const lighthouse = Array.isArray(results.lighthouse) ? results.lighthouse : [];
  if (lighthouse.length === 0) {
    goals.push({
      goal: "Lighthouse",
      target: "performance ≥ 90, accessibility = 100",
      measured: "not measured",
      pass: false,
    });
  }
  for (const page of lighthouse) {
    goals.push({
      goal: `Lighthouse ${page.name}`,
      target: "performance ≥ 90, accessibility = 100",
      measured: `${page.performance ?? "—"} / ${page.accessibility ?? "—"}`,
      pass: page.performance !== null && page.performance >= 90 && page.accessibility === 100,
    });
  }
  return goals;
}
