import { LOCALES, type AmountValue, type DateValue, type Fact, type FactValue, type Module } from "@/domain/content";
import { datesOverlap } from "./dates";
import { normalizeAnswer } from "./normalize";

/**
 * What the fact base holds true for the slot of a fact: every value that, written into the
 * fact's statement or given as the answer to its question, would be correct. A distractor must
 * lie outside it, and a typed question is only asked when it holds a single answer.
 */
export type Truth = {
  entityIds: ReadonlySet<string>;
  dates: readonly DateValue[];
  amounts: readonly AmountValue[];
};

type ValueFamily = "entity" | "date" | "amount";

function family(value: FactValue): ValueFamily {
  return value.type === "membership" ? "entity" : value.type;
}

function entityIdOf(value: FactValue): string | undefined {
  if (value.type === "entity") return value.entity;
  if (value.type === "membership") return value.member;
  return undefined;
}

/**
 * Keys under which two facts say the same thing about different values: the same question,
 * or the same statement around the slot (same template, same detail, same period). Such facts
 * are siblings, and each one's value is true of the others: the cooperation areas share one
 * question, so no area may be a wrong option for another.
 */
function siblingKeys(fact: Fact, value: FactValue): string[] {
  const kind = family(value);
  const detail = value.type === "membership" ? (value.detail ?? "") : "";
  const period = value.type === "amount" && value.period ? `${value.period.from}-${value.period.to}` : "";
  return LOCALES.flatMap((locale) => [
    `${kind}|s|${locale}|${fact.statement[locale].trim()}|${detail}|${period}`,
    ...(fact.question ? [`${kind}|q|${locale}|${normalizeAnswer(fact.question[locale])}`] : []),
  ]);
}

/** Groups of sibling facts (union–find over the shared keys). */
function siblingGroups(facts: readonly (Fact & { value: FactValue })[]): Map<string, string> {
  const parent = new Map<string, string>(facts.map((f) => [f.id, f.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  const owner = new Map<string, string>();
  for (const fact of facts) {
    for (const key of siblingKeys(fact, fact.value)) {
      const other = owner.get(key);
      if (other === undefined) owner.set(key, fact.id);
      else parent.set(find(fact.id), find(other));
    }
  }
  return new Map(facts.map((f) => [f.id, find(f.id)]));
}

/**
 * The truth of every fact that has a value, keyed by fact id. Besides siblings it uses the
 * content's own declarations: `alsoTrue` entities, and list membership (every member of a list
 * without details is a true answer to "which of these is a member"; in a list with details,
 * the members that share the fact's detail).
 */
export function buildTruths(module: Module): Map<string, Truth> {
  const facts = module.facts.filter((f): f is Fact & { value: FactValue } => f.value !== undefined);
  const group = siblingGroups(facts);
  const listDetailKind = new Map(module.lists.map((l) => [l.id, l.detailKind]));

  const byGroup = new Map<string, { entityIds: Set<string>; dates: DateValue[]; amounts: AmountValue[] }>();
  for (const fact of facts) {
    const root = group.get(fact.id) as string;
    const truth = byGroup.get(root) ?? { entityIds: new Set<string>(), dates: [], amounts: [] };
    byGroup.set(root, truth);
    const value = fact.value;
    if (value.type === "date") truth.dates.push(value);
    else if (value.type === "amount") truth.amounts.push(value);
    else {
      truth.entityIds.add(entityIdOf(value) as string);
      if (value.type === "entity") for (const id of value.alsoTrue ?? []) truth.entityIds.add(id);
    }
  }

  const truths = new Map<string, Truth>();
  for (const fact of facts) {
    const shared = byGroup.get(group.get(fact.id) as string) as Truth & { entityIds: Set<string> };
    const value = fact.value;
    if (value.type !== "membership") {
      truths.set(fact.id, shared);
      continue;
    }
    const entityIds = new Set(shared.entityIds);
    const hasDetails = listDetailKind.get(value.list) !== undefined;
    for (const other of facts) {
      const v = other.value;
      if (v.type === "membership" && v.list === value.list && (!hasDetails || v.detail === value.detail))
        entityIds.add(v.member);
    }
    truths.set(fact.id, { ...shared, entityIds });
  }
  return truths;
}

const AMOUNT_EPSILON = 1e-9;

/** Whether `candidate`, put in the fact's slot, would also be true according to the fact base. */
export function isTrueOf(truth: Truth, candidate: FactValue): boolean {
  switch (candidate.type) {
    case "entity":
      return truth.entityIds.has(candidate.entity);
    case "membership":
      return truth.entityIds.has(candidate.member);
    case "date":
      return truth.dates.some((d) => datesOverlap(d, candidate));
    case "amount":
      return truth.amounts.some(
        (a) => a.unit === candidate.unit && Math.abs(a.amount - candidate.amount) <= AMOUNT_EPSILON * a.amount,
      );
  }
}
