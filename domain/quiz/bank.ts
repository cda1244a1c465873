import type { Locale, Module } from "@/domain/content";
import {
  makeCloze,
  makeDateMatching,
  makeListMatching,
  makeMultipleChoice,
  makeOrdering,
  makeSingleChoice,
  makeTrueFalse,
  makeYearAnswer,
  type GeneratorContext,
} from "./generators";
import {
  chunkSizes,
  fitsDateGroup,
  fitsDetailGroup,
  GROUP_SIZE,
  growGroup,
  memberListOf,
  MIN_GROUP_SIZE,
} from "./groups";
import { getModuleIndex, type FactEntry } from "./module-index";
import { createRng, deriveSeed, shuffle } from "./random";
import { QUESTION_TYPES, type Question } from "./types";
import { wordingKey } from "./wording";

export type BankOptions = {
  locale: Locale;
  seed: number;
  /** Years either side still accepted in year-answer questions; 0 (exact) unless set. */
  yearTolerance?: number;
};

/**
 * Splits `entries` into groups that fit together, greedily in the order given: each group
 * starts from the first fact left and takes the next ones that fit, up to `size`. A fact that
 * cannot reach `MIN_GROUP_SIZE` companions is left out.
 */
function partition(
  entries: readonly FactEntry[],
  fits: (group: readonly FactEntry[], candidate: FactEntry) => boolean,
): FactEntry[][] {
  const left = entries.slice();
  const groups: FactEntry[][] = [];
  while (left.length > 0) {
    const [anchor, ...rest] = left as [FactEntry, ...FactEntry[]];
    const group = growGroup([anchor], rest, fits, GROUP_SIZE);
    if (group.length >= MIN_GROUP_SIZE) {
      groups.push(group);
      for (const member of group) left.splice(left.indexOf(member), 1);
    } else {
      left.shift();
    }
  }
  return groups;
}

function groupQuestions(ctx: GeneratorContext): Question[] {
  const { index, seed } = ctx;
  const order = (label: string, items: readonly FactEntry[]) =>
    shuffle(createRng(deriveSeed(seed, "bank", label)), items);
  const dated = index.facts.filter((f) => f.datable);
  const fitsDates = (g: readonly FactEntry[], c: FactEntry) => fitsDateGroup(index, g, c);
  const out: Question[] = [];

  for (const list of index.lists) {
    const members = list.members.filter((m) => memberListOf(index, m) === list);
    const shuffled = order(`list:${list.list.id}`, members);
    let start = 0;
    for (const size of chunkSizes(shuffled.length)) {
      const q = makeMultipleChoice(ctx, list, shuffled.slice(start, start + size));
      start += size;
      if (q) out.push(q);
    }
    if (list.list.detailKind) {
      const fitsDetails = (g: readonly FactEntry[], c: FactEntry) => fitsDetailGroup(index, g, c);
      for (const group of partition(order(`details:${list.list.id}`, list.members), fitsDetails)) {
        const q = makeListMatching(ctx, list, group);
        if (q) out.push(q);
      }
    }
  }
  for (const group of partition(order("matching", dated), fitsDates)) {
    const q = makeDateMatching(ctx, group);
    if (q) out.push(q);
  }
  for (const group of partition(order("ordering", dated), fitsDates)) {
    const q = makeOrdering(ctx, group);
    if (q) out.push(q);
  }
  return out;
}

/**
 * Every question the builder can make for the module with this seed: for each fact, each
 * single-fact type it supports (true/false both as stated and falsified); then "select all that
 * apply" questions covering each list's members, and matching and ordering questions over a
 * partition of the dated events. Sorted by the first fact's place in the module, then by type;
 * a true/false claim identical to an earlier one is left out. Deterministic: the same module,
 * locale and seed give the same bank, and the same questions (facts, types, option ids and
 * keys) in both languages.
 */
export function buildQuestionBank(module: Module, options: BankOptions): Question[] {
  const index = getModuleIndex(module, options.locale);
  const ctx: GeneratorContext = { index, seed: options.seed };
  const perFact = index.facts.flatMap((entry) => {
    const made: (Question | undefined)[] = [
      makeSingleChoice(ctx, entry),
      makeTrueFalse(ctx, entry, true),
      makeTrueFalse(ctx, entry, false),
      makeYearAnswer(ctx, entry, options.yearTolerance ?? 0),
      makeCloze(ctx, entry),
    ];
    return made.filter((q): q is Question => q !== undefined);
  });
  const firstFact = (q: Question) => Math.min(...q.factIds.map((id) => index.byId.get(id)?.order ?? Infinity));
  const typeRank = (q: Question) => QUESTION_TYPES.indexOf(q.type);
  // Sibling facts falsify their shared statement alike; such a claim is kept once.
  const claims = new Set<string>();
  return [...perFact, ...groupQuestions(ctx)]
    .sort((a, b) => firstFact(a) - firstFact(b) || typeRank(a) - typeRank(b))
    .filter((q) => {
      if (q.type !== "true-false") return true;
      const key = wordingKey(q, index);
      if (claims.has(key)) return false;
      claims.add(key);
      return true;
    });
}
