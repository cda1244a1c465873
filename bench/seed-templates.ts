// Templates of the benchmark's data set: frozen questions built by the real quiz builder, and
// for each question a few answers graded by the real grader. The SQL of bench/seed.ts clones
// them into tens of thousands of attempts, so every stored answer fits its question and every
// stored score is the one submitAttempt would compute.
import type pg from "pg";
import { findLanguageMismatch, type FrozenQuestions } from "@/domain/attempt/frozen";
import path from "node:path";
import type { Locale, Module } from "@/domain/content";
import { loadModuleDir } from "@/server/content/load";
import { PROJECT_ROOT } from "@/server/runtime/config";
import { answerKey, buildQuiz, gradeAnswer, type Answer, type Question, type QuestionType } from "@/domain/quiz";

/** The module as the quiz builder reads it (from the same files the sync stored), with database ids. */
export type SeedModule = { module: Module; dbId: string; factIds: Map<string, string> };

export async function loadSeedModule(
  client: pg.Client,
  slug: string,
  contentDir = path.join(PROJECT_ROOT, "content"),
): Promise<SeedModule> {
  const loaded = await loadModuleDir(path.join(contentDir, slug));
  if (!loaded.ok) throw new Error(`content/${slug} is invalid: run npm run content:check`);
  const head = await client.query<{ id: string }>(`SELECT id FROM "Module" WHERE slug = $1 AND "retiredAt" IS NULL`, [
    slug,
  ]);
  const row = head.rows[0];
  if (!row) throw new Error(`module ${slug} is not in the database: sync the content before seeding`);
  const facts = await client.query<{ id: string; key: string }>(
    `SELECT id, key FROM "Fact" WHERE "moduleId" = $1 AND "retiredAt" IS NULL`,
    [row.id],
  );
  return { module: loaded.module, dbId: row.id, factIds: new Map(facts.rows.map((fact) => [fact.key, fact.id])) };
}

export type QuizRequest = { topics: string[]; types: QuestionType[]; size: number; seed: number };

/** As server/data/attempts.ts freezes an attempt: one seed, both languages, checked alike. */
export function freezeTemplate(module: Module, request: QuizRequest): FrozenQuestions {
  const build = (locale: Locale) =>
    buildQuiz({ module, locale, seed: request.seed, size: request.size, topics: request.topics, types: request.types })
      .questions;
  const questions: FrozenQuestions = { fr: build("fr"), en: build("en") };
  const mismatch = findLanguageMismatch(questions);
  if (mismatch) throw new Error(`quiz builder gave different questions per language: ${mismatch}`);
  return questions;
}

/** An answer to one question with the grade the real grader gives it. */
export type GradedAnswer = { answer: Answer; score: number; correct: boolean };

function swapFirstTwo<T>(items: readonly T[]): T[] {
  const copy = [...items];
  if (copy.length >= 2) [copy[0], copy[1]] = [copy[1]!, copy[0]!];
  return copy;
}

/**
 * Three answers per question, from best to worst: the key, a near miss (partial credit where
 * the type gives any, else wrong), and a wrong answer.
 */
function answersFor(question: Question): Answer[] {
  const key = answerKey(question);
  switch (question.type) {
    case "single-choice": {
      const others = question.options.filter((option) => option.id !== question.key.optionId);
      return [
        key,
        { type: "single-choice", optionId: others[0]!.id },
        { type: "single-choice", optionId: (others[1] ?? others[0])!.id },
      ];
    }
    case "multiple-choice": {
      const right = question.key.optionIds;
      const wrong = question.options.map((option) => option.id).filter((id) => !right.includes(id));
      const near = right.length > 1 ? right.slice(1) : [...right, ...wrong.slice(0, 1)];
      return [
        key,
        { type: "multiple-choice", optionIds: near },
        { type: "multiple-choice", optionIds: wrong.slice(0, 1) },
      ];
    }
    case "true-false":
      return [
        key,
        { type: "true-false", value: !question.key.value },
        { type: "true-false", value: !question.key.value },
      ];
    case "year-answer": {
      const off = question.key.tolerance + 1;
      return [
        key,
        { type: "year-answer", text: String(question.key.year + off) },
        { type: "year-answer", text: String(question.key.year - off - 5) },
      ];
    }
    case "cloze":
      return [key, { type: "cloze", text: `${question.key.answer}x` }, { type: "cloze", text: "?" }];
    case "matching": {
      const prompts = Object.keys(question.key.pairs);
      const options = prompts.map((prompt) => question.key.pairs[prompt]!);
      const rotate = (by: number) =>
        Object.fromEntries(prompts.map((prompt, i) => [prompt, options[(i + by) % options.length]!]));
      const near = { ...question.key.pairs };
      if (prompts.length >= 2) [near[prompts[0]!], near[prompts[1]!]] = [near[prompts[1]!]!, near[prompts[0]!]!];
      return [key, { type: "matching", pairs: near }, { type: "matching", pairs: rotate(1) }];
    }
    case "ordering":
      return [
        key,
        { type: "ordering", optionIds: swapFirstTwo(question.key.order) },
        { type: "ordering", optionIds: [...question.key.order].reverse() },
      ];
  }
}

/** The three graded answers of a question; throws if one does not fit it (a seed bug, not data). */
export function gradedAnswers(question: Question): GradedAnswer[] {
  return answersFor(question).map((answer) => {
    const grade = gradeAnswer(question, answer);
    if (!grade.ok)
      throw new Error(`seed answer does not fit question ${question.id} (${question.type}): ${grade.reason}`);
    return { answer, score: grade.score, correct: grade.correct };
  });
}
