// `npm test`: every check in order (typecheck, lint, unit, integration, end-to-end), stopping at
// the first failure, then one closing line with the number of tests that passed and failed.
import { spawn } from "node:child_process";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "@/server/runtime/config";

const RESULTS_DIR = path.join(PROJECT_ROOT, "test-results", "summary");

type Counts = { passed: number; failed: number; skipped: number };
type Step = { name: string; command: string[]; env?: Record<string, string>; counts?: (file: string) => Promise<Counts> };

async function vitestCounts(file: string): Promise<Counts> {
  const report = JSON.parse(await readFile(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

async function playwrightCounts(file: string): Promise<Counts> {
  const { stats } = JSON.parse(await readFile(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
}

const resultFile = (name: string) => path.join(RESULTS_DIR, `${name}.json`);

const steps: Step[] = [
  { name: "typecheck", command: ["npx", "tsc", "--noEmit"] },
  { name: "lint", command: ["npx", "eslint", "--max-warnings=0", "."] },
  ...(["unit", "integration"] as const).map((project) => ({
    name: project,
    command: ["npx", "vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${resultFile(project)}`],
    counts: vitestCounts,
  })),
  {
    name: "e2e",
    command: ["npx", "playwright", "test", "--reporter=list,json"],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: resultFile("e2e") },
    counts: playwrightCounts,
  },
];

function run(command: string[], env?: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const [bin, ...args] = command as [string, ...string[]];
    const child = spawn(bin, args, { cwd: PROJECT_ROOT, stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  await rm(RESULTS_DIR, { recursive: true, force: true });
  await mkdir(RESULTS_DIR, { recursive: true });
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  let failedStep: string | undefined;

  for (const step of steps) {
    console.log(`\n▶ ${step.name}: ${step.command.join(" ")}`);
    const code = await run(step.command, step.env);
    if (step.counts) {
      const counts = await step.counts(resultFile(step.name)).catch(() => null);
      if (counts) {
        total.passed += counts.passed;
        total.failed += counts.failed;
        total.skipped += counts.skipped;
      } else if (code === 0) {
        // A runner that "passed" without writing its report ran nothing we can vouch for.
        failedStep = `${step.name} (no report written)`;
        break;
      }
    }
    if (code !== 0) {
      failedStep = step.name;
      if (!step.counts) total.failed += 1;
      break;
    }
  }

  console.log(failedStep ? `\n✗ npm test failed at: ${failedStep}` : "\n✓ every check passed");
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
  return failedStep ? 1 : 0;
}

process.exitCode = await main();
