import { describe, expect, test } from "vitest";
import { buildQuestionBank, toView, type Question } from "@/domain/quiz";
import { loadJapan } from "./support/japan";

const japan = await loadJapan();
const bank = [
  ...buildQuestionBank(japan, { locale: "fr", seed: 4 }),
  ...buildQuestionBank(japan, { locale: "en", seed: 4 }),
];

const FORBIDDEN_KEYS = ["key", "explanation", "factIds", "factId", "sections", "difficulty", "value", "module", "list"];

function keysDeep(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysDeep(v, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysDeep(v, out);
    }
  }
  return out;
}

/** Texts that would tell the answer: the key's option text is fine (it is an option), its position is not. */
function answerHints(q: Question): string[] {
  switch (q.type) {
    case "cloze":
      return q.key.accepted;
    case "year-answer":
      return [String(q.key.year)];
    default:
      return [];
  }
}

describe("toView", () => {
  test.each(bank.map((q) => [q.type, q.id, q] as const))("%s %s carries nothing of its key", (_, __, q) => {
    const view = toView(q);
    const keys = keysDeep(view);
    for (const forbidden of FORBIDDEN_KEYS) expect(keys.has(forbidden), forbidden).toBe(false);
    const json = JSON.stringify(view);
    for (const id of q.factIds) expect(json).not.toContain(id);
    for (const hint of answerHints(q)) expect(json.toLowerCase()).not.toContain(hint.toLowerCase());
    expect(view).toMatchObject({ id: q.id, type: q.type, locale: q.locale, stem: q.stem });
    expect(q.id).toMatch(/^q[0-9a-z]{11,}$/);
  });

  test("options keep their ids and texts, in the order shown", () => {
    for (const q of bank) {
      const view = toView(q);
      if (
        (q.type === "single-choice" || q.type === "multiple-choice") &&
        (view.type === "single-choice" || view.type === "multiple-choice")
      ) {
        expect(view.options).toEqual(q.options.map(({ id, text }) => ({ id, text })));
        expect(view.options.map((o) => o.id)).toEqual(q.options.map((_, i) => `o${i + 1}`));
      }
      if (q.type === "matching" && view.type === "matching") {
        expect(view.prompts).toEqual(q.prompts.map(({ id, text }) => ({ id, text })));
        expect(view.options).toEqual(q.options.map(({ id, text }) => ({ id, text })));
      }
      if (q.type === "ordering" && view.type === "ordering")
        expect(view.items).toEqual(q.items.map(({ id, text }) => ({ id, text })));
    }
  });

  test("the key's position is spread over the options, never fixed", () => {
    const positions = new Map<string, number>();
    for (let seed = 0; seed < 50; seed++) {
      for (const q of buildQuestionBank(japan, { locale: "fr", seed })) {
        if (q.type === "single-choice") positions.set(q.key.optionId, (positions.get(q.key.optionId) ?? 0) + 1);
      }
    }
    const counts = [...positions.values()];
    expect(positions.size).toBe(4);
    expect(Math.min(...counts) / Math.max(...counts)).toBeGreaterThan(0.85);
  });
});
