import { z } from "zod";
import { IdSchema, LOCALES, type Locale, type Module } from "@/domain/content";
import { apportion } from "./apportion";
import { Assembly } from "./assembly";
import type { GeneratorContext } from "./generators";
import { getModuleIndex } from "./module-index";
import { poolFor } from "./quiz-pool";
import { createRng, deriveSeed } from "./random";
import { QUESTION_TYPES, type Question, type QuestionType } from "./types";

/** What the learner's history says of one fact; a scheduler (FSRS) computes it, the builder only reads it. */
export type FactMastery = {
  /** Estimated probability of recall now, in [0, 1]. */
  strength: number;
  /** Whether the fact is due for review. */
  due: boolean;
};

/** The serialisable part of a quiz request: what a server action validates before calling `buildQuiz`. */
export const QuizOptionsSchema = z.strictObject({
  locale: z.enum(LOCALES),
  size: z.int().min(1).max(200),
  seed: z.int().min(0).max(0xffffffff),
  topics: z.array(IdSchema).min(1).optional(),
  types: z.array(z.enum(QUESTION_TYPES)).min(1).optional(),
  yearTolerance: z.int().min(0).max(100).optional(),
});
export type QuizOptions = z.infer<typeof QuizOptionsSchema>;

export type BuildQuizInput = QuizOptions & {
  module: Module;
  /** Per-fact mastery, by fact id. When given, the quiz is adaptive: due and weak facts come first. */
  mastery?: ReadonlyMap<string, FactMastery>;
};

export type Quiz = {
  module: string;
  locale: Locale;
  seed: number;
  size: number;
  questions: Question[];
  /** Questions missing from `size`: 0 unless the chosen topics and types hold too few facts. */
  shortBy: number;
};

/**
 * How often each type is drawn, relative to the others: recognition questions are the quick
 * backbone of a quiz, the others bring variety. With every type allowed, a 20-question quiz has
 * 6 single-choice, 4 true/false and 2 of each other type.
 */
const TYPE_WEIGHTS: Record<QuestionType, number> = {
  "single-choice": 3,
  "true-false": 2,
  "multiple-choice": 1,
  "year-answer": 1,
  cloze: 1,
  matching: 1,
  ordering: 1,
};

// Adaptive weights: a due fact is four times as likely as one that is not, and a forgotten one
// (strength 0) four times as likely as a known one. Facts never studied sit in between.
const DUE_FACTOR = 4;
const WEAKNESS_FACTOR = 3;
const UNSEEN_WEIGHT = 2.5;

/** Selection weight of a fact; 1 for every fact outside adaptive mode. */
export function masteryWeight(mastery: FactMastery | undefined, adaptive: boolean): number {
  if (!adaptive) return 1;
  if (!mastery) return UNSEEN_WEIGHT;
  const strength = Math.min(1, Math.max(0, mastery.strength));
  return (mastery.due ? DUE_FACTOR : 1) * (1 + WEAKNESS_FACTOR * (1 - strength));
}

/**
 * A quiz of `size` questions from the module, deterministic for a given seed. Promises:
 * - no fact appears in two questions;
 * - topics are covered in proportion to the facts they hold (largest-remainder shares; a
 *   multi-fact question counts for the topic most of its facts belong to);
 * - facts that give each other's answers away, and questions worded alike, are kept apart
 *   unless that would break the topic shares or the size;
 * - the same questions (facts, types, option ids, keys, order) in French and in English for
 *   the same options and seed: only the texts differ, so an attempt can switch language;
 * - types come in proportion to TYPE_WEIGHTS among those allowed, as far as the above allows
 *   (ordering and matching draw on the few dated facts, so they fall short most often);
 * - `size` questions whenever the chosen topics hold at least `size` facts that an allowed
 *   single-fact type can ask (otherwise `shortBy` says how many are missing);
 * - with `mastery`, facts are drawn in proportion to `masteryWeight` (due and weak first).
 * Throws a ZodError on malformed options and a RangeError on topics the module does not have:
 * callers validate user input first (QuizOptionsSchema).
 */
export function buildQuiz(input: BuildQuizInput): Quiz {
  const { module, mastery } = input;
  const options = QuizOptionsSchema.parse({
    locale: input.locale,
    size: input.size,
    seed: input.seed,
    topics: input.topics,
    types: input.types,
    yearTolerance: input.yearTolerance,
  });
  const known = new Set(module.topics.map((t) => t.id));
  const unknown = (options.topics ?? []).filter((t) => !known.has(t));
  if (unknown.length > 0) {
    throw new RangeError(
      `unknown topic(s) ${unknown.join(", ")} in module "${module.slug}"; use: ${[...known].join(", ")}`,
    );
  }

  const index = getModuleIndex(module, options.locale);
  const ctx: GeneratorContext = { index, seed: options.seed };
  const allowed = QUESTION_TYPES.filter((t) => (options.types ?? QUESTION_TYPES).includes(t));
  const pool = poolFor(index, allowed, options.topics);
  const typeParts = apportion(
    pool.types.map((t) => TYPE_WEIGHTS[t]),
    options.size,
  );
  const topicParts = apportion(pool.topicSizes, Math.min(options.size, pool.entries.length));

  const weights = mastery && new Map(pool.entries.map((e) => [e.fact.id, masteryWeight(mastery.get(e.fact.id), true)]));
  const assembly = new Assembly(
    ctx,
    createRng(
      deriveSeed(options.seed, "quiz", options.size, allowed.join(","), [...(options.topics ?? [])].sort().join(",")),
    ),
    pool,
    new Map(pool.types.map((t, i) => [t, typeParts[i] ?? 0])),
    new Map(pool.topicIds.map((id, i) => [id, topicParts[i] ?? 0])),
    weights ? (e) => weights.get(e.fact.id) ?? 0 : () => 1,
    options.size,
    options.yearTolerance ?? 0,
  );
  const questions = assembly.run();
  return {
    module: module.slug,
    locale: options.locale,
    seed: options.seed,
    size: options.size,
    questions,
    shortBy: options.size - questions.length,
  };
}
