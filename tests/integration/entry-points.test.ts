// Every entry point a browser can reach, called in-process, against every kind of caller: each
// exported server action (server/actions/*.ts) and each HTTP method of each route handler
// (app/**/route.ts). The data-level matrix (authorization-matrix.test.ts) proves the queries;
// this one proves the doors: the session is read from a real signed cookie, roles are checked,
// input is parsed as the form posts it, and the outcome is what the caller sees.
//
// Next.js normally supplies the request context; here three framework modules are replaced, and
// nothing else: `next/headers` (the request's headers and cookies, carrying a real better-auth
// session cookie), `next-intl/server` (the request's translations, from messages/), and
// `next/cache` (page revalidation, which has no cache to invalidate outside a Next.js server).
// They are the framework's plumbing, not the code under test. See tests/support/request-context.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { disconnectDb } from "@/server/db/client";
import { compareCoverage, listActionExports, listRouteExports, loadEntryPoint } from "../support/entry-points";
import {
  PERSONAS,
  SIGN_IN,
  buildEntryWorld,
  changedTables,
  dropSnapshot,
  fingerprint,
  restoreSnapshot,
  saveSnapshot,
  type EntryWorld,
  type Persona,
} from "../support/entry-world";
import {
  ORIGIN,
  callAction,
  callRoute,
  cookiesSet,
  setRequest,
  toFormData,
  type ActionOutcome,
} from "../support/request-context";

vi.mock("next/headers", async () => (await import("../support/request-context")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer);
vi.mock("next/cache", async () => (await import("../support/request-context")).nextCache);

type Outcome = ActionOutcome | number;
type Expectation = Record<Persona, Outcome>;

/** One row: an entry point, how to call it on the world, and what each persona must get. */
type Row = {
  entry: string;
  /** Several rows may share an entry point; the label tells them apart. */
  label?: string;
  call: (fn: (...args: never[]) => Promise<unknown>, world: EntryWorld, persona: Persona) => Promise<Outcome>;
  expect: Expectation;
};

const each = (outcome: Outcome): Expectation => ({
  anonymous: outcome,
  learner: outcome,
  otherLearner: outcome,
  classInstructor: outcome,
  otherInstructor: outcome,
  admin: outcome,
});

// Shapes of the table, in PERSONAS order: anonymous, learner, otherLearner, classInstructor,
// otherInstructor, admin. Another instructor (and an admin, who teaches nothing by default) get
// NOT_FOUND for a class they do not teach: they learn nothing of what exists.
const SIGNED_IN = (outcome: Outcome): Expectation => ({ ...each(outcome), anonymous: "UNAUTHENTICATED" });
const ADMIN_ONLY: Expectation = { ...each("FORBIDDEN"), anonymous: "UNAUTHENTICATED", admin: "ok" };
const TEACHING = (outcome: Outcome): Expectation => ({
  anonymous: "UNAUTHENTICATED",
  learner: "FORBIDDEN",
  otherLearner: "FORBIDDEN",
  classInstructor: outcome,
  otherInstructor: outcome,
  admin: outcome,
});
const CLASS_TEACHER = (outcome: Outcome): Expectation => ({ ...TEACHING("NOT_FOUND"), classInstructor: outcome });
const ATTEMPT_OWNER = (outcome: Outcome): Expectation => ({ ...SIGNED_IN("NOT_FOUND"), learner: outcome });
const HTTP_CLASS_TEACHER: Expectation = { ...each(404), anonymous: 401, classInstructor: 200 };

/** A server action as a form posts it: (previous state, FormData). */
const form =
  (values: (world: EntryWorld, persona: Persona) => Record<string, unknown>) =>
  async (fn: (...args: never[]) => Promise<unknown>, world: EntryWorld, persona: Persona) =>
    (
      await callAction(() =>
        (fn as (previous: unknown, payload: unknown) => Promise<unknown>)(
          undefined,
          toFormData(values(world, persona)),
        ),
      )
    ).outcome;

const localInput = (date: Date) => date.toISOString().slice(0, 16);

const assignmentForm = (world: EntryWorld) => ({
  module: world.module,
  title: "Devoir du matrix",
  topics: world.topics,
  size: "4",
  types: "true-false",
  opensAt: localInput(new Date(Date.now() - 3_600_000)),
  dueAt: localInput(new Date(Date.now() + 86_400_000)),
  timeLimitMinutes: "",
  maxAttempts: "",
  scoring: "best",
  feedback: "immediately",
  timeZone: "UTC",
});

type RouteCall = { method: string; path: string; params: Record<string, string>; body?: unknown };

/** A route handler called as Next.js calls it: (Request, { params }). */
const http =
  (request: (world: EntryWorld) => RouteCall) =>
  async (fn: (...args: never[]) => Promise<unknown>, world: EntryWorld, persona: Persona) => {
    const { method, path, params, body } = request(world);
    const headers = new Headers({ host: new URL(ORIGIN).host });
    const cookie = world.cookies[persona];
    if (cookie) headers.set("cookie", cookie);
    if (body !== undefined) {
      headers.set("content-type", "application/json");
      headers.set("origin", ORIGIN);
      headers.set("sec-fetch-site", "same-origin");
    }
    const init: RequestInit = { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
    const handler = fn as (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
    return (await callRoute(() => handler(new Request(`${ORIGIN}${path}`, init), { params: Promise.resolve(params) })))
      .status;
  };

const ROWS: Row[] = [
  // server/actions/admin.ts
  {
    entry: "server/actions/admin.ts#changeRole",
    call: form(() => ({ userId: "otherLearner", role: "instructor" })),
    expect: ADMIN_ONLY,
  },

  // server/actions/assignments.ts
  {
    entry: "server/actions/assignments.ts#createAssignment",
    call: form((w) => ({ classId: w.classId, ...assignmentForm(w) })),
    expect: CLASS_TEACHER("redirect"),
  },
  {
    entry: "server/actions/assignments.ts#updateAssignment",
    call: form((w) => ({ assignmentId: w.assignmentId, ...assignmentForm(w) })),
    expect: CLASS_TEACHER("ok"),
  },
  {
    entry: "server/actions/assignments.ts#openAssignment",
    call: form((w) => ({ assignmentId: w.assignmentId })),
    // Enrolled learners start (or resume) it; people not enrolled do not see it.
    expect: { ...SIGNED_IN("NOT_FOUND"), learner: "redirect", otherLearner: "redirect" },
  },

  // server/actions/attempts.ts
  {
    entry: "server/actions/attempts.ts#startPractice",
    call: form((w) => ({ module: w.module, topics: w.topics, size: "4", types: "true-false", timeLimitMinutes: "" })),
    expect: SIGNED_IN("redirect"),
  },
  {
    entry: "server/actions/attempts.ts#submitAttempt",
    call: form((w) => ({ attemptId: w.attemptId })),
    expect: ATTEMPT_OWNER("redirect"),
  },
  {
    entry: "server/actions/attempts.ts#submitAttempt",
    label: "someone else's attempt",
    call: form((w) => ({ attemptId: w.otherAttemptId })),
    expect: { ...SIGNED_IN("NOT_FOUND"), otherLearner: "redirect" },
  },
  {
    entry: "server/actions/attempts.ts#startReviewSession",
    call: form((w) => ({ module: w.module })),
    expect: SIGNED_IN("redirect"),
  },

  // server/actions/auth.ts: public; signing in again while signed in is allowed.
  {
    entry: "server/actions/auth.ts#signIn",
    call: form(() => ({ email: SIGN_IN.email, password: SIGN_IN.password, next: "/history" })),
    expect: each("redirect"),
  },
  {
    entry: "server/actions/auth.ts#signIn",
    label: "wrong password",
    call: form(() => ({ email: SIGN_IN.email, password: "not the password", next: "/" })),
    expect: each("INVALID"),
  },
  {
    entry: "server/actions/auth.ts#signUp",
    call: form((_w, persona) => ({
      name: "Nouvelle",
      email: `new-${persona.toLowerCase()}@example.org`,
      password: "a long passphrase",
    })),
    expect: each("redirect"),
  },
  {
    entry: "server/actions/auth.ts#signUp",
    label: "address taken",
    call: form(() => ({ name: "Doublon", email: SIGN_IN.email, password: "a long passphrase" })),
    expect: each("INVALID"),
  },
  {
    entry: "server/actions/auth.ts#signOut",
    call: async (fn) => (await callAction(() => (fn as () => Promise<unknown>)())).outcome,
    expect: each("redirect"),
  },

  // server/actions/classes.ts
  {
    entry: "server/actions/classes.ts#createClass",
    call: form(() => ({ name: "Nouvelle classe" })),
    expect: TEACHING("redirect"),
  },
  {
    entry: "server/actions/classes.ts#renameClass",
    call: form((w) => ({ classId: w.classId, name: "Renommée" })),
    expect: CLASS_TEACHER("ok"),
  },
  {
    entry: "server/actions/classes.ts#archiveClass",
    call: form((w) => ({ classId: w.classId, archived: "true" })),
    expect: CLASS_TEACHER("ok"),
  },
  {
    entry: "server/actions/classes.ts#regenerateJoinCode",
    call: form((w) => ({ classId: w.classId })),
    expect: CLASS_TEACHER("ok"),
  },
  {
    entry: "server/actions/classes.ts#removeLearner",
    call: form((w) => ({ classId: w.classId, userId: "otherLearner" })),
    expect: CLASS_TEACHER("ok"),
  },
  {
    entry: "server/actions/classes.ts#addInstructor",
    call: form((w) => ({ classId: w.classId, email: "otherinstructor@example.org" })),
    expect: CLASS_TEACHER("ok"),
  },
  {
    entry: "server/actions/classes.ts#addInstructor",
    label: "to another instructor's class",
    call: form((w) => ({ classId: w.otherClassId, email: "classinstructor@example.org" })),
    expect: { ...CLASS_TEACHER("NOT_FOUND"), otherInstructor: "ok" },
  },
  {
    entry: "server/actions/classes.ts#joinClass",
    call: form((w) => ({ code: w.otherJoinCode })),
    expect: SIGNED_IN("redirect"),
  },

  // server/actions/set-locale.ts: a display preference, open to everyone.
  {
    entry: "server/actions/set-locale.ts#setLocale",
    call: async (fn) => {
      const { outcome } = await callAction(() =>
        (fn as (form: FormData) => Promise<unknown>)(toFormData({ locale: "en" })),
      );
      return outcome === "ok" && cookiesSet().some((cookie) => cookie.name === "NEXT_LOCALE" && cookie.value === "en")
        ? "ok"
        : outcome;
    },
    expect: each("ok"),
  },

  // Route handlers
  {
    entry: "app/api/attempts/[attemptId]/responses/[position]/route.ts#PUT",
    call: http((w) => ({
      method: "PUT",
      path: `/api/attempts/${w.attemptId}/responses/0`,
      params: { attemptId: w.attemptId, position: "0" },
      body: { answer: { type: "true-false", value: true } },
    })),
    expect: { ...each(404), anonymous: 401, learner: 200 },
  },
  {
    entry: "app/api/attempts/[attemptId]/responses/[position]/route.ts#PUT",
    label: "someone else's attempt",
    call: http((w) => ({
      method: "PUT",
      path: `/api/attempts/${w.otherAttemptId}/responses/0`,
      params: { attemptId: w.otherAttemptId, position: "0" },
      body: { answer: { type: w.otherAttemptTypes[0], text: "1997" } },
    })),
    expect: { ...each(404), anonymous: 401, otherLearner: 200 },
  },
  {
    entry: "app/api/me/export/route.ts#GET",
    call: http(() => ({ method: "GET", path: "/api/me/export?format=json", params: {} })),
    expect: { ...each(200), anonymous: 401 },
  },
  {
    entry: "app/api/health/route.ts#GET",
    call: http(() => ({ method: "GET", path: "/api/health", params: {} })),
    expect: each(200),
  },
  {
    entry: "app/teach/modules/[slug]/bank/route.ts#GET",
    call: http((w) => ({
      method: "GET",
      path: `/teach/modules/${w.module}/bank?format=gift`,
      params: { slug: w.module },
    })),
    expect: { anonymous: 401, learner: 404, otherLearner: 404, classInstructor: 200, otherInstructor: 200, admin: 200 },
  },
  {
    entry: "app/teach/classes/[classId]/gradebook/csv/route.ts#GET",
    call: http((w) => ({
      method: "GET",
      path: `/teach/classes/${w.classId}/gradebook/csv`,
      params: { classId: w.classId },
    })),
    expect: HTTP_CLASS_TEACHER,
  },
  {
    entry: "app/teach/assignments/[assignmentId]/analysis/csv/route.ts#GET",
    call: http((w) => ({
      method: "GET",
      path: `/teach/assignments/${w.assignmentId}/analysis/csv`,
      params: { assignmentId: w.assignmentId },
    })),
    expect: HTTP_CLASS_TEACHER,
  },
];

const SUCCESS = new Set<Outcome>(["ok", "redirect", 200]);

const CELLS = ROWS.flatMap((row) =>
  PERSONAS.map((persona) => ({
    name: row.label ? `${row.entry} (${row.label})` : row.entry,
    persona,
    outcome: row.expect[persona],
    row,
  })),
);

let world: EntryWorld;

beforeAll(async () => {
  world = await buildEntryWorld();
  await saveSnapshot();
});

beforeEach(async () => {
  await restoreSnapshot();
});

afterAll(async () => {
  await dropSnapshot();
  await disconnectDb();
});

describe("entry points: completeness", () => {
  test("every exported action and route method has a row, and every row names a real export", async () => {
    const existing = [...(await listActionExports()), ...(await listRouteExports())];
    // Sanity: the listing finds what is known to be there.
    expect(existing).toContain("server/actions/classes.ts#renameClass");
    expect(existing).toContain("app/api/health/route.ts#GET");
    expect(existing.some((name) => name.endsWith("#dynamic"))).toBe(false);
    const { missing, stale } = compareCoverage(
      existing,
      ROWS.map((row) => row.entry),
    );
    expect(missing, "entry points with no row in the matrix").toEqual([]);
    expect(stale, "rows for entry points that no longer exist").toEqual([]);
  });

  test("the comparison names an export the table lacks, and a row with no export", () => {
    const covered = ["server/actions/a.ts#one", "app/x/route.ts#GET"];
    expect(compareCoverage([...covered, "server/actions/a.ts#sneaky", "app/x/route.ts#DELETE"], covered)).toEqual({
      missing: ["app/x/route.ts#DELETE", "server/actions/a.ts#sneaky"],
      stale: [],
    });
    expect(compareCoverage(["server/actions/a.ts#one"], covered)).toEqual({
      missing: [],
      stale: ["app/x/route.ts#GET"],
    });
  });

  test("every row has an outcome for all six personas", () => {
    for (const row of ROWS) expect(Object.keys(row.expect).sort()).toEqual([...PERSONAS].sort());
  });
});

describe("entry points: authorization matrix", () => {
  // A loop rather than test.each, whose titles cut long entry-point names short.
  for (const { name, persona, outcome, row } of CELLS) {
    test(`${name} as ${persona} → ${outcome}`, async () => {
      const fn = await loadEntryPoint(row.entry);
      setRequest({
        headers: {
          ...(world.cookies[persona] ? { cookie: world.cookies[persona]! } : {}),
          "x-forwarded-for": "203.0.113.7",
        },
      });
      const before = SUCCESS.has(outcome) ? null : await fingerprint();
      expect(await row.call(fn, world, persona)).toBe(outcome);
      // A refusal writes nothing (rate_limit aside: see entry-world.ts).
      if (before) expect(changedTables(before, await fingerprint())).toEqual([]);
    });
  }
});
