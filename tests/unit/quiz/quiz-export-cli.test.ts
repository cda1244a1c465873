import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";

const run = promisify(execFile);

type Outcome = { code: number; stdout: string; stderr: string };

/** Runs scripts/quiz-export.ts as `npm run quiz:export` will, and reports how it ended. */
async function quizExport(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/quiz-export.ts", ...args], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("quiz:export", () => {
  test("writes each format to stdout", async () => {
    const [gift, xml, json] = await Promise.all([
      quizExport("--format", "gift"),
      quizExport("--format", "moodle-xml", "--lang", "en", "--module", "nato-japan"),
      quizExport("--format", "json", "--module", "japan", "--seed", "7"),
    ]);
    expect(gift).toMatchObject({ code: 0, stderr: "" });
    expect(gift.stdout).toMatch(/^\/\/ Entente question bank: .*\(nato-japan\), fr, seed 1/);
    expect(xml.code).toBe(0);
    expect(xml.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n/);
    expect(xml.stdout).toContain(", en, seed 1,");
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ module: "nato-japan", locale: "fr", seed: 7 });
  }, 60_000);

  test.each([
    [[], /--format is required/],
    [["--format", "pdf"], /--format must be one of gift, moodle-xml, json; got "pdf"/],
    [["--format", "gift", "--lang", "de"], /--lang must be one of fr, en; got "de"/],
    [["--format", "gift", "--module", "mars"], /unknown module "mars"; available: nato-japan/],
    [["--format", "gift", "--seed", "abc"], /--seed must be a whole number/],
    [["--format", "gift", "--colour"], /Unknown option '--colour'/],
    [["--format", "gift", "extra"], /positional/i],
  ])(
    "%j: one clear line on stderr, exit 2",
    async (args, message) => {
      const outcome = await quizExport(...args);
      expect(outcome.code).toBe(2);
      expect(outcome.stdout).toBe("");
      expect(outcome.stderr).toMatch(message);
      expect(outcome.stderr.trimEnd().split("\n")).toHaveLength(1);
    },
    60_000,
  );
});
