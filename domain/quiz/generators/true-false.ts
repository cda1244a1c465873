import { trueFalseDifficulty } from "../difficulty";
import type { FactEntry } from "../module-index";
import { createRng, deriveSeed, randomInt } from "../random";
import type { TrueFalseQuestion } from "../types";
import { makeQuestion, questionRng, type GeneratorContext } from "./common";

export function canMakeTrueFalse(entry: FactEntry, value: boolean): boolean {
  return value || entry.swaps.length > 0;
}

/** Heads or tails for the fact, from the seed: whether a quiz shows it true or falsified. */
export function trueFalseCoin(ctx: GeneratorContext, entry: FactEntry): boolean {
  if (!canMakeTrueFalse(entry, false)) return true;
  return createRng(deriveSeed(ctx.seed, "true-false", "coin", entry.fact.id))() < 0.5;
}

/**
 * The fact's statement as a claim to judge: as it is (`value` true), or with its value swapped
 * for a wrong one of the same type (`value` false), rendered with the same grammar so that the
 * wording never betrays the swap. The explanation is always the true statement.
 */
export function makeTrueFalse(ctx: GeneratorContext, entry: FactEntry, value: boolean): TrueFalseQuestion | undefined {
  if (!canMakeTrueFalse(entry, value)) return undefined;
  const variant = value ? "true" : "false";
  const rng = questionRng(ctx, "true-false", [entry.fact.id], variant);
  const swapped = value ? undefined : entry.swaps[randomInt(rng, entry.swaps.length)];
  const shown = swapped?.value ?? entry.fact.value;
  return makeQuestion(
    ctx,
    "true-false",
    [entry],
    {
      stem: swapped?.statement ?? entry.statement,
      explanation: entry.explanation,
      difficulty: trueFalseDifficulty(!value, swapped?.near ?? false),
      key: { value, shown },
    },
    variant,
  );
}
