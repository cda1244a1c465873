import "server-only";
import { newCard, reviewCard, type CardState } from "@/domain/progress";
import type { Prisma } from "@/generated/prisma/client";

export type FactOutcome = { factKey: string; correct: boolean };

/**
 * Updates the FSRS card of every fact a finished attempt asked about, and logs each review, in
 * the attempt's transaction. A fact's answer is correct when its question got full marks;
 * a question left unanswered counts as not known (see docs/decisions/0006).
 */
export async function recordReviews(
  tx: Prisma.TransactionClient,
  args: { userId: string; moduleId: string; attemptId: string; answeredAt: Date; outcomes: FactOutcome[] },
): Promise<void> {
  if (args.outcomes.length === 0) return;
  const facts = await tx.fact.findMany({
    where: { moduleId: args.moduleId, key: { in: args.outcomes.map((o) => o.factKey) } },
    select: { id: true, key: true },
  });
  const factIds = new Map(facts.map((fact) => [fact.key, fact.id]));
  const cards = new Map(
    (
      await tx.factCard.findMany({
        where: { userId: args.userId, factId: { in: facts.map((fact) => fact.id) } },
      })
    ).map((row) => [row.factId, row as CardState]),
  );

  const logs: Prisma.ReviewLogCreateManyInput[] = [];
  const updated = new Map<string, CardState>();
  for (const outcome of args.outcomes) {
    const factId = factIds.get(outcome.factKey);
    if (!factId) continue;
    const before = cards.get(factId) ?? newCard(args.answeredAt);
    // Reviews must move forward in time; an attempt closed at a past deadline is logged no
    // earlier than the fact's latest review.
    const answeredAt = before.lastReview && before.lastReview > args.answeredAt ? before.lastReview : args.answeredAt;
    const { card, log } = reviewCard(before, { correct: outcome.correct, answeredAt });
    // A fact asked twice in one attempt is reviewed twice, in order; its card keeps the last state.
    cards.set(factId, card);
    updated.set(factId, card);
    logs.push({ userId: args.userId, factId, attemptId: args.attemptId, correct: outcome.correct, ...log });
  }
  await upsertCards(tx, args.userId, updated);
  await tx.reviewLog.createMany({ data: logs });
}

/** Every card of the attempt in one statement, whatever the number of facts. */
async function upsertCards(tx: Prisma.TransactionClient, userId: string, cards: Map<string, CardState>): Promise<void> {
  if (cards.size === 0) return;
  const factIds = [...cards.keys()];
  const rows = [...cards.values()];
  await tx.$executeRaw`
    INSERT INTO "FactCard" ("userId", "factId", due, stability, difficulty, "elapsedDays", "scheduledDays",
                            "learningSteps", reps, lapses, state, "lastReview")
    SELECT ${userId}, c."factId", c.due, c.stability, c.difficulty, c."elapsedDays", c."scheduledDays",
           c."learningSteps", c.reps, c.lapses, c.state::"CardStateName", c."lastReview"
      FROM unnest(${factIds}::uuid[], ${rows.map((card) => card.due)}::timestamptz[],
                  ${rows.map((card) => card.stability)}::float8[], ${rows.map((card) => card.difficulty)}::float8[],
                  ${rows.map((card) => card.elapsedDays)}::int[], ${rows.map((card) => card.scheduledDays)}::int[],
                  ${rows.map((card) => card.learningSteps)}::int[], ${rows.map((card) => card.reps)}::int[],
                  ${rows.map((card) => card.lapses)}::int[], ${rows.map((card) => card.state)}::text[],
                  ${rows.map((card) => card.lastReview ?? null)}::timestamptz[])
        AS c("factId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview")
    ON CONFLICT ("userId", "factId") DO UPDATE SET
      due = EXCLUDED.due, stability = EXCLUDED.stability, difficulty = EXCLUDED.difficulty,
      "elapsedDays" = EXCLUDED."elapsedDays", "scheduledDays" = EXCLUDED."scheduledDays",
      "learningSteps" = EXCLUDED."learningSteps", reps = EXCLUDED.reps, lapses = EXCLUDED.lapses,
      state = EXCLUDED.state, "lastReview" = EXCLUDED."lastReview"`;
}
