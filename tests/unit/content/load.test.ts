import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { formatProblem } from "@/domain/content";
import { loadContentDir } from "@/server/content/load";
import { JAPAN_DIR } from "./japan-fixture";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const MINI_DIR = path.join(ROOT, "tests/fixtures/content/mini-sample");

let workDir: string;

beforeEach(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "entente-content-"));
});
afterEach(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Copies module folders into a fresh content root, so tests can break them freely. */
async function contentRoot(...modules: [string, string][]): Promise<string> {
  for (const [from, name] of modules) await cp(from, path.join(workDir, name), { recursive: true });
  return workDir;
}

/** Replaces the first occurrence of `from` in a file and returns the 1-based line it was on. */
async function edit(file: string, from: string, to: string): Promise<number> {
  const text = await readFile(file, "utf8");
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`"${from}" not in ${file}`);
  await writeFile(file, text.slice(0, at) + to + text.slice(at + from.length));
  return text.slice(0, at).split("\n").length;
}

describe("loadContentDir", () => {
  test("loads every module folder under the root", async () => {
    const root = await contentRoot([JAPAN_DIR, "nato-japan"], [MINI_DIR, "mini-sample"]);
    await writeFile(path.join(root, "README.md"), "not a module\n");
    const result = await loadContentDir(root);
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.modules.map((m) => m.slug)).toEqual(["mini-sample", "nato-japan"]);
    expect(result.modules[0]!.facts.map((f) => f.id)).toEqual(["hq-city", "treaty-date", "founder-belgium"]);
  });

  test("reports a YAML syntax error with its line, and returns no module at all", async () => {
    const root = await contentRoot([JAPAN_DIR, "nato-japan"], [MINI_DIR, "mini-sample"]);
    const facts = path.join(root, "mini-sample", "facts.yaml");
    const line = await edit(facts, "    section: all\n", "    section: [all\n");
    const result = await loadContentDir(root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBeGreaterThanOrEqual(1);
    const [problem] = result.problems;
    // Outside the working directory the path stays absolute (inside it, it is made relative).
    expect(problem!.file).toBe(facts);
    expect(problem!.message).toMatch(/^YAML syntax error \(\w+\): /);
    expect(problem!.line).toBeGreaterThanOrEqual(line);
    expect(problem!.line).toBeLessThanOrEqual(line + 2);
    expect(formatProblem(problem!)).not.toContain("\n");
  });

  test("maps a schema problem to the line of the offending key", async () => {
    const root = await contentRoot([MINI_DIR, "mini-sample"]);
    const facts = path.join(root, "mini-sample", "facts.yaml");
    const topicLine = await edit(facts, "topic: basics", "topic: trust-fund");
    const keyLine = await edit(facts, '    label: { fr: "Signature', '    colour: red\n    label: { fr: "Signature');
    const result = await loadContentDir(root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([
      `${facts}:${topicLine} facts[0].topic: unknown topic "trust-fund"; use one of: basics`,
      `${facts}:${keyLine} facts[1].colour: unknown key "colour"; allowed keys: id, topic, section, label, statement, question, value, explanation`,
    ]);
  });

  test("reports a duplicate YAML key", async () => {
    const root = await contentRoot([MINI_DIR, "mini-sample"]);
    const line = await edit(
      path.join(root, "mini-sample", "module.yaml"),
      "slug: mini-sample\n",
      "slug: mini-sample\nslug: other\n",
    );
    const result = await loadContentDir(root);
    expect(result.ok ? [] : result.problems.map((p) => [p.line, p.message.split(":")[0]])).toEqual([
      [line + 1, "YAML syntax error (DUPLICATE_KEY)"],
    ]);
  });

  test("requires the three files and a slug matching the folder", async () => {
    const root = await contentRoot([MINI_DIR, "renamed"], [MINI_DIR, "mini-sample"]);
    await rm(path.join(root, "mini-sample", "entities.yaml"));
    const result = await loadContentDir(root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(
      result.problems.map(
        (p) => `${path.basename(path.dirname(p.file))}/${path.basename(p.file)} ${p.path}: ${p.message}`,
      ),
    ).toEqual([
      "mini-sample/entities.yaml : missing file; every module folder needs module.yaml, entities.yaml, facts.yaml",
      'renamed/module.yaml slug: slug "mini-sample" does not match its folder "renamed"; rename one of them',
    ]);
  });

  test("reports an empty or missing content folder", async () => {
    const empty = await loadContentDir(workDir);
    expect(empty.ok ? [] : empty.problems.map((p) => p.message)).toEqual([
      "no module folder found; add content/<slug>/module.yaml",
    ]);
    const missing = await loadContentDir(path.join(workDir, "nope"));
    expect(missing.ok ? [] : missing.problems.map((p) => p.message)).toEqual(["content folder not found"]);
  });
});

describe("scripts/content-check.ts", () => {
  const run = async (dir: string) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", "scripts/content-check.ts", dir],
        { cwd: ROOT },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  test("prints a one-line summary and exits 0 for the real content", { timeout: 30_000 }, async () => {
    const { code, stdout, stderr } = await run("content");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^content-check: ok, 1 module\(s\), 7 topics, \d+ facts, \d+ entities, 3 lists in content\n$/,
    );
  });

  test("prints one line per problem on stderr and exits 1", { timeout: 30_000 }, async () => {
    const root = await contentRoot([MINI_DIR, "mini-sample"]);
    const facts = path.join(root, "mini-sample", "facts.yaml");
    await edit(facts, "topic: basics", "topic: trust-fund");
    await edit(facts, 'date: "1949-04-04"', 'date: "1949-02-30"');
    const { code, stdout, stderr } = await run(root);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/facts\.yaml:\d+ facts\[0\]\.topic: unknown topic "trust-fund"/);
    expect(lines[1]).toMatch(
      /facts\.yaml:\d+ facts\[1\]\.value\.date: impossible date "1949-02-30": 1949-02 has 28 days$/,
    );
  });
});
