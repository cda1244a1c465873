import "server-only";
import type { Viewer } from "@/server/auth/viewer";
import { getDb } from "@/server/db/client";

export type LearnerExport = {
  exportedAt: string;
  user: { id: string; name: string; email: string; role: string };
  attempts: Record<string, unknown>[];
  answers: Record<string, unknown>[];
  memory: Record<string, unknown>[];
  reviews: Record<string, unknown>[];
};

/** Everything Entente keeps about the viewer's learning, as flat rows. Four queries, all scoped to the viewer. */
export async function exportLearnerData(viewer: Viewer, now = new Date()): Promise<LearnerExport> {
  const db = getDb();
  const [attempts, answers, cards, reviews] = await Promise.all([
    db.attempt.findMany({
      where: { userId: viewer.id },
      orderBy: { startedAt: "asc" },
      select: {
        id: true,
        state: true,
        startedAt: true,
        finishedAt: true,
        deadlineAt: true,
        score: true,
        points: true,
        questionCount: true,
        settings: true,
        module: { select: { slug: true } },
      },
    }),
    db.response.findMany({
      where: { attempt: { userId: viewer.id } },
      orderBy: [{ attemptId: "asc" }, { position: "asc" }],
      select: { attemptId: true, position: true, answer: true, locale: true, savedAt: true, score: true, correct: true },
    }),
    db.factCard.findMany({ where: { userId: viewer.id }, orderBy: { due: "asc" }, include: { fact: { select: { key: true } } } }),
    db.reviewLog.findMany({ where: { userId: viewer.id }, orderBy: { review: "asc" }, include: { fact: { select: { key: true } } } }),
  ]);
  return {
    exportedAt: now.toISOString(),
    user: { id: viewer.id, name: viewer.name, email: viewer.email, role: viewer.role },
    attempts: attempts.map(({ module, settings, ...attempt }) => ({ ...attempt, module: module.slug, settings: JSON.stringify(settings) })),
    answers: answers.map((answer) => ({ ...answer, answer: JSON.stringify(answer.answer) })),
    memory: cards.map(({ fact, userId: _userId, ...card }) => ({ fact: fact.key, ...card })),
    reviews: reviews.map(({ fact, userId: _userId, ...review }) => ({ fact: fact.key, ...review })),
  };
}
