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
  for (const outcome of args.outcomes) {
    const factId = factIds.get(outcome.factKey);
    if (!factId) continue;
    const before = cards.get(factId) ?? newCard(args.answeredAt);
    // Reviews must move forward in time; an attempt closed at a past deadline is logged no
    // earlier than the fact's latest review.
    const answeredAt = before.lastReview && before.lastReview > args.answeredAt ? before.lastReview : args.answeredAt;
    const { card, log } = reviewCard(before, { correct: outcome.correct, answeredAt });
    const state = {
      due: card.due,
      stability: card.stability,
      difficulty: card.difficulty,
      elapsedDays: card.elapsedDays,
      scheduledDays: card.scheduledDays,
      learningSteps: card.learningSteps,
      reps: card.reps,
      lapses: card.lapses,
      state: card.state,
      lastReview: card.lastReview,
    };
    await tx.factCard.upsert({
      where: { userId_factId: { userId: args.userId, factId } },
      create: { userId: args.userId, factId, ...state },
      update: state,
    });
    cards.set(factId, card);
    logs.push({ userId: args.userId, factId, attemptId: args.attemptId, correct: outcome.correct, ...log });
  }
  await tx.reviewLog.createMany({ data: logs });
}
