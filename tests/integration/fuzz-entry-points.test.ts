// Hostile input against every entry point a browser can reach: each exported server action and
// each route handler method, called in-process as every kind of caller, on ids that exist and
// belong to someone, on ids that do not, and on things that are not ids at all. The invariants:
// no UNEXPECTED result, no thrown error other than a redirect, no status of 500 or more, and
// when the call is refused, nothing written (a fingerprint of every table is compared). A
// generated input that happens to be valid may succeed; the world is then put back.
//
// Next.js normally supplies the request context; here three framework modules are replaced, and
// nothing else: `next/headers` (the request's headers and cookies, carrying a real better-auth
// session cookie), `next-intl/server` (the request's translations, from messages/), and
// `next/cache` (page revalidation, which has no cache to invalidate outside a Next.js server).
// They are the framework's plumbing, not the code under test. See tests/support/request-context.ts.
//
// FUZZ_RUNS=5 multiplies every run count (for a longer run by hand); FUZZ_SEED replays a run.
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { QUESTION_TYPES } from "@/domain/quiz";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import type { RedirectError } from "next/dist/client/components/redirect-error";
import { disconnectDb } from "@/server/db/client";
import { compareCoverage, listActionExports, listRouteExports, loadEntryPoint } from "../support/entry-points";
import {
  PERSONAS,
  SIGN_IN,
  buildEntryWorld,
  changedTables,
  dropSnapshot,
  fingerprint,
  resetRateLimits,
  restoreSnapshot,
  saveSnapshot,
  type EntryWorld,
  type Persona,
} from "../support/entry-world";
import {
  DANGEROUS,
  MISSING,
  actionPayload,
  asFormData,
  headerText,
  hostileJson,
  hostileString,
  hostileValue,
  withField,
} from "../support/hostile";
import { ORIGIN, callAction, callRoute, setRequest } from "../support/request-context";

vi.mock("next/headers", async () => (await import("../support/request-context")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer);
vi.mock("next/cache", async () => (await import("../support/request-context")).nextCache);

const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const runs = (count: number) => Math.max(1, Math.round(count * SCALE));
// A property stops itself (and fails) before the test's own timeout: a test that times out
// leaves its property running against the database under the next one.
const LIMITS = { interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true } as const;

let world: EntryWorld;
const tally = { cases: 0, serverErrors: 0, actions: new Set<string>(), routes: new Set<string>() };
/** Outcomes per entry point, printed with FUZZ_VERBOSE=1 to see how much of the input is refused. */
const outcomes = new Map<string, Map<string, number>>();
const record = (entry: string, outcome: string | number) => {
  const counts = outcomes.get(entry) ?? new Map<string, number>();
  counts.set(String(outcome), (counts.get(String(outcome)) ?? 0) + 1);
  outcomes.set(entry, counts);
};

// defineAction logs unexpected errors and returns a generic message; keep the last one so a
// failure can say what it was.
let lastLoggedError: unknown;
const logError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  lastLoggedError = args;
  logError(...args);
};

beforeAll(async () => {
  world = await buildEntryWorld();
  await saveSnapshot();
});

beforeEach(async () => {
  await restoreSnapshot();
});

afterAll(async () => {
  if (process.env.FUZZ_VERBOSE) {
    for (const [entry, counts] of outcomes)
      console.log(entry, Object.fromEntries([...counts].sort((a, b) => b[1] - a[1])));
  }
  console.log(
    `fuzz: ${tally.cases} cases over ${tally.actions.size} actions and ${tally.routes.size} routes, ${tally.serverErrors} server errors`,
  );
  console.error = logError;
  await dropSnapshot();
  await disconnectDb();
});

// --- The caller ---------------------------------------------------------------------------------

type Caller = {
  persona: Persona;
  session: "own" | "tampered" | "garbage";
  extraCookies: string[];
  forwardedFor: string;
};

function callerArb(personas: fc.Arbitrary<Persona> = fc.constantFrom(...PERSONAS)): fc.Arbitrary<Caller> {
  return fc.record({
    persona: personas,
    session: fc.oneof(
      { weight: 8, arbitrary: fc.constant("own" as const) },
      fc.constantFrom("tampered" as const, "garbage" as const),
    ),
    extraCookies: fc.array(
      fc.oneof(
        fc.constantFrom(
          "tz=Europe%2FParis",
          "tz=Mars%2FOlympus",
          "tz=%E0%A4%A",
          "tz=%",
          "NEXT_LOCALE=en",
          "NEXT_LOCALE=xx",
          "NEXT_LOCALE=__proto__",
        ),
        headerText.map((value) => `tz=${value.replace(/;/g, "")}`),
        headerText.map((value) => `NEXT_LOCALE=${value.replace(/;/g, "")}`),
      ),
      { maxLength: 2 },
    ),
    forwardedFor: fc.oneof(fc.ipV4(), fc.ipV6(), headerText),
  });
}

/** The Cookie header the caller sends; `signedIn` only when it carries their own intact session. */
function cookieHeader(caller: Caller): { cookie: string; signedIn: boolean } {
  const own = world.cookies[caller.persona];
  const parts = [...caller.extraCookies];
  let signedIn = false;
  if (own && caller.session === "own") {
    parts.push(own);
    signedIn = true;
  } else if (own && caller.session === "tampered") {
    // Another token under the same signature: the signature no longer matches.
    const at = own.indexOf("=") + 5;
    parts.push(`${own.slice(0, at)}${own[at] === "A" ? "B" : "A"}${own.slice(at + 1)}`);
  } else if (caller.session === "garbage") {
    parts.push(`better-auth.session_token=${encodeURIComponent(`${caller.persona}.${"A".repeat(43)}=`)}`);
  }
  return { cookie: parts.join("; "), signedIn };
}

function requestHeaders(caller: Caller, extra: Record<string, string> = {}): Headers {
  const headers = new Headers({ host: new URL(ORIGIN).host, "x-forwarded-for": caller.forwardedFor, ...extra });
  const { cookie } = cookieHeader(caller);
  if (cookie) headers.set("cookie", cookie);
  return headers;
}

// --- Values that look right, for fields to be plausible in ----------------------------------------

const idArb = () =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        world.classId,
        world.otherClassId,
        world.assignmentId,
        world.otherAssignmentId,
        world.attemptId,
        world.otherAttemptId,
      ),
    },
    { weight: 1, arbitrary: fc.uuid() },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "00000000-0000-0000-0000-000000000000",
        world.classId.toUpperCase(),
        ` ${world.classId}`,
        `${world.classId}\u0000`,
        "not-a-uuid",
        "1",
      ),
    },
  );
const userIdArb = () => fc.constantFrom(...PERSONAS.filter((p) => p !== "anonymous"), SIGN_IN.id, "nobody", "");
const moduleArb = () =>
  fc.constantFrom(world.module, "NATO-JAPAN", "nato-japan ", "unknown-module", "nato\u0000japan", "../content");
const topicsArb = () =>
  fc.oneof(fc.subarray(world.topics, { minLength: 1 }), fc.constantFrom(world.topics[0]!, "unknown-topic", "Topic"));
const typesArb = () =>
  fc.oneof(fc.subarray([...QUESTION_TYPES], { minLength: 1 }), fc.constantFrom("true-false", "essay"));
const integerText = () =>
  fc.oneof(
    fc.integer({ min: -5, max: 60 }).map(String),
    fc.constantFrom("", "4", "1.5", "1e3", "0x10", "99999999999999999999", " 4 ", "four"),
  );
const localDateArb = () =>
  fc.oneof(
    fc
      .integer({ min: -30, max: 30 })
      .map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16)),
    fc.constantFrom(
      "2026-13-45T99:99",
      "2026-03-29T02:30",
      "0000-01-01T00:00",
      "275760-09-13T00:00",
      "yesterday",
      "2026-12-01T09:00:00Z",
    ),
  );
const nameArb = () =>
  fc.oneof(
    fc.string({ minLength: 1, maxLength: 20 }),
    fc.constantFrom("Classe B", "  Aiko  ", "é".repeat(80), "x".repeat(81)),
  );
const emailArb = () =>
  fc.oneof(
    fc.constantFrom(
      SIGN_IN.email,
      "otherinstructor@example.org",
      "learner@example.org",
      "Admin@Example.org ",
      "a@b",
      "a@b.c\u0000",
      "@example.org",
    ),
    fc.emailAddress(),
  );

// --- The actions --------------------------------------------------------------------------------

type ActionSpec = {
  /** Who may succeed: they call more often than the others, and send the DANGEROUS examples. */
  owners: Persona[];
  /** A payload that succeeds for an owner, as a form posts it. */
  valid: () => Record<string, unknown>;
  /** Plausible values per field (right type, maybe wrong value), for the mixed payloads. */
  plausible: () => Record<string, fc.Arbitrary<unknown>>;
  numRuns: number;
  /** For actions that are not (previous state, payload): the argument lists to call them with. */
  args?: () => fc.Arbitrary<unknown[]>;
};

const TEACHERS: Persona[] = ["classInstructor"];
const LEARNERS: Persona[] = ["learner", "otherLearner"];
const localInput = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 16);

const assignmentValid = () => ({
  module: world.module,
  title: "Devoir",
  topics: world.topics,
  size: "4",
  types: "true-false",
  opensAt: localInput(-1),
  dueAt: localInput(7),
  timeLimitMinutes: "",
  maxAttempts: "",
  scoring: "best",
  feedback: "immediately",
  sameQuestions: "on",
  timeZone: "UTC",
});

const assignmentPlausible = () => ({
  module: moduleArb(),
  title: nameArb(),
  topics: topicsArb(),
  size: integerText(),
  types: typesArb(),
  opensAt: localDateArb(),
  dueAt: localDateArb(),
  timeLimitMinutes: integerText(),
  maxAttempts: integerText(),
  scoring: fc.constantFrom("best", "last", "average", "worst"),
  feedback: fc.constantFrom("immediately", "after-due", "never"),
  sameQuestions: fc.constantFrom("on", "true", "off", "", "maybe"),
  timeZone: fc.constantFrom("UTC", "Europe/Paris", "Asia/Tokyo", "Mars/Olympus", ""),
});

const ACTIONS: Record<string, ActionSpec> = {
  "server/actions/admin.ts#changeRole": {
    owners: ["admin"],
    valid: () => ({ userId: "otherLearner", role: "instructor" }),
    plausible: () => ({
      userId: userIdArb(),
      role: fc.constantFrom("learner", "instructor", "admin", "superadmin", "ADMIN"),
    }),
    numRuns: 40,
  },
  "server/actions/assignments.ts#createAssignment": {
    owners: TEACHERS,
    valid: () => ({ classId: world.classId, ...assignmentValid() }),
    plausible: () => ({ classId: idArb(), ...assignmentPlausible() }),
    numRuns: 40,
  },
  "server/actions/assignments.ts#updateAssignment": {
    owners: TEACHERS,
    valid: () => ({ assignmentId: world.assignmentId, ...assignmentValid() }),
    plausible: () => ({ assignmentId: idArb(), ...assignmentPlausible() }),
    numRuns: 40,
  },
  "server/actions/assignments.ts#openAssignment": {
    owners: LEARNERS,
    valid: () => ({ assignmentId: world.assignmentId }),
    plausible: () => ({ assignmentId: idArb() }),
    numRuns: 30,
  },
  "server/actions/attempts.ts#startPractice": {
    owners: LEARNERS,
    valid: () => ({ module: world.module, topics: world.topics, size: "4", types: "true-false", timeLimitMinutes: "" }),
    plausible: () => ({
      module: moduleArb(),
      topics: topicsArb(),
      size: integerText(),
      types: typesArb(),
      timeLimitMinutes: integerText(),
    }),
    numRuns: 40,
  },
  "server/actions/attempts.ts#submitAttempt": {
    owners: ["learner"],
    valid: () => ({ attemptId: world.attemptId }),
    plausible: () => ({ attemptId: idArb() }),
    numRuns: 30,
  },
  "server/actions/attempts.ts#startReviewSession": {
    owners: LEARNERS,
    valid: () => ({ module: world.module }),
    plausible: () => ({ module: moduleArb() }),
    numRuns: 30,
  },
  // Each plausible sign-in or sign-up hashes a password with argon2: fewer runs.
  "server/actions/auth.ts#signIn": {
    owners: ["anonymous"],
    valid: () => ({ email: SIGN_IN.email, password: SIGN_IN.password, next: "/history" }),
    plausible: () => ({
      email: emailArb(),
      password: fc.constantFrom(SIGN_IN.password, "wrong password", "x".repeat(129)),
      next: fc.constantFrom(
        "/",
        "/history",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example",
        "javascript:alert(1)",
        "/%2F%2Fevil.example",
      ),
    }),
    numRuns: 20,
  },
  "server/actions/auth.ts#signUp": {
    owners: ["anonymous"],
    valid: () => ({ name: "Nouvelle", email: "fuzz-new@example.org", password: "a long passphrase", next: "/" }),
    plausible: () => ({
      name: nameArb(),
      email: emailArb(),
      password: fc.constantFrom("a long passphrase", "short", "x".repeat(129)),
      next: fc.constantFrom("/", "//evil.example", "/\\evil.example"),
    }),
    numRuns: 20,
  },
  "server/actions/auth.ts#signOut": {
    owners: LEARNERS,
    valid: () => ({}),
    plausible: () => ({}),
    args: () => fc.array(hostileValue, { maxLength: 2 }),
    numRuns: 10,
  },
  "server/actions/classes.ts#createClass": {
    owners: TEACHERS,
    valid: () => ({ name: "Nouvelle classe" }),
    plausible: () => ({ name: nameArb() }),
    numRuns: 30,
  },
  "server/actions/classes.ts#renameClass": {
    owners: TEACHERS,
    valid: () => ({ classId: world.classId, name: "Renommée" }),
    plausible: () => ({ classId: idArb(), name: nameArb() }),
    numRuns: 30,
  },
  "server/actions/classes.ts#archiveClass": {
    owners: TEACHERS,
    valid: () => ({ classId: world.classId, archived: "true" }),
    plausible: () => ({ classId: idArb(), archived: fc.constantFrom("true", "false", "TRUE", "1") }),
    numRuns: 30,
  },
  "server/actions/classes.ts#regenerateJoinCode": {
    owners: TEACHERS,
    valid: () => ({ classId: world.classId }),
    plausible: () => ({ classId: idArb() }),
    numRuns: 30,
  },
  "server/actions/classes.ts#removeLearner": {
    owners: TEACHERS,
    valid: () => ({ classId: world.classId, userId: "otherLearner" }),
    plausible: () => ({ classId: idArb(), userId: userIdArb() }),
    numRuns: 30,
  },
  "server/actions/classes.ts#addInstructor": {
    owners: TEACHERS,
    valid: () => ({ classId: world.classId, email: "otherinstructor@example.org" }),
    plausible: () => ({ classId: idArb(), email: emailArb() }),
    numRuns: 30,
  },
  "server/actions/classes.ts#joinClass": {
    owners: LEARNERS,
    valid: () => ({ code: world.otherJoinCode }),
    plausible: () => ({
      code: fc.constantFrom(
        world.joinCode,
        world.otherJoinCode,
        world.joinCode.toLowerCase(),
        `${world.joinCode.slice(0, 3)}-${world.joinCode.slice(3)}`,
        "OOOOOO",
        "",
      ),
    }),
    numRuns: 30,
  },
  // A form action: (FormData). A hostile client can still call it with anything.
  "server/actions/set-locale.ts#setLocale": {
    owners: ["anonymous"],
    valid: () => ({ locale: "en" }),
    plausible: () => ({ locale: fc.constantFrom("fr", "en", "de", "EN") }),
    args: () =>
      fc.oneof(
        actionPayload({ locale: "en" }, { locale: fc.constantFrom("fr", "en", "de", "EN") }).map((payload) => [
          payload,
        ]),
        fc.array(hostileValue, { maxLength: 2 }),
      ),
    numRuns: 20,
  },
};

/** The arguments an action is called with: (previous state, payload), as useActionState calls it. */
function actionArgs(spec: ActionSpec): fc.Arbitrary<unknown[]> {
  if (spec.args) return spec.args();
  return fc.tuple(
    fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, hostileValue),
    actionPayload(spec.valid(), spec.plausible()),
  );
}

const ownCaller = (persona: Persona): Caller => ({
  persona,
  session: "own",
  extraCookies: [],
  forwardedFor: "198.51.100.7",
});

/** Every DANGEROUS value in every field of the valid payload, sent by an owner. */
function actionExamples(spec: ActionSpec, entry: string): [Caller, unknown[]][] {
  const valid = spec.valid();
  const wrap = (payload: Record<string, unknown>) =>
    entry.endsWith("#setLocale") ? [asFormData(payload)] : [undefined, payload];
  return Object.keys(valid).flatMap((key, index) =>
    DANGEROUS.map((value): [Caller, unknown[]] => [
      ownCaller(spec.owners[index % spec.owners.length]!),
      wrap(withField(valid, key, value)),
    ]),
  );
}

const PUBLIC_ACTIONS = new Set([
  "server/actions/auth.ts#signIn",
  "server/actions/auth.ts#signUp",
  "server/actions/auth.ts#signOut",
  "server/actions/set-locale.ts#setLocale",
]);
const AUTH_ACTIONS = new Set(["server/actions/auth.ts#signIn", "server/actions/auth.ts#signUp"]);

function describeFailure(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value)?.slice(0, 500) ?? String(value);
  } catch {
    return String(value);
  }
}

async function checkAction(entry: string, caller: Caller, args: unknown[]): Promise<void> {
  tally.cases += 1;
  tally.actions.add(entry);
  if (AUTH_ACTIONS.has(entry)) await resetRateLimits();
  const fn = (await loadEntryPoint(entry)) as (...args: unknown[]) => Promise<unknown>;
  setRequest({ headers: requestHeaders(caller) });
  lastLoggedError = undefined;
  const before = await fingerprint();
  const call = await callAction(() => fn(...args));
  record(entry, call.outcome);

  if (call.outcome === "THREW" || call.outcome === "UNEXPECTED") {
    tally.serverErrors += 1;
    throw new Error(`${entry} → ${call.outcome}: ${describeFailure(call.error ?? lastLoggedError)}`);
  }
  if (call.outcome === "redirect") {
    // Wherever an action sends people, it stays on this site.
    const to = getURLFromRedirectError(call.error as RedirectError);
    expect(to, `${entry} redirects off-site`).toMatch(/^\/(?![/\\])/);
  }
  if (call.outcome === "ok" || call.outcome === "redirect") {
    await restoreSnapshot();
    return;
  }
  const changed = changedTables(before, await fingerprint());
  expect(changed, `${entry} refused (${call.outcome}) yet wrote`).toEqual([]);
  if (!cookieHeader(caller).signedIn && !PUBLIC_ACTIONS.has(entry)) expect(call.outcome).toBe("UNAUTHENTICATED");
}

// --- The routes ---------------------------------------------------------------------------------

type RouteCase = {
  caller: Caller;
  url: string;
  params: Record<string, unknown>;
  headers: Record<string, string>;
  body?: string;
};
type RouteSpec = {
  method: string;
  cases: () => fc.Arbitrary<RouteCase>;
  numRuns: number;
  examples?: () => RouteCase[];
};

function optional(valid: fc.Arbitrary<string>, others: string[]): fc.Arbitrary<string | typeof MISSING> {
  return fc.oneof(
    { weight: 6, arbitrary: valid },
    { weight: 2, arbitrary: fc.constantFrom(...others) },
    { weight: 1, arbitrary: fc.constant(MISSING) },
  );
}

function withoutMissing(values: Record<string, string | typeof MISSING>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== MISSING));
}

/** A query string: sometimes the right one, sometimes hostile pairs or raw garbage. */
function queryArb(valid: string[], keys: string[]): fc.Arbitrary<string> {
  const pairs = fc.array(
    fc.tuple(
      fc.constantFrom(...keys, "x"),
      fc.oneof(
        hostileString.filter((s) => s.length < 1000),
        fc.constantFrom(...valid.flatMap((q) => q.split("&").map((p) => p.split("=")[1] ?? ""))),
      ),
    ),
    {
      maxLength: 3,
    },
  );
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...valid) },
    {
      weight: 3,
      arbitrary: pairs.map((entries) =>
        new URLSearchParams(entries.map(([k, v]) => [k, v.replace(/[\ud800-\udfff]/gu, "\ufffd")])).toString(),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "",
        "%",
        "%E0%A4%A",
        "format=json&format=csv",
        "format[]=json",
        "format=%00",
        "table=__proto__&format=csv",
      ),
    },
  );
}

const answerArb = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.boolean().map((value) => ({ type: "true-false", value })) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom("year-answer", "cloze"), hostileString)
        .map(([type, text]) => ({ type, text })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("year-answer", "cloze"), fc.constantFrom("1997", "2007", "Tokyo", ""))
        .map(([type, text]) => ({ type, text })),
    },
    { weight: 1, arbitrary: hostileJson.map((optionId) => ({ type: "single-choice", optionId })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom("multiple-choice", "ordering"), fc.array(hostileString, { maxLength: 40 }))
        .map(([type, optionIds]) => ({ type, optionIds })),
    },
    {
      weight: 1,
      arbitrary: fc
        .dictionary(hostileString, hostileString, { maxKeys: 4 })
        .map((pairs) => ({ type: "matching", pairs })),
    },
    { weight: 1, arbitrary: fc.tuple(hostileString, hostileJson).map(([type, value]) => ({ type, value })) },
    { weight: 1, arbitrary: hostileJson },
  );

const bodyArb = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: answerArb().map((answer) => JSON.stringify({ answer })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(answerArb(), fc.dictionary(hostileString, hostileJson, { minKeys: 1, maxKeys: 2 }))
        .map(([answer, extra]) => JSON.stringify({ ...extra, answer })),
    },
    { weight: 1, arbitrary: hostileJson.map((value) => JSON.stringify(value) ?? "") },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "{",
        '{"answer":',
        "nul",
        "\u0000",
        "'",
        "",
        " ",
        "[".repeat(16_000),
        '{"answer":{"type":"true-false","value":true}}garbage',
        '{"__proto__":{"admin":true},"answer":{"type":"true-false","value":true}}',
        '{"answer":{"type":"year-answer","text":"\\u0000"}}',
        '{"answer":{"type":"cloze","text":"\\ud800"}}',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        JSON.stringify({ answer: { type: "year-answer", text: "9".repeat(20_000) } }),
        "x".repeat(100_001),
        `{"answer":${"[".repeat(9_000)}${"]".repeat(9_000)}}`,
      ),
    },
  );

// Deterministic cases, run before the random ones: each hostile header, body, parameter and
// cookie once, on an otherwise valid request from someone allowed to make it.

const HOSTILE_COOKIES = [
  "tz=%E0%A4%A",
  "tz=%",
  "tz=Mars%2FOlympus",
  `tz=${"A".repeat(4_000)}`,
  "NEXT_LOCALE=xx",
  "NEXT_LOCALE=__proto__",
];

function cookieExamples(url: string, params: Record<string, unknown>, owners: Persona[]): RouteCase[] {
  return HOSTILE_COOKIES.flatMap((cookie) =>
    owners.map((persona) => ({ caller: { ...ownCaller(persona), extraCookies: [cookie] }, url, params, headers: {} })),
  );
}

function paramExamples(url: string, name: string, owners: Persona[]): RouteCase[] {
  const values = [
    ...DANGEROUS.filter((value) => typeof value === "string"),
    "",
    "..",
    "00000000-0000-0000-0000-000000000000",
    world.otherClassId,
    world.otherAssignmentId,
  ];
  return values.flatMap((value) =>
    owners.map((persona) => ({ caller: ownCaller(persona), url, params: { [name]: value }, headers: {} })),
  );
}

const JSON_HEADERS = { "content-type": "application/json", origin: ORIGIN, "sec-fetch-site": "same-origin" };

function putExamples(): RouteCase[] {
  const url = `${ORIGIN}/api/attempts/x/responses/y`;
  const valid = {
    caller: ownCaller("learner"),
    url,
    params: { attemptId: world.attemptId, position: "0" },
    headers: JSON_HEADERS,
    body: JSON.stringify({ answer: { type: "true-false", value: true } }),
  };
  const headerCases: Record<string, string[]> = {
    origin: [
      "http://evil.example",
      "null",
      "not a url",
      "http://",
      "http://localhost:3000.evil.example",
      "https://localhost:3000",
    ],
    "content-type": [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonp",
      "",
    ],
    "sec-fetch-site": ["cross-site", "same-site", "garbage"],
    "content-length": ["99999999999", "16385", "-1", "abc"],
  };
  const bodies = [
    "",
    "{",
    "null",
    "[]",
    '{"answer":null}',
    '{"answer":{"type":"true-false","value":"yes"}}',
    '{"answer":{"type":"true-false","value":true},"extra":1}',
    "x".repeat(100_001),
  ];
  const texts = DANGEROUS.filter((value) => typeof value === "string").concat(["\\u0000 escaped", "1997\u0000"]);
  return [
    ...Object.entries(headerCases).flatMap(([header, values]) =>
      values.map((value) => ({ ...valid, headers: { ...JSON_HEADERS, [header]: value } })),
    ),
    ...bodies.map((body) => ({ ...valid, body })),
    ...DANGEROUS.filter((value) => typeof value === "string").flatMap((value) => [
      { ...valid, params: { attemptId: value, position: "0" } },
      { ...valid, params: { attemptId: world.attemptId, position: value } },
    ]),
    { ...valid, params: { attemptId: world.otherAttemptId, position: "0" } },
    // otherLearner's attempt asks only free-text questions: their answers reach the database.
    ...world.otherAttemptTypes.slice(0, 2).flatMap((type, position) =>
      texts.map((text) => ({
        ...valid,
        caller: ownCaller("otherLearner"),
        params: { attemptId: world.otherAttemptId, position: String(position) },
        body: JSON.stringify({ answer: { type, text } }),
      })),
    ),
  ];
}

const ROUTES: Record<string, RouteSpec> = {
  "app/api/attempts/[attemptId]/responses/[position]/route.ts#PUT": {
    method: "PUT",
    numRuns: 150,
    examples: putExamples,
    cases: () =>
      fc
        .record({
          // The owners of the two attempts more often, so that answers reach the database.
          caller: callerArb(
            fc.oneof(
              { weight: 3, arbitrary: fc.constantFrom<Persona>("learner", "otherLearner") },
              fc.constantFrom(...PERSONAS),
            ),
          ),
          attemptId: fc.oneof(
            { weight: 4, arbitrary: fc.constantFrom(world.attemptId, world.otherAttemptId) },
            idArb(),
            hostileString,
          ),
          position: fc.oneof(
            { weight: 4, arbitrary: fc.integer({ min: 0, max: 9 }).map(String) },
            fc.constantFrom("-1", "10", "40", "1e3", "NaN", "Infinity", "0x1", " 1", "1.0", "00", "9".repeat(400)),
            hostileString,
          ),
          contentType: optional(fc.constant("application/json"), [
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=utf-16",
            "APPLICATION/JSON",
            "application/jsonp",
            "",
          ]),
          origin: optional(fc.constant(ORIGIN), [
            "http://evil.example",
            "null",
            "http://localhost:3000.evil.example",
            "https://localhost:3000",
            "not a url",
            "http://",
            "localhost:3000",
            "http://localhost:3001",
          ]),
          fetchSite: optional(fc.constant("same-origin"), [
            "cross-site",
            "same-site",
            "none",
            "SAME-ORIGIN",
            "garbage",
          ]),
          contentLength: fc.oneof(
            { weight: 8, arbitrary: fc.constant(MISSING) },
            fc.constantFrom("0", "-1", "abc", "99999999999", "16385", " 10", "1e9"),
          ),
          body: bodyArb(),
        })
        .map(({ caller, attemptId, position, contentType, origin, fetchSite, contentLength, body }) => ({
          caller,
          url: `${ORIGIN}/api/attempts/x/responses/y`,
          params: { attemptId, position },
          headers: withoutMissing({
            "content-type": contentType,
            origin,
            "sec-fetch-site": fetchSite,
            "content-length": contentLength,
          }),
          body,
        })),
  },
  "app/api/me/export/route.ts#GET": {
    method: "GET",
    numRuns: 40,
    examples: () => cookieExamples(`${ORIGIN}/api/me/export?format=json`, {}, LEARNERS),
    cases: () =>
      fc
        .record({
          caller: callerArb(),
          query: queryArb(
            ["format=json", "format=csv&table=attempts", "format=csv&table=reviews"],
            ["format", "table"],
          ),
        })
        .map(({ caller, query }) => ({
          caller,
          url: `${ORIGIN}/api/me/export?${query}`,
          params: {},
          headers: {},
        })),
  },
  "app/api/health/route.ts#GET": {
    method: "GET",
    numRuns: 10,
    examples: () => cookieExamples(`${ORIGIN}/api/health`, {}, ["anonymous"]),
    cases: () =>
      fc
        .record({ caller: callerArb(), query: queryArb(["", "verbose=1"], ["verbose"]) })
        .map(({ caller, query }) => ({ caller, url: `${ORIGIN}/api/health?${query}`, params: {}, headers: {} })),
  },
  "app/teach/modules/[slug]/bank/route.ts#GET": {
    method: "GET",
    numRuns: 30,
    examples: () => [
      ...paramExamples(`${ORIGIN}/teach/modules/x/bank?format=gift`, "slug", TEACHERS),
      ...cookieExamples(`${ORIGIN}/teach/modules/x/bank?format=gift`, { slug: world.module }, TEACHERS),
    ],
    cases: () =>
      fc
        .record({
          caller: callerArb(),
          slug: fc.oneof({ weight: 3, arbitrary: moduleArb() }, hostileString),
          query: queryArb(["format=gift", "format=moodle-xml&lang=en", "format=gift&lang=fr"], ["format", "lang"]),
        })
        .map(({ caller, slug, query }) => ({
          caller,
          url: `${ORIGIN}/teach/modules/x/bank?${query}`,
          params: { slug },
          headers: {},
        })),
  },
  "app/teach/classes/[classId]/gradebook/csv/route.ts#GET": {
    method: "GET",
    numRuns: 30,
    examples: () => [
      ...paramExamples(`${ORIGIN}/teach/classes/x/gradebook/csv`, "classId", TEACHERS),
      ...cookieExamples(`${ORIGIN}/teach/classes/x/gradebook/csv`, { classId: world.classId }, TEACHERS),
    ],
    cases: () =>
      fc
        .record({ caller: callerArb(), classId: fc.oneof({ weight: 3, arbitrary: idArb() }, hostileString) })
        .map(({ caller, classId }) => ({
          caller,
          url: `${ORIGIN}/teach/classes/x/gradebook/csv`,
          params: { classId },
          headers: {},
        })),
  },
  "app/teach/assignments/[assignmentId]/analysis/csv/route.ts#GET": {
    method: "GET",
    numRuns: 30,
    examples: () => [
      ...paramExamples(`${ORIGIN}/teach/assignments/x/analysis/csv`, "assignmentId", TEACHERS),
      ...cookieExamples(`${ORIGIN}/teach/assignments/x/analysis/csv`, { assignmentId: world.assignmentId }, TEACHERS),
    ],
    cases: () =>
      fc
        .record({ caller: callerArb(), assignmentId: fc.oneof({ weight: 3, arbitrary: idArb() }, hostileString) })
        .map(({ caller, assignmentId }) => ({
          caller,
          url: `${ORIGIN}/teach/assignments/x/analysis/csv`,
          params: { assignmentId },
          headers: {},
        })),
  },
};

async function checkRoute(entry: string, method: string, input: RouteCase): Promise<void> {
  tally.cases += 1;
  tally.routes.add(entry);
  const fn = (await loadEntryPoint(entry)) as (
    request: Request,
    context: { params: Promise<unknown> },
  ) => Promise<Response>;
  const headers = requestHeaders(input.caller, input.headers);
  setRequest({ headers });
  lastLoggedError = undefined;
  const before = await fingerprint();
  const { status, error } = await callRoute(() =>
    fn(new Request(input.url, { method, headers, body: input.body }), { params: Promise.resolve(input.params) }),
  );
  record(entry, status);

  if (status >= 500) {
    tally.serverErrors += 1;
    throw new Error(`${entry} → ${status}: ${describeFailure(error ?? lastLoggedError)}`);
  }
  // A GET never writes; anything else writes only when it succeeds.
  if (method !== "GET" && status < 400) {
    await restoreSnapshot();
    return;
  }
  expect(changedTables(before, await fingerprint()), `${entry} answered ${status} yet wrote`).toEqual([]);
}

// --- The runs -----------------------------------------------------------------------------------

describe("fuzzing the entry points", () => {
  test("every action and route method has a fuzz spec", async () => {
    expect(compareCoverage(await listActionExports(), Object.keys(ACTIONS))).toEqual({ missing: [], stale: [] });
    expect(compareCoverage(await listRouteExports(), Object.keys(ROUTES))).toEqual({ missing: [], stale: [] });
  });

  test.each(Object.entries(ACTIONS))(
    "action %s",
    async (entry, spec) => {
      const callers = callerArb(
        fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...spec.owners) }, fc.constantFrom(...PERSONAS)),
      );
      const examples = actionExamples(spec, entry);
      // fast-check counts the examples among numRuns: the random runs come on top of them.
      await fc.assert(
        fc.asyncProperty(callers, actionArgs(spec), (caller, args) => checkAction(entry, caller, args)),
        { ...LIMITS, numRuns: examples.length + runs(spec.numRuns), seed: SEED, examples },
      );
    },
    120_000,
  );

  test.each(Object.entries(ROUTES))(
    "route %s",
    async (entry, spec) => {
      const examples = (spec.examples?.() ?? []).map((example): [RouteCase] => [example]);
      await fc.assert(
        fc.asyncProperty(spec.cases(), (input) => checkRoute(entry, spec.method, input)),
        { ...LIMITS, numRuns: examples.length + runs(spec.numRuns), seed: SEED, examples },
      );
    },
    120_000,
  );
});
