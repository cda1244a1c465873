import {
  distractorCandidates,
  type AmountValue,
  type DateValue,
  type Fact,
  type FactValue,
  type Module,
} from "@/domain/content";
import { dateYear, inShapeOf, otherDecadeParts, withYear } from "./dates";
import { isTrueOf, type Truth } from "./truth";

/** A wrong value for a fact's slot; `near` marks the confusable ones (they make a question harder). */
export type CandidateValue = { value: FactValue; near: boolean };

// Years moved by these offsets make the "nearby years" distractors; decades move by tens, and
// less far (three decades away is no longer a plausible answer).
const YEAR_OFFSETS = [1, -1, 2, -2, 3, -3];
const DECADE_OFFSETS = [1, -1, 2, -2];
// Scales that keep an amount round ("5 billion" → 1, 2.5, 10, 15, 50 billion).
const AMOUNT_SCALES = [0.2, 0.5, 2, 3, 10];

function dateKey(value: DateValue): string {
  return `${value.precision}|${value.date}|${value.part ?? ""}`;
}

/**
 * Dates of the same shape as the answer: the other facts' dates (moved into the answer's
 * shape), nearby years, and the other parts of a narrowed decade. Near: within two years (or
 * the same decade).
 */
function dateCandidates(answer: DateValue, otherDates: readonly DateValue[]): CandidateValue[] {
  const year = dateYear(answer);
  const isDecade = answer.precision === "decade";
  const step = isDecade ? 10 : 1;
  const raw = [
    ...otherDates.map((d) => inShapeOf(answer, d)),
    ...(isDecade ? DECADE_OFFSETS : YEAR_OFFSETS).map((k) => withYear(answer, year + k * step)),
    ...otherDecadeParts(answer),
  ];
  const seen = new Set<string>([dateKey(answer)]);
  const out: CandidateValue[] = [];
  for (const value of raw) {
    if (!value || seen.has(dateKey(value))) continue;
    seen.add(dateKey(value));
    out.push({ value, near: Math.abs(dateYear(value) - year) <= (isDecade ? 9 : 2) });
  }
  return out;
}

/** Three significant digits: scaling 5e9 by 0.2 must give 1e9, not 1.0000000000000002e9. */
function roundAmount(n: number): number {
  return Number(n.toPrecision(3));
}

function amountCandidates(answer: AmountValue, otherAmounts: readonly AmountValue[]): CandidateValue[] {
  const scaled = AMOUNT_SCALES.map((s) => roundAmount(answer.amount * s));
  const others = otherAmounts.filter((a) => a.unit === answer.unit).map((a) => a.amount);
  const amounts = [...new Set([...others, ...scaled])].filter((a) => a !== answer.amount && a > 0);
  return amounts.map((amount) => {
    const ratio = Math.max(amount, answer.amount) / Math.min(amount, answer.amount);
    const value: AmountValue = answer.period
      ? { type: "amount", amount, unit: answer.unit, period: answer.period }
      : { type: "amount", amount, unit: answer.unit };
    return { value, near: ratio <= 2.5 };
  });
}

/**
 * Every wrong value the builder may offer for `fact`, none of them true according to `truth`.
 * Entities come from the content's own rules (vetted `distractors`, else the same kind; for a
 * list, its vetted distractors, else non-members of its kinds): a vetted list is never widened.
 * Near entities are those that answer some other fact of the module, hence look relevant.
 */
export function candidateValues(module: Module, fact: Fact & { value: FactValue }, truth: Truth): CandidateValue[] {
  const value = fact.value;
  const others = module.facts.filter((f) => f.id !== fact.id && f.value !== undefined);
  let candidates: CandidateValue[];
  switch (value.type) {
    case "date":
      candidates = dateCandidates(
        value,
        others.flatMap((f) => (f.value?.type === "date" ? [f.value] : [])),
      );
      break;
    case "amount":
      candidates = amountCandidates(
        value,
        others.flatMap((f) => (f.value?.type === "amount" ? [f.value] : [])),
      );
      break;
    case "entity":
    case "membership": {
      const answered = new Set(
        others.flatMap((f) =>
          f.value?.type === "entity" ? [f.value.entity] : f.value?.type === "membership" ? [f.value.member] : [],
        ),
      );
      candidates = distractorCandidates(module, value).map((entity) => ({
        value:
          value.type === "entity"
            ? { type: "entity", kind: value.kind, entity: entity.id }
            : { type: "membership", list: value.list, member: entity.id },
        near: answered.has(entity.id),
      }));
      break;
    }
  }
  return candidates.filter((c) => !isTrueOf(truth, c.value));
}
