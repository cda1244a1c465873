import { describe, expect, test } from "vitest";
import { buildQuestionBank, type Option, type QuestionOf, type QuestionType } from "@/domain/quiz";
import { trickyModule } from "./support/tricky-module";

/** The traps of the fixture module, one by one, over many seeds. */
const tricky = trickyModule();
const banks = Array.from({ length: 60 }, (_, seed) => [
  ...buildQuestionBank(tricky, { locale: "fr", seed }),
  ...buildQuestionBank(tricky, { locale: "en", seed }),
]).flat();

function about<T extends QuestionType>(factId: string, type: T): QuestionOf<T>[] {
  return banks.filter((q): q is QuestionOf<T> => q.type === type && q.factIds.includes(factId));
}

const optionEntities = (q: { options: Option[] }) =>
  q.options.flatMap((o) =>
    o.value.type === "entity" ? [o.value.entity] : o.value.type === "membership" ? [o.value.member] : [],
  );

describe("what the fact base holds true is never offered as wrong", () => {
  test("two facts answering the same question: Bonn is never a wrong answer for Berlin, nor the reverse", () => {
    for (const q of about("capital-berlin", "single-choice")) expect(optionEntities(q)).not.toContain("bonn");
    for (const q of about("capital-bonn", "single-choice")) expect(optionEntities(q)).not.toContain("berlin");
    expect(about("capital-berlin", "cloze")).toEqual([]);
  });

  test("an alsoTrue entity is never a wrong answer, and the question is not typed", () => {
    for (const q of about("host", "single-choice")) expect(optionEntities(q)).not.toContain("spain");
    for (const q of about("host", "true-false")) expect(q.key.shown).not.toMatchObject({ entity: "spain" });
    expect(about("host", "cloze")).toEqual([]);
  });

  test("list members share a detail: Spain is never wrong for Sweden's project A", () => {
    for (const q of about("project-sweden", "single-choice")) expect(optionEntities(q)).not.toContain("spain");
    for (const q of about("project-sweden", "matching")) expect(q.factIds).not.toContain("project-spain");
    expect(about("project-sweden", "cloze")).toEqual([]);
    expect(about("project-france", "cloze").length).toBeGreaterThan(0);
  });

  test("a member of a list without details is never wrong for another", () => {
    for (const q of about("club-italy", "single-choice"))
      expect(optionEntities(q).filter((id) => ["greece", "norway"].includes(id))).toEqual([]);
  });

  test("overlapping dates never meet in one matching or ordering question", () => {
    for (const q of banks.filter((x) => x.type === "matching" || x.type === "ordering")) {
      expect(q.factIds.includes("founded") && q.factIds.includes("signed"), q.id).toBe(false);
      expect(q.factIds.includes("early") && q.factIds.includes("nineties"), q.id).toBe(false);
    }
  });

  test('a date distractor never overlaps the answer: no "2014" for "April 2014"', () => {
    for (const q of about("signed", "single-choice")) {
      for (const o of q.options)
        if (o.id !== q.key.optionId) expect(o.value).not.toMatchObject({ date: expect.stringMatching(/^2014/) });
    }
    for (const q of about("early", "single-choice")) {
      for (const o of q.options)
        if (o.id !== q.key.optionId) expect(o.value).not.toEqual({ type: "date", date: "1990", precision: "decade" });
    }
  });

  test("a stem that states its own year is not asked by year or by choice", () => {
    expect(about("leaky", "year-answer")).toEqual([]);
    expect(about("leaky", "single-choice")).toEqual([]);
  });

  test("a label that states its date is kept out of matching and ordering", () => {
    expect(about("labelled", "matching")).toEqual([]);
    expect(about("labelled", "ordering")).toEqual([]);
  });

  test('"since 2014" is only falsified with an earlier year', () => {
    const falsified = about("founded", "true-false").filter((q) => !q.key.value);
    expect(falsified.length).toBeGreaterThan(0);
    for (const q of falsified) expect(q.key.shown.type === "date" && Number(q.key.shown.date) < 2014).toBe(true);
  });
});
