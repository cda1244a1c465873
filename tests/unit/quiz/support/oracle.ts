import type { DateValue, Fact, FactValue, Module } from "@/domain/content";

/**
 * An independent reading of the fact base, written apart from domain/quiz (real calendar
 * dates, plain loops) so that the tests check the builder against something other than itself.
 */

const DECADE_PARTS: Record<string, [number, number]> = { early: [0, 3], mid: [4, 6], late: [7, 9] };

/** First and last day covered by a date, as UTC milliseconds. */
export function dateSpan(value: DateValue): [number, number] {
  const [y = 0, m, d] = value.date.split("-").map(Number);
  const day = (year: number, month: number, date: number) => Date.UTC(year, month - 1, date);
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  switch (value.precision) {
    case "day":
      return [day(y, m ?? 1, d ?? 1), day(y, m ?? 1, d ?? 1)];
    case "month":
      return [day(y, m ?? 1, 1), day(y, m ?? 1, lastDay(y, m ?? 1))];
    case "year":
      return [day(y, 1, 1), day(y, 12, 31)];
    case "decade": {
      const [from, to] = value.part ? (DECADE_PARTS[value.part] as [number, number]) : [0, 9];
      return [day(y + from, 1, 1), day(y + to, 12, 31)];
    }
  }
}

export function spansOverlap(a: DateValue, b: DateValue): boolean {
  const [a0, a1] = dateSpan(a);
  const [b0, b1] = dateSpan(b);
  return a0 <= b1 && b0 <= a1;
}

function entityOf(value: FactValue): string | undefined {
  return value.type === "entity" ? value.entity : value.type === "membership" ? value.member : undefined;
}

/** Facts asked by the same question, or stating the same thing around their slot. */
function sameClaim(a: Fact, b: Fact): boolean {
  const detail = (f: Fact) => (f.value?.type === "membership" ? (f.value.detail ?? "") : "");
  const sameQuestion =
    a.question !== undefined &&
    b.question !== undefined &&
    (a.question.fr === b.question.fr || a.question.en === b.question.en);
  const sameStatement =
    (a.statement.fr === b.statement.fr || a.statement.en === b.statement.en) && detail(a) === detail(b);
  return sameQuestion || sameStatement;
}

/** Values true of the fact's slot: its own, those of facts making the same claim, list-mates. */
function truthsOf(module: Module, fact: Fact): FactValue[] {
  const value = fact.value;
  if (!value) return [];
  const truths: FactValue[] = [value];
  for (const other of module.facts)
    if (other.value && other !== fact && sameClaim(fact, other)) truths.push(other.value);
  if (value.type === "membership") {
    const list = module.lists.find((l) => l.id === value.list);
    for (const other of module.facts) {
      const v = other.value;
      if (v?.type === "membership" && v.list === value.list && (!list?.detailKind || v.detail === value.detail))
        truths.push(v);
    }
  }
  return truths;
}

const memo = new WeakMap<Fact, FactValue[]>();

/** Whether `candidate`, put in `fact`'s slot, is true according to the module. */
export function isTrueValue(module: Module, fact: Fact, candidate: FactValue): boolean {
  const value = fact.value;
  if (!value) return false;
  let truths = memo.get(fact);
  if (!truths) {
    truths = truthsOf(module, fact);
    memo.set(fact, truths);
  }
  if (candidate.type === "date") return truths.some((t) => t.type === "date" && spansOverlap(t, candidate));
  if (candidate.type === "amount")
    return truths.some((t) => t.type === "amount" && t.amount === candidate.amount && t.unit === candidate.unit);
  const id = entityOf(candidate);
  if (value.type === "entity" && value.alsoTrue?.includes(id ?? "")) return true;
  return truths.some((t) => entityOf(t) === id);
}

const counts = new WeakMap<Fact, number>();

/** How many entities are a true answer for the fact's slot. */
export function trueEntityCount(module: Module, fact: Fact): number {
  const cached = counts.get(fact);
  if (cached !== undefined) return cached;
  const count = module.entities.filter((e) =>
    isTrueValue(module, fact, { type: "entity", kind: e.kind, entity: e.id }),
  ).length;
  counts.set(fact, count);
  return count;
}
