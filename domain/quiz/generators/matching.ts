import { dateYear } from "../dates";
import { groupDifficulty } from "../difficulty";
import { chronological, MIN_GROUP_SIZE } from "../groups";
import { matchingDatesStem, matchingListStem } from "../messages";
import type { FactEntry, ListEntry } from "../module-index";
import { shuffle } from "../random";
import type { Item, MatchingQuestion, SourcedItem } from "../types";
import { isIdentity, itemId, joinSentences, makeQuestion, questionRng, rotate, type GeneratorContext } from "./common";

type Pair = { factId: string; prompt: string; choice: string };

/** Consecutive events (in time) at most a year apart: the pairs a learner confuses. */
export function closeNeighbours(entries: readonly FactEntry[]): boolean[] {
  const years = chronological(entries).map((e) => (e.fact.value.type === "date" ? dateYear(e.fact.value) : 0));
  return years.slice(1).map((year, i) => year - (years[i] as number) <= 1);
}

function assemble(
  ctx: GeneratorContext,
  entries: readonly FactEntry[],
  pairs: readonly Pair[],
  variant: string,
  stem: string,
  explanation: string,
  close: readonly boolean[],
): MatchingQuestion {
  const rng = questionRng(
    ctx,
    "matching",
    entries.map((e) => e.fact.id),
    variant,
  );
  const promptOrder = shuffle(
    rng,
    pairs.map((_, i) => i),
  );
  let choiceOrder = shuffle(
    rng,
    pairs.map((_, i) => i),
  );
  // Choices listed in the prompts' order would give every pair away at a glance.
  if (isIdentity(choiceOrder)) choiceOrder = rotate(choiceOrder);
  const prompts: SourcedItem[] = promptOrder.map((pair, position) => {
    const { prompt, factId } = pairs[pair] as Pair;
    return { id: itemId(position, "p"), text: prompt, factId };
  });
  // Option at position j holds the choice of the prompt shown at position choiceOrder[j].
  const options: Item[] = choiceOrder.map((promptPosition, position) => ({
    id: itemId(position),
    text: (pairs[promptOrder[promptPosition] as number] as Pair).choice,
  }));
  const key: Record<string, string> = {};
  choiceOrder.forEach((promptPosition, position) => {
    key[itemId(promptPosition, "p")] = itemId(position);
  });
  return makeQuestion(
    ctx,
    "matching",
    entries,
    {
      stem,
      explanation,
      difficulty: groupDifficulty("matching", pairs.length, close),
      prompts,
      options,
      key: { pairs: key },
    },
    variant,
  );
}

/**
 * Events matched with their dates. `entries` must come from groups.ts (dates that cannot
 * overlap, labels that do not give the dates away), so each event has exactly one date.
 */
export function makeDateMatching(ctx: GeneratorContext, entries: readonly FactEntry[]): MatchingQuestion | undefined {
  if (entries.length < MIN_GROUP_SIZE) return undefined;
  const pairs = entries.map((e) => ({ factId: e.fact.id, prompt: e.label, choice: e.answerText }));
  const explanation = joinSentences(chronological(entries).map((e) => e.explanation));
  return assemble(
    ctx,
    entries,
    pairs,
    "dates",
    matchingDatesStem(ctx.index.locale),
    explanation,
    closeNeighbours(entries),
  );
}

/** A list's details matched with its members ("projects with countries"), each detail once. */
export function makeListMatching(
  ctx: GeneratorContext,
  list: ListEntry,
  entries: readonly FactEntry[],
): MatchingQuestion | undefined {
  const detailKind = list.list.detailKind;
  if (entries.length < MIN_GROUP_SIZE || !detailKind) return undefined;
  const { entities, locale } = ctx.index;
  const pairs = entries.map((e) => {
    const value = e.fact.value;
    const detail = value.type === "membership" && value.detail ? entities.get(value.detail) : undefined;
    return { factId: e.fact.id, prompt: detail?.name[locale] ?? "", choice: e.answerText };
  });
  if (pairs.some((p) => p.prompt === "")) return undefined;
  const stem = matchingListStem(locale, list.list.label[locale], detailKind, list.list.memberKinds);
  const explanation = joinSentences(entries.map((e) => e.explanation));
  return assemble(ctx, entries, pairs, list.list.id, stem, explanation, []);
}
