import { groupDifficulty } from "../difficulty";
import { chronological, MIN_GROUP_SIZE } from "../groups";
import { orderingStem } from "../messages";
import type { FactEntry } from "../module-index";
import { shuffle } from "../random";
import type { OrderingQuestion, SourcedItem } from "../types";
import { isIdentity, itemId, joinSentences, makeQuestion, questionRng, rotate, type GeneratorContext } from "./common";
import { closeNeighbours } from "./matching";

/**
 * Events to put in chronological order. `entries` must come from groups.ts: no two dates can
 * overlap, so there is exactly one right order.
 */
export function makeOrdering(ctx: GeneratorContext, entries: readonly FactEntry[]): OrderingQuestion | undefined {
  if (entries.length < MIN_GROUP_SIZE) return undefined;
  const ordered = chronological(entries);
  const rng = questionRng(
    ctx,
    "ordering",
    entries.map((e) => e.fact.id),
  );
  let display = shuffle(
    rng,
    ordered.map((_, i) => i),
  );
  // Shown already in order, the question would answer itself.
  if (isIdentity(display)) display = rotate(display);
  const items: SourcedItem[] = display.map((rank, position) => {
    const entry = ordered[rank] as FactEntry;
    return { id: itemId(position), text: entry.label, factId: entry.fact.id };
  });
  // The item of rank r is shown at the position p where display[p] === r.
  const order = ordered.map((_, rank) => itemId(display.indexOf(rank)));
  return makeQuestion(ctx, "ordering", entries, {
    stem: orderingStem(ctx.index.locale),
    explanation: joinSentences(ordered.map((e) => e.explanation)),
    difficulty: groupDifficulty("ordering", entries.length, closeNeighbours(entries)),
    items,
    key: { order },
  });
}
