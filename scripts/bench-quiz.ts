import { parseArgs } from "node:util";
import { formatProblem, type Locale, type Module } from "@/domain/content";
import { buildQuiz, EXPORT_FORMATS, exportQuestionBank, type FactMastery } from "@/domain/quiz";
import { loadModuleDir } from "@/server/content/load";

/**
 * How fast the quiz builder is, on one core (Node runs this on one thread):
 *   npm run bench:quiz [-- --seconds 3 --module content/nato-japan]
 * Prints a table: 20-question quizzes assembled per second (plain and adaptive, each locale)
 * and whole-bank exports written per second (each format). Every run uses a new seed, so the
 * only thing reused between runs is what the app also keeps: the module's index and the pool
 * of facts per (types, topics) request.
 * The goal (issue 4) is at least 2,000 quizzes per second.
 */

const QUIZ_SIZE = 20;
const GOAL_QUIZZES_PER_SECOND = 2000;

type Row = { task: string; runs: number; perSecond: number; meanMs: number };

function measure(task: string, seconds: number, run: (i: number) => void): Row {
  for (let i = 0; i < 200; i++) run(1_000_000 + i); // warm-up: let the JIT settle first
  const budget = seconds * 1000;
  const start = performance.now();
  let runs = 0;
  while (performance.now() - start < budget) {
    for (let k = 0; k < 50; k++) run(runs++);
  }
  const elapsed = performance.now() - start;
  return { task, runs, perSecond: (runs / elapsed) * 1000, meanMs: elapsed / runs };
}

function adaptiveMastery(module: Module): ReadonlyMap<string, FactMastery> {
  // A learner half-way through: every third fact due, strengths spread over [0, 1].
  return new Map(module.facts.map((f, i) => [f.id, { strength: (i % 10) / 9, due: i % 3 === 0 }]));
}

function formatRow(row: Row): string {
  const rate = Math.round(row.perSecond).toLocaleString("en-US");
  return `| ${row.task.padEnd(34)} | ${rate.padStart(9)} | ${row.meanMs.toFixed(3).padStart(8)} | ${String(row.runs).padStart(7)} |`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { seconds: { type: "string", default: "2" }, module: { type: "string", default: "content/nato-japan" } },
  });
  const seconds = Number(values.seconds);
  if (!(seconds > 0)) {
    process.stderr.write(`bench:quiz: --seconds must be a positive number; got "${values.seconds}"\n`);
    return 2;
  }
  const loaded = await loadModuleDir(values.module);
  if (!loaded.ok) {
    for (const problem of loaded.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    return 1;
  }
  const content = loaded.module;
  const mastery = adaptiveMastery(content);

  const coldStart = performance.now();
  for (const locale of ["fr", "en"] as Locale[]) buildQuiz({ module: content, locale, size: QUIZ_SIZE, seed: 0 });
  const coldMs = performance.now() - coldStart;

  const rows: Row[] = [];
  for (const locale of ["fr", "en"] as Locale[]) {
    rows.push(
      measure(`quiz ×${QUIZ_SIZE} (${locale})`, seconds, (i) =>
        buildQuiz({ module: content, locale, size: QUIZ_SIZE, seed: i }),
      ),
    );
  }
  rows.push(
    measure(`quiz ×${QUIZ_SIZE} adaptive (fr)`, seconds, (i) =>
      buildQuiz({ module: content, locale: "fr", size: QUIZ_SIZE, seed: i, mastery }),
    ),
  );
  for (const format of EXPORT_FORMATS) {
    rows.push(
      measure(`bank export ${format} (fr)`, seconds, (i) =>
        exportQuestionBank(content, { format, locale: "fr", seed: i }),
      ),
    );
  }

  const quizRate = Math.min(...rows.filter((r) => r.task.startsWith("quiz")).map((r) => r.perSecond));
  const lines = [
    `bench:quiz: module ${content.slug} (${content.facts.length} facts), Node ${process.version}, ${seconds} s per row`,
    `index build (both locales, once per module): ${coldMs.toFixed(1)} ms`,
    "",
    `| ${"task".padEnd(34)} | ${"per s".padStart(9)} | ${"mean ms".padStart(8)} | ${"runs".padStart(7)} |`,
    `|${"-".repeat(36)}|${"-".repeat(11)}|${"-".repeat(10)}|${"-".repeat(9)}|`,
    ...rows.map(formatRow),
    "",
    `slowest quiz row: ${Math.round(quizRate).toLocaleString("en-US")}/s; goal ${GOAL_QUIZZES_PER_SECOND.toLocaleString("en-US")}/s: ${quizRate >= GOAL_QUIZZES_PER_SECOND ? "met" : "NOT met"}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

process.exitCode = await main();
