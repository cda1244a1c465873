import { instructionFor } from "../messages";
import type { FactEntry, ModuleIndex } from "../module-index";
import { createRng, deriveSeed, hashString, type Rng } from "../random";
import type { QuestionOf, QuestionType } from "../types";

/** What every generator receives: the module's index and the seed of the whole bank or quiz. */
export type GeneratorContext = { index: ModuleIndex; seed: number };

/**
 * The random stream of one question, derived from the seed and what the question is about, so
 * it is the same whichever other questions are drawn around it.
 */
export function questionRng(ctx: GeneratorContext, type: QuestionType, factIds: readonly string[], variant = ""): Rng {
  return createRng(deriveSeed(ctx.seed, type, variant, ...factIds));
}

/**
 * "q" + 11 base-36 digits of a 53-bit hash: opaque, so it says nothing of facts or answers.
 * The language is not part of it: the French and English builds are the same question.
 */
export function questionId(
  ctx: GeneratorContext,
  type: QuestionType,
  factIds: readonly string[],
  variant = "",
): string {
  const hash = hashString([ctx.index.module.slug, ctx.seed, type, variant, ...factIds].join("\u001f"));
  return `q${hash.toString(36).padStart(11, "0")}`;
}

/** The topic most of the facts belong to (the first one's on a tie): a group question counts there. */
function mainTopic(entries: readonly FactEntry[]): string {
  const counts = new Map<string, number>();
  let best = entries[0]?.fact.topic ?? "";
  for (const e of entries) {
    const n = (counts.get(e.fact.topic) ?? 0) + 1;
    counts.set(e.fact.topic, n);
    if (n > (counts.get(best) ?? 0)) best = e.fact.topic;
  }
  return best;
}

/** Fields every question of any type has, computed here; the generator supplies the rest. */
type DerivedField = "id" | "module" | "locale" | "topic" | "factIds" | "sections" | "instruction" | "type";
export type OwnFields<T extends QuestionType> = Omit<QuestionOf<T>, DerivedField>;

function baseFields(ctx: GeneratorContext, type: QuestionType, entries: readonly FactEntry[], variant: string) {
  const { index } = ctx;
  const factIds = entries.map((e) => e.fact.id);
  const sections =
    entries.length === 1
      ? [entries[0]?.fact.section as string]
      : [...new Set(entries.map((e) => e.fact.section))].sort(
          (a, b) => (index.sectionOrder.get(a) ?? 0) - (index.sectionOrder.get(b) ?? 0),
        );
  return {
    id: questionId(ctx, type, factIds, variant),
    module: index.module.slug,
    locale: index.locale,
    topic: mainTopic(entries),
    factIds,
    sections,
    instruction: instructionFor(type, index.locale),
    type,
  };
}

/**
 * A question of `type` about `entries`, from the fields its generator computed. Built by
 * assigning onto the shared fields rather than spreading them: spreads cost several times more,
 * and a quiz builds twenty of these (see scripts/bench-quiz.ts).
 */
export function makeQuestion<T extends QuestionType>(
  ctx: GeneratorContext,
  type: T,
  entries: readonly FactEntry[],
  fields: OwnFields<T>,
  variant = "",
): QuestionOf<T> {
  return Object.assign(baseFields(ctx, type, entries, variant), fields) as unknown as QuestionOf<T>;
}

// Built once: ids are handed out per option of every question built.
const IDS: Record<string, readonly string[]> = {
  o: Array.from({ length: 32 }, (_, i) => `o${i + 1}`),
  p: Array.from({ length: 32 }, (_, i) => `p${i + 1}`),
};

/** The id of the item shown at `position` (0-based): "o1", "o2"… or "p1", "p2"… */
export function itemId(position: number, prefix: "o" | "p" = "o"): string {
  return IDS[prefix]?.[position] ?? `${prefix}${position + 1}`;
}

/**
 * Whether a shuffle left every item in its place. Shown that way, an ordering or matching
 * question would hand its key to the learner, so callers then `rotate` it by one.
 */
export function isIdentity(order: readonly number[]): boolean {
  return order.every((v, i) => v === i);
}

export function rotate<T>(items: readonly T[]): T[] {
  return items.length < 2 ? items.slice() : [...items.slice(1), items[0] as T];
}

/** Sentences one after another; each already ends with its own punctuation. */
export function joinSentences(sentences: readonly string[]): string {
  return sentences.join(" ");
}
