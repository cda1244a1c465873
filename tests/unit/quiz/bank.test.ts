import { describe, expect, test } from "vitest";
import { LOCALES } from "@/domain/content";
import { buildQuestionBank, QUESTION_TYPES, type Question } from "@/domain/quiz";
import { loadJapan } from "./support/japan";
import { structureOf } from "./support/structure";

const japan = await loadJapan();

describe("the Japan question bank", () => {
  test.each(LOCALES)("holds all seven types (%s)", (locale) => {
    const bank = buildQuestionBank(japan, { locale, seed: 1 });
    const types = new Set(bank.map((q) => q.type));
    expect([...types].sort()).toEqual([...QUESTION_TYPES].sort());
  });

  test("asks about every fact that has a value", () => {
    const asked = new Set(buildQuestionBank(japan, { locale: "fr", seed: 1 }).flatMap((q) => q.factIds));
    for (const fact of japan.facts.filter((f) => f.value)) expect(asked.has(fact.id), fact.id).toBe(true);
  });

  test.each([1, 2, 3, 42, 4_000_000_000])(
    "has the same questions in French and English, only the texts differ (seed %i)",
    (seed) => {
      const fr = buildQuestionBank(japan, { locale: "fr", seed }).map(structureOf);
      const en = buildQuestionBank(japan, { locale: "en", seed }).map(structureOf);
      expect(en).toEqual(fr);
    },
  );

  test("never shows the same question twice", () => {
    for (const locale of LOCALES) {
      const bank = buildQuestionBank(japan, { locale, seed: 1 });
      expect(new Set(bank.map((q) => q.id)).size).toBe(bank.length);
      const trueFalse = bank.filter((q) => q.type === "true-false").map((q) => q.stem);
      expect(new Set(trueFalse).size).toBe(trueFalse.length);
    }
  });

  test("never offers two participants of the December 2020 meeting in one single-choice question", () => {
    const participants = new Set(
      japan.facts.flatMap((f) =>
        f.value?.type === "membership" && f.value.list === "foreign-ministers-2020" ? [f.value.member] : [],
      ),
    );
    expect(participants.size).toBeGreaterThan(2);
    for (let seed = 0; seed < 100; seed++) {
      for (const q of buildQuestionBank(japan, { locale: "fr", seed })) {
        if (q.type !== "single-choice" || !q.factIds[0]?.startsWith("foreign-ministers-2020-")) continue;
        const offered = q.options.filter((o) => o.value.type === "membership" && participants.has(o.value.member));
        expect(offered.length, q.stem).toBeLessThanOrEqual(1);
      }
    }
  });

  test("typed questions are only asked where one answer is right", () => {
    const bank = buildQuestionBank(japan, { locale: "fr", seed: 1 });
    const cloze = new Set(bank.filter((q) => q.type === "cloze").map((q) => q.factIds[0]));
    // Shared answers: the cooperation areas (any member), Afghanistan/Tajikistan (one project),
    // the two funds and the two SPS fields (alsoTrue).
    for (const id of [
      "area-cyber-defence",
      "trust-fund-afghanistan",
      "trust-fund-tajikistan",
      "ana-trust-fund",
      "dcb-trust-fund",
      "sps-counter-terrorism",
    ]) {
      expect(cloze.has(id), id).toBe(false);
    }
    for (const id of ["liaison-officer-marcom", "trust-fund-moldova", "kishida-meeting-prime-minister"])
      expect(cloze.has(id), id).toBe(true);
    const years = new Set(bank.filter((q) => q.type === "year-answer").map((q) => q.factIds[0]));
    // A decade names no single year.
    for (const id of ["first-contacts", "balkans-stabilisation-decade"]) expect(years.has(id), id).toBe(false);
    expect(years.has("joint-political-declaration")).toBe(true);
  });

  test('a falsified "since" statement only moves the date earlier', () => {
    for (let seed = 0; seed < 100; seed++) {
      for (const q of buildQuestionBank(japan, { locale: "en", seed })) {
        if (q.type !== "true-false" || q.key.value || q.factIds[0] !== "ipcp-start") continue;
        expect(q.key.shown.type === "date" && Number(q.key.shown.date) < 2014, q.stem).toBe(true);
      }
    }
  });

  test("each question's difficulty is a score in [0, 1] with its level", () => {
    for (const q of buildQuestionBank(japan, { locale: "fr", seed: 1 })) {
      expect(q.difficulty.score).toBeGreaterThanOrEqual(0);
      expect(q.difficulty.score).toBeLessThanOrEqual(1);
      const expected = q.difficulty.score < 0.35 ? "easy" : q.difficulty.score < 0.6 ? "medium" : "hard";
      expect(q.difficulty.level).toBe(expected);
    }
  });

  test("typing is rated harder than recognising", () => {
    const bank = buildQuestionBank(japan, { locale: "fr", seed: 1 });
    const mean = (type: Question["type"]) => {
      const scores = bank.filter((q) => q.type === type).map((q) => q.difficulty.score);
      return scores.reduce((s, x) => s + x, 0) / scores.length;
    };
    expect(mean("cloze")).toBeGreaterThan(mean("single-choice"));
    expect(mean("year-answer")).toBeGreaterThan(mean("true-false"));
  });
});
