import { formatProblem } from "@/domain/content";
import { loadContentDir } from "@/server/content/load";

/**
 * Validates the fact base: `tsx scripts/content-check.ts [dir]` (default content/).
 * Prints one line per problem on stderr and exits 1, or a one-line summary and exits 0.
 */
async function main(): Promise<void> {
  const dir = process.argv[2] ?? "content";
  const result = await loadContentDir(dir);
  if (!result.ok) {
    for (const problem of result.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    process.exitCode = 1;
    return;
  }
  const { modules } = result;
  const count = (pick: (m: (typeof modules)[number]) => readonly unknown[]) =>
    modules.reduce((n, m) => n + pick(m).length, 0);
  process.stdout.write(
    `content-check: ok, ${modules.length} module(s), ${count((m) => m.topics)} topics, ` +
      `${count((m) => m.facts)} facts, ${count((m) => m.entities)} entities, ${count((m) => m.lists)} lists in ${dir}\n`,
  );
}

await main();
