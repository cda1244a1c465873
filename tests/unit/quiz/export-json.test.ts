import { describe, expect, test } from "vitest";
import { BANK_JSON_VERSION, buildQuestionBank, exportQuestionBank, type BankJson } from "@/domain/quiz";
import { loadJapan } from "./support/japan";

const japan = await loadJapan();

describe("JSON export", () => {
  test("carries the whole bank, keys, fact ids and option values included", () => {
    const bank = buildQuestionBank(japan, { locale: "en", seed: 3 });
    const doc = JSON.parse(exportQuestionBank(japan, { format: "json", locale: "en", seed: 3 })) as BankJson;
    expect(doc).toMatchObject({
      format: "entente-question-bank",
      version: BANK_JSON_VERSION,
      module: "nato-japan",
      locale: "en",
      seed: 3,
    });
    expect(doc.questions).toEqual(bank);
    for (const q of doc.questions) {
      expect(q.factIds.length).toBeGreaterThan(0);
      expect(q.key).toBeDefined();
      if ("options" in q && q.type !== "matching") for (const o of q.options) expect(o.value).toBeDefined();
    }
  });

  test("defaults to seed 1, so the same content always exports the same file", () => {
    const a = exportQuestionBank(japan, { format: "json", locale: "fr" });
    expect(JSON.parse(a)).toMatchObject({ seed: 1 });
    expect(exportQuestionBank(japan, { format: "json", locale: "fr", seed: 1 })).toBe(a);
  });
});
