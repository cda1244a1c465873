import { parseArgs } from "node:util";
import { formatProblem, LOCALES, type Locale, type Module } from "@/domain/content";
import { DEFAULT_EXPORT_SEED, EXPORT_FORMATS, exportQuestionBank, type ExportFormat } from "@/domain/quiz";
import { loadContentDir } from "@/server/content/load";

/**
 * Writes a module's whole question bank to stdout:
 *   npm run quiz:export -- --format gift|moodle-xml|json [--lang fr|en] [--module nato-japan] [--seed N]
 * Bad arguments: one line on stderr, exit 2. Broken content: its problems on stderr, exit 1.
 */

const USAGE = `usage: npm run quiz:export -- --format ${EXPORT_FORMATS.join("|")} [--lang ${LOCALES.join("|")}] [--module <slug>] [--seed <integer>]`;

class UsageError extends Error {}

type Options = { format: ExportFormat; locale: Locale; module?: string; seed: number; contentDir: string };

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(", ")}; got "${value}"`);
}

function readOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        format: { type: "string" },
        lang: { type: "string" },
        module: { type: "string" },
        seed: { type: "string" },
        content: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    // parseArgs' messages are one sentence already ("Unknown option '--x'...").
    throw new UsageError((error as Error).message.split("\n")[0] ?? "bad arguments");
  }
  const { values } = parsed;
  if (values.format === undefined) throw new UsageError(`--format is required (${EXPORT_FORMATS.join(", ")})`);
  const seedText = values.seed ?? String(DEFAULT_EXPORT_SEED);
  const seed = Number(seedText);
  if (!/^\d+$/.test(seedText) || !Number.isSafeInteger(seed) || seed > 0xffffffff) {
    throw new UsageError(`--seed must be a whole number from 0 to 4294967295; got "${seedText}"`);
  }
  return {
    format: oneOf(values.format, EXPORT_FORMATS, "format"),
    locale: oneOf(values.lang ?? "fr", LOCALES, "lang"),
    ...(values.module === undefined ? {} : { module: values.module }),
    seed,
    contentDir: values.content ?? "content",
  };
}

/**
 * The module named by `wanted`: its slug, or a unique hyphen-separated part of one ("japan"
 * for "nato-japan", as the issue writes it). Without `--module`, the only module there is.
 */
function pickModule(modules: readonly Module[], wanted: string | undefined): Module {
  const slugs = modules.map((m) => m.slug).join(", ");
  if (wanted === undefined) {
    if (modules.length === 1) return modules[0] as Module;
    throw new UsageError(`several modules; choose one with --module (${slugs})`);
  }
  const exact = modules.find((m) => m.slug === wanted);
  if (exact) return exact;
  const partial = modules.filter((m) => m.slug.split("-").includes(wanted));
  if (partial.length === 1) return partial[0] as Module;
  throw new UsageError(`unknown module "${wanted}"; available: ${slugs}`);
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`quiz:export: ${error.message} (${USAGE})\n`);
    return 2;
  }
  const loaded = await loadContentDir(options.contentDir);
  if (!loaded.ok) {
    for (const problem of loaded.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    return 1;
  }
  let chosen: Module;
  try {
    chosen = pickModule(loaded.modules, options.module);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`quiz:export: ${error.message}\n`);
    return 2;
  }
  const text = exportQuestionBank(chosen, { format: options.format, locale: options.locale, seed: options.seed });
  await new Promise<void>((resolve, reject) =>
    process.stdout.write(text, (error) => (error ? reject(error) : resolve())),
  );
  return 0;
}

// `quiz:export ... | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

process.exitCode = await main();
