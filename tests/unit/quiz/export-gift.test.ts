import { describe, expect, test } from "vitest";
import { LOCALES } from "@/domain/content";
import {
  buildQuestionBank,
  escapeGift,
  exportQuestionBank,
  toGift,
  type Question,
  type SingleChoiceQuestion,
} from "@/domain/quiz";
import { parseGift, type GiftQuestion } from "./support/gift-parser";
import { loadJapan } from "./support/japan";

const japan = await loadJapan();

/** What Moodle accepts for a typed name: ours, and ours without accents (it ignores case only). */
function stripAccents(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC");
}

function expectSameQuestion(parsed: GiftQuestion, q: Question): void {
  expect(parsed.id).toBe(q.id);
  expect(parsed.category).toBe(`$course$/top/Entente/${q.module}/${q.topic}`);
  for (const factId of q.factIds) expect(parsed.tags).toContain(factId);
  switch (q.type) {
    case "single-choice":
      expect(parsed).toMatchObject({ type: "multichoice", single: true, text: q.stem, generalFeedback: q.explanation });
      expect(parsed.answers).toEqual(
        q.options.map((o) => ({ text: o.text, fraction: o.id === q.key.optionId ? 1 : 0 })),
      );
      break;
    case "multiple-choice": {
      expect(parsed).toMatchObject({
        type: "multichoice",
        single: false,
        text: q.stem,
        generalFeedback: q.explanation,
      });
      const right = q.key.optionIds.length;
      const wrong = q.options.length - right;
      parsed.answers.forEach((a, i) => {
        const option = q.options[i];
        expect(a.text).toBe(option?.text);
        expect(a.fraction).toBeCloseTo(q.key.optionIds.includes(option?.id ?? "") ? 1 / right : -1 / wrong, 5);
      });
      // Moodle's rule and ours agree: the right options add up to full marks.
      expect(parsed.answers.filter((a) => a.fraction > 0).reduce((s, a) => s + a.fraction, 0)).toBeCloseTo(1, 4);
      break;
    }
    case "true-false":
      expect(parsed).toMatchObject({
        type: "truefalse",
        correct: q.key.value,
        text: q.stem,
        generalFeedback: q.explanation,
      });
      break;
    case "year-answer":
      expect(parsed).toMatchObject({
        type: "numerical",
        numerical: { answer: q.key.year, tolerance: q.key.tolerance },
        generalFeedback: q.explanation,
      });
      expect(parsed.text).toBe(`${q.stem} (${q.instruction})`);
      break;
    case "cloze": {
      expect(parsed).toMatchObject({ type: "shortanswer", text: q.stem, generalFeedback: q.explanation });
      expect(parsed.answers.every((a) => a.fraction === 1)).toBe(true);
      expect(parsed.answers.map((a) => a.text)).toEqual([
        ...new Set(q.key.accepted.flatMap((a) => [a, stripAccents(a)])),
      ]);
      break;
    }
    case "matching": {
      expect(parsed).toMatchObject({ type: "match", text: q.stem, generalFeedback: q.explanation });
      const options = new Map(q.options.map((o) => [o.id, o.text]));
      expect(parsed.subquestions).toEqual(
        q.prompts.map((p) => ({ text: p.text, answer: options.get(q.key.pairs[p.id] ?? "") })),
      );
      break;
    }
    case "ordering": {
      expect(parsed).toMatchObject({ type: "ordering", text: q.stem });
      const items = new Map(q.items.map((i) => [i.id, i.text]));
      expect(parsed.ordering?.items).toEqual(q.key.order.map((id) => items.get(id)));
      expect(parsed.ordering?.settings).toEqual([
        String(q.items.length),
        "ALL",
        "VERTICAL",
        "RELATIVE_ALL_PREVIOUS_AND_NEXT",
        "SHOW",
      ]);
      break;
    }
  }
}

describe("GIFT export", () => {
  test.each(LOCALES)("reads back as the whole bank, question by question (%s)", (locale) => {
    const bank = buildQuestionBank(japan, { locale, seed: 1 });
    const parsed = parseGift(exportQuestionBank(japan, { format: "gift", locale, seed: 1 }));
    expect(parsed).toHaveLength(bank.length);
    bank.forEach((q, i) => expectSameQuestion(parsed[i] as GiftQuestion, q));
  });

  test("is the same file for the same seed, and another for another seed", () => {
    const a = exportQuestionBank(japan, { format: "gift", locale: "fr", seed: 5 });
    expect(exportQuestionBank(japan, { format: "gift", locale: "fr", seed: 5 })).toBe(a);
    expect(exportQuestionBank(japan, { format: "gift", locale: "fr", seed: 6 })).not.toBe(a);
  });

  test.each([
    ["~", "\\~"],
    ["=", "\\="],
    ["#", "\\#"],
    ["{", "\\{"],
    ["}", "\\}"],
    [":", "\\:"],
    ["\\", "\\\\"],
    ["a\nb", "a\\nb"],
    ["plain text", "plain text"],
  ])("escapes %j as %j", (raw, escaped) => {
    expect(escapeGift(raw)).toBe(escaped);
  });

  test("texts full of GIFT's special characters survive the round trip", () => {
    const nasty = "Prix : 5 {env.} ~ 50% = #1 \\ fin";
    const q: SingleChoiceQuestion = {
      id: "qnasty000001",
      module: "test",
      locale: "fr",
      topic: "t",
      factIds: ["f"],
      sections: ["s"],
      stem: `${nasty} ?`,
      instruction: "",
      explanation: `Parce que ${nasty}.`,
      difficulty: { score: 0.3, level: "easy" },
      type: "single-choice",
      options: [
        { id: "o1", text: `${nasty} A`, value: { type: "date", date: "2014", precision: "year" } },
        { id: "o2", text: "=B", value: { type: "date", date: "2015", precision: "year" } },
        { id: "o3", text: "~C", value: { type: "date", date: "2016", precision: "year" } },
      ],
      key: { optionId: "o2" },
    };
    const [parsed] = parseGift(toGift([q], { module: "test", moduleTitle: "Test", locale: "fr", seed: 1 }));
    expect(parsed).toMatchObject({ text: q.stem, generalFeedback: q.explanation, single: true });
    expect(parsed?.answers).toEqual([
      { text: `${nasty} A`, fraction: 0 },
      { text: "=B", fraction: 1 },
      { text: "~C", fraction: 0 },
    ]);
  });

  test("refuses text that GIFT cannot carry rather than write a broken file", () => {
    const base = buildQuestionBank(japan, { locale: "fr", seed: 1 });
    const matching = base.find((q) => q.type === "matching");
    const ordering = base.find((q) => q.type === "ordering");
    if (!matching || matching.type !== "matching" || !ordering || ordering.type !== "ordering")
      throw new Error("bank without matching/ordering");
    const header = { module: "nato-japan", moduleTitle: "x", locale: "fr", seed: 1 };
    const arrow = { ...matching, prompts: matching.prompts.map((p, i) => (i === 0 ? { ...p, text: "a -> b" } : p)) };
    expect(() => toGift([arrow], header)).toThrow(/->/);
    const brace = {
      ...ordering,
      items: ordering.items.map((item, i) => (i === 0 ? { ...item, text: "a {b}" } : item)),
    };
    expect(() => toGift([brace], header)).toThrow(/braces/);
  });
});
