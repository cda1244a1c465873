// What each measured route sends, spread over the seeded sessions and ids so that no single row
// or session is hot: one request source per route, consumed by autocannon's setupRequest.
import type { IncomingHttpHeaders } from "node:http";
import pg from "pg";
import { answerKey, type Question } from "@/domain/quiz";
import { actionRequest, checkActionRedirect } from "./actions";
import type { LoadRequest, LoadSpec } from "./load";
import type { SeededWorld } from "./seed";
import type { RouteKind } from "./types";

export type Scenario = {
  key: string;
  label: string;
  path: string;
  kind: RouteKind;
  floor: string | null;
  next: LoadSpec["next"];
  check?: LoadSpec["check"];
};

/** Cycles through `items` forever. */
export function cycle<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error("nothing to cycle through");
  let i = 0;
  return () => items[i++ % items.length]!;
}

/** Takes each item once, then null. */
export function once<T>(items: readonly T[]): { take: () => T | null; taken: () => T[]; remaining: () => number } {
  let i = 0;
  return {
    take: () => (i < items.length ? items[i++]! : null),
    taken: () => items.slice(0, i),
    remaining: () => items.length - i,
  };
}

/** Interleaves lists (a1, b1, c1, a2, b2, …) so that consecutive requests go to different learners. */
export function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let k = 0; k < longest; k++) for (const list of lists) if (k < list.length) out.push(list[k]!);
  return out;
}

const get = (path: string, cookie?: string): LoadRequest => ({
  method: "GET",
  path,
  headers: cookie ? { cookie } : {},
});

export type ScenarioContext = {
  origin: string;
  world: SeededWorld;
  databaseUrl: string;
  actions: { submitAttempt: string; startReviewSession: string };
  staticPath: string;
  moduleSlug: string;
  /** Attempts kept out of the submit pool (for the browser witness). */
  reserved: string[];
};

export type Scenarios = {
  floors: Scenario[];
  routes: Scenario[];
  /** Attempts handed to the load generator (some may not have been sent when the run ended). */
  drawn: () => number;
  /** Attempts whose submit answered with the redirect to their results. */
  submitted: () => string[];
  reviewCreated: () => number;
};

/** The frozen French questions of `ids`, by attempt id. */
async function readQuestions(databaseUrl: string, ids: string[]): Promise<Map<string, Question[]>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; questions: { fr: Question[] } }>(
      `SELECT id, questions FROM "Attempt" WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.questions.fr]));
  } finally {
    await client.end();
  }
}

export async function buildScenarios(ctx: ScenarioContext): Promise<Scenarios> {
  const { world, origin } = ctx;
  if (world.learners.length === 0) throw new Error("the seeded world has no learners with in-progress attempts");
  // Each learner's first in-progress attempt is read and autosaved; the others are submitted.
  const players = world.learners.map((learner) => ({
    cookie: learner.cookie,
    attemptId: learner.inProgressAttemptIds[0]!,
  }));
  const questions = await readQuestions(
    ctx.databaseUrl,
    players.map((p) => p.attemptId),
  );
  const saves = players.flatMap((player) =>
    (questions.get(player.attemptId) ?? []).map((question, position) => ({
      ...player,
      position,
      body: JSON.stringify({ answer: answerKey(question) }),
    })),
  );
  const reserved = new Set(ctx.reserved);
  const submitPool = once(
    interleave(
      world.learners.map((learner) =>
        learner.inProgressAttemptIds
          .slice(1)
          .filter((id) => !reserved.has(id))
          .map((attemptId) => ({ cookie: learner.cookie, attemptId })),
      ),
    ),
  );
  const heavy = [...world.heavyLearners].sort((a, b) => a.attempts - b.attempts);
  const progressLearner = heavy[Math.floor(heavy.length / 2)] ?? heavy[0];
  if (!progressLearner) throw new Error("the seeded world has no heavy learner");
  const mainClass = world.classes[0]!;
  let reviewCreated = 0;
  const submittedIds: string[] = [];

  const nextPlayer = cycle(players);
  const nextSave = cycle(saves);
  const nextLearner = cycle(world.learners);
  const nextClass = cycle(world.classes);
  const nextAssignment = cycle(world.classes.flatMap((c) => c.assignmentIds));

  const floors: Scenario[] = [
    {
      key: "static",
      label: "static file",
      path: ctx.staticPath,
      kind: "floor",
      floor: null,
      next: () => get(ctx.staticPath),
    },
    {
      key: "health",
      label: "/api/health",
      path: "/api/health",
      kind: "floor",
      floor: null,
      next: () => get("/api/health"),
    },
    { key: "status", label: "/status", path: "/status", kind: "floor", floor: null, next: () => get("/status") },
  ];

  const routes: Scenario[] = [
    {
      key: "quiz",
      label: "quiz page",
      path: "/attempts/:id",
      kind: "page",
      floor: "/status",
      next: () => {
        const player = nextPlayer();
        return get(`/attempts/${player.attemptId}`, player.cookie);
      },
    },
    {
      key: "autosave",
      label: "autosave an answer",
      path: "PUT /api/attempts/:id/responses/:position",
      kind: "route handler",
      floor: "/api/health",
      next: () => {
        const save = nextSave();
        return {
          method: "PUT",
          path: `/api/attempts/${save.attemptId}/responses/${save.position}`,
          headers: { cookie: save.cookie, origin, "content-type": "application/json" },
          body: save.body,
        };
      },
    },
    {
      key: "submit",
      label: "submit and grade",
      path: "POST /attempts/:id (submitAttempt)",
      kind: "action",
      floor: "/api/health",
      next: () => {
        const item = submitPool.take();
        if (!item) return null;
        const pagePath = `/attempts/${item.attemptId}`;
        return actionRequest({
          origin,
          pagePath,
          actionId: ctx.actions.submitAttempt,
          cookie: item.cookie,
          args: [null, { attemptId: item.attemptId }],
        });
      },
      check: (_status: number, headers: IncomingHttpHeaders) => {
        const reason = checkActionRedirect(headers, /^\/attempts\/[0-9a-f-]{36}\/results$/);
        if (!reason) submittedIds.push(String(headers["x-action-redirect"]).split("/")[2]!);
        return reason;
      },
    },
    {
      key: "progress",
      label: `progress page (${progressLearner.attempts} attempts)`,
      path: "/progress",
      kind: "page",
      floor: "/status",
      next: () => get("/progress", progressLearner.cookie),
    },
    {
      key: "review",
      label: "review session start",
      path: "POST /progress (startReviewSession)",
      kind: "action",
      floor: "/status",
      next: () =>
        actionRequest({
          origin,
          pagePath: "/progress",
          actionId: ctx.actions.startReviewSession,
          cookie: nextLearner().cookie,
          args: [null, { module: ctx.moduleSlug }],
        }),
      check: (_status: number, headers: IncomingHttpHeaders) => {
        const reason = checkActionRedirect(headers, /^\/attempts\/[0-9a-f-]{36}$/);
        if (!reason) reviewCreated += 1;
        return reason;
      },
    },
    {
      key: "gradebook",
      label: `gradebook ${mainClass.learnerCount} × ${mainClass.assignmentIds.length}`,
      path: "/teach/classes/:id/gradebook",
      kind: "page",
      floor: "/status",
      next: () => get(`/teach/classes/${nextClass().id}/gradebook`, world.instructor.cookie),
    },
    {
      key: "analysis",
      label: "item analysis",
      path: "/teach/assignments/:id/analysis",
      kind: "page",
      floor: "/status",
      next: () => get(`/teach/assignments/${nextAssignment()}/analysis`, world.instructor.cookie),
    },
  ];

  return {
    floors,
    routes,
    drawn: () => submitPool.taken().length,
    submitted: () => submittedIds,
    reviewCreated: () => reviewCreated,
  };
}

/** How many of `ids` are finished in the database. */
export async function countFinished(databaseUrl: string, ids: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM "Attempt" WHERE id = ANY($1::uuid[]) AND state = 'finished'`,
      [ids],
    );
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

/** The heavy learner's most recent finished attempt (for the results page in Lighthouse). */
export async function latestFinishedAttempt(databaseUrl: string, userId: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "Attempt" WHERE "userId" = $1 AND state = 'finished' ORDER BY "finishedAt" DESC LIMIT 1`,
      [userId],
    );
    return rows[0]?.id ?? null;
  } finally {
    await client.end();
  }
}
