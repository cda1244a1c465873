import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import type { Locale } from "@/domain/content";
import { buildQuiz, QUESTION_TYPES, SINGLE_FACT_TYPES, type FactMastery, type QuestionType } from "@/domain/quiz";
import { apportion } from "@/domain/quiz/apportion";
import { getModuleIndex } from "@/domain/quiz/module-index";
import { loadJapan } from "./support/japan";
import { structureOf } from "./support/structure";

const japan = await loadJapan();
const TOPICS = japan.topics.map((t) => t.id);
const SEEDS = fc.integer({ min: 0, max: 0xffffffff });
const LOCALES = fc.constantFrom<Locale>("fr", "en");
const TIMEOUT = 300_000;

/** Facts with a value in the given topics: each can at least be asked as a true statement. */
function askable(topics: readonly string[] | undefined): number {
  return japan.facts.filter((f) => f.value && (!topics || topics.includes(f.topic))).length;
}

const requests = fc.record({
  seed: SEEDS,
  locale: LOCALES,
  size: fc.integer({ min: 1, max: 45 }),
  types: fc.option(fc.subarray([...QUESTION_TYPES], { minLength: 1 }), { nil: undefined }),
  topics: fc.option(fc.subarray(TOPICS, { minLength: 1 }), { nil: undefined }),
});

describe("buildQuiz", () => {
  prop.prop([requests], { numRuns: 1000 })(
    "never repeats a fact, uses only allowed types and topics, and honours the size when the facts allow",
    (request) => {
      const quiz = buildQuiz({ module: japan, ...request });
      const factIds = quiz.questions.flatMap((q) => q.factIds);
      expect(new Set(factIds).size).toBe(factIds.length);
      for (const q of quiz.questions) {
        expect(request.types ?? QUESTION_TYPES).toContain(q.type);
        for (const id of q.factIds)
          expect(request.topics ?? TOPICS).toContain(japan.facts.find((f) => f.id === id)?.topic);
        expect(q.locale).toBe(request.locale);
      }
      expect(quiz.questions.length + quiz.shortBy).toBe(request.size);
      const trueFalseAllowed = !request.types || request.types.includes("true-false");
      if (trueFalseAllowed && request.size <= askable(request.topics)) expect(quiz.shortBy).toBe(0);
    },
    TIMEOUT,
  );

  prop.prop([requests], { numRuns: 1000 })(
    "the same seed gives the same quiz, whatever was built before",
    (request) => {
      const first = buildQuiz({ module: japan, ...request });
      buildQuiz({ module: japan, ...request, seed: (request.seed + 1) >>> 0 });
      expect(buildQuiz({ module: japan, ...request })).toEqual(first);
    },
    TIMEOUT,
  );

  prop.prop([requests], { numRuns: 1000 })(
    "French and English quizzes hold the same questions, only the texts differ",
    (request) => {
      const fr = buildQuiz({ module: japan, ...request, locale: "fr" });
      const en = buildQuiz({ module: japan, ...request, locale: "en" });
      expect(en.questions.map(structureOf)).toEqual(fr.questions.map(structureOf));
    },
    TIMEOUT,
  );

  prop.prop([requests], { numRuns: 50 })(
    "a fresh copy of the module gives the same quiz: nothing depends on what is cached",
    (request) => {
      expect(buildQuiz({ module: structuredClone(japan), ...request })).toEqual(
        buildQuiz({ module: japan, ...request }),
      );
    },
    TIMEOUT,
  );

  prop.prop([SEEDS, LOCALES], { numRuns: 300 })(
    "a default quiz of 20 mixes at least five types and no two questions share a stem",
    (seed, locale) => {
      const quiz = buildQuiz({ module: japan, locale, size: 20, seed });
      expect(quiz.questions).toHaveLength(20);
      expect(new Set(quiz.questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(5);
      expect(new Set(quiz.questions.map((q) => q.stem)).size).toBe(20);
    },
    TIMEOUT,
  );

  prop.prop([SEEDS, LOCALES, fc.integer({ min: 5, max: 40 })], { numRuns: 300 })(
    "single-fact quizzes cover topics in proportion to their facts, within one question",
    (seed, locale, size) => {
      const quiz = buildQuiz({ module: japan, locale, size, seed, types: [...SINGLE_FACT_TYPES] });
      const shares = apportion(
        TOPICS.map((t) => askable([t])),
        size,
      );
      TOPICS.forEach((topic, i) => {
        const count = quiz.questions.filter((q) => q.topic === topic).length;
        expect(Math.abs(count - (shares[i] as number))).toBeLessThanOrEqual(1);
      });
    },
    TIMEOUT,
  );

  test("types follow their weights (6 single-choice, 4 true/false, 2 of each other in 20) as far as the dated facts allow", () => {
    const counts = new Map<QuestionType, number>();
    const runs = 200;
    for (let seed = 0; seed < runs; seed++) {
      for (const q of buildQuiz({ module: japan, locale: "fr", size: 20, seed }).questions)
        counts.set(q.type, (counts.get(q.type) ?? 0) + 1);
    }
    const mean = (t: QuestionType) => (counts.get(t) ?? 0) / runs;
    expect(mean("single-choice")).toBeGreaterThan(4.5);
    expect(mean("true-false")).toBeGreaterThan(3);
    for (const t of ["multiple-choice", "year-answer", "cloze", "matching", "ordering"] as const) {
      // Ordering and matching need three or four unused dates that give nothing away: rarer.
      expect(mean(t)).toBeGreaterThan(0.4);
      expect(mean(t)).toBeLessThan(3.5);
    }
  });

  test("adaptive mode draws due and weak facts far more often than known ones", () => {
    const valued = japan.facts.filter((f) => f.value);
    // Alternate facts: one due and forgotten, the next known and not due.
    const mastery = new Map<string, FactMastery>(
      valued.map((f, i) => [f.id, i % 2 === 0 ? { strength: 0, due: true } : { strength: 1, due: false }]),
    );
    const weak = new Set(valued.filter((_, i) => i % 2 === 0).map((f) => f.id));
    let weakDrawn = 0;
    let knownDrawn = 0;
    let plainWeak = 0;
    let plainKnown = 0;
    for (let seed = 0; seed < 300; seed++) {
      for (const id of buildQuiz({ module: japan, locale: "fr", size: 10, seed, mastery }).questions.flatMap(
        (q) => q.factIds,
      )) {
        if (weak.has(id)) weakDrawn++;
        else knownDrawn++;
      }
      for (const id of buildQuiz({ module: japan, locale: "fr", size: 10, seed }).questions.flatMap((q) => q.factIds)) {
        if (weak.has(id)) plainWeak++;
        else plainKnown++;
      }
    }
    expect(weakDrawn / knownDrawn).toBeGreaterThan(3);
    // Without mastery, neither half is favoured.
    expect(plainWeak / plainKnown).toBeGreaterThan(0.75);
    expect(plainWeak / plainKnown).toBeLessThan(1.33);
  });

  test("facts that give each other away are known: a stem or label naming another fact's answer", () => {
    const { conflicts } = getModuleIndex(japan, "fr");
    // "Sommet de Bruxelles" (the date's label) names the city of the June 2021 summit.
    expect(conflicts.get("brussels-summit-2021-date")?.has("brussels-summit-2021-city")).toBe(true);
    // "… le 24 mars 2022 ?" in the city question dates the talks.
    expect(conflicts.get("kishida-stoltenberg-date")?.has("kishida-meeting-city")).toBe(true);
    // "… depuis 2014 ?" in the framework question dates the programme.
    expect(conflicts.get("ipcp-start")?.has("ipcp-framework")).toBe(true);
    expect(conflicts.get("flotilla-off-spain")?.has("isaf-support")).toBe(false);
  });

  test.each(["fr", "en"] as const)("quizzes hold far fewer giveaways than facts drawn at random (%s)", (locale) => {
    const { conflicts, facts } = getModuleIndex(japan, locale);
    const pairs = [...conflicts].reduce((n, [a, others]) => n + [...others].filter((b) => a < b).length, 0);
    // Expected giveaway pairs among 20 facts drawn at random from the module.
    const random = (pairs * 20 * 19) / (facts.length * (facts.length - 1));
    let giveaways = 0;
    const runs = 300;
    for (let seed = 0; seed < runs; seed++) {
      const questions = buildQuiz({ module: japan, locale, size: 20, seed }).questions;
      questions.forEach((q, i) =>
        questions.slice(i + 1).forEach((other) => {
          for (const a of q.factIds) for (const b of other.factIds) if (conflicts.get(a)?.has(b)) giveaways++;
        }),
      );
    }
    // Only where a topic cannot get its share otherwise (political dialogue is dense with them).
    expect(giveaways / runs).toBeLessThan(random / 4);
  });

  test("a quiz larger than the facts allow is short, and says by how much", () => {
    const quiz = buildQuiz({ module: japan, locale: "fr", size: 20, seed: 1, types: ["ordering"] });
    expect(quiz.questions.length).toBeLessThan(20);
    expect(quiz.shortBy).toBe(20 - quiz.questions.length);
    expect(quiz.questions.every((q) => q.type === "ordering")).toBe(true);
  });

  test.each([
    [{ size: 0 }, /size/],
    [{ size: 201 }, /size/],
    [{ seed: -1 }, /seed/],
    [{ seed: 1.5 }, /seed/],
    [{ types: [] }, /types/],
    [{ types: ["essay"] }, /types/],
    [{ topics: ["no-such-topic"] }, /unknown topic/],
  ])("rejects %j", (override, message) => {
    const request = { module: japan, locale: "fr" as const, size: 10, seed: 1, ...override } as Parameters<
      typeof buildQuiz
    >[0];
    expect(() => buildQuiz(request)).toThrow(message);
  });
});
