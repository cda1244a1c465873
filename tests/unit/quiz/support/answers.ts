import type { Answer, Question } from "@/domain/quiz";

/**
 * Answers that differ from the key by one step: every other option, each option toggled,
 * each pair of matches swapped, each neighbour swap of an order. With the key scoring 1, each
 * of these must score less, or the question has two right answers.
 */
export function nearMisses(q: Question, otherNames: readonly string[]): Answer[] {
  switch (q.type) {
    case "single-choice":
      return q.options.filter((o) => o.id !== q.key.optionId).map((o) => ({ type: "single-choice", optionId: o.id }));
    case "multiple-choice": {
      const key = new Set(q.key.optionIds);
      return q.options.map((o) => ({
        type: "multiple-choice",
        optionIds: key.has(o.id) ? q.key.optionIds.filter((id) => id !== o.id) : [...q.key.optionIds, o.id],
      }));
    }
    case "true-false":
      return [{ type: "true-false", value: !q.key.value }];
    case "year-answer":
      return [q.key.year - q.key.tolerance - 1, q.key.year + q.key.tolerance + 1, 1999]
        .filter((y) => Math.abs(y - q.key.year) > q.key.tolerance)
        .map((y) => ({ type: "year-answer", text: String(y) }));
    case "cloze":
      return [...otherNames.map((text) => ({ type: "cloze" as const, text })), { type: "cloze", text: "" }];
    case "matching": {
      const prompts = q.prompts.map((p) => p.id);
      const swaps: Answer[] = [];
      for (let i = 0; i < prompts.length; i++) {
        for (let j = i + 1; j < prompts.length; j++) {
          const pairs = { ...q.key.pairs };
          const a = prompts[i] as string;
          const b = prompts[j] as string;
          [pairs[a], pairs[b]] = [pairs[b] as string, pairs[a] as string];
          swaps.push({ type: "matching", pairs });
        }
      }
      return swaps;
    }
    case "ordering":
      return q.key.order.slice(1).map((_, i) => {
        const order = q.key.order.slice();
        [order[i], order[i + 1]] = [order[i + 1] as string, order[i] as string];
        return { type: "ordering", optionIds: order };
      });
  }
}
