// What fuzzing the entry points found (fuzz-entry-points.test.ts), one named case each, so that
// a regression says what broke rather than a shrunk counterexample. Each of these answered with
// an unexpected error (a 500 for a route) before its fix.
//
// Next.js normally supplies the request context; here three framework modules are replaced, and
// nothing else: `next/headers` (the request's headers and cookies, carrying a real better-auth
// session cookie), `next-intl/server` (the request's translations, from messages/), and
// `next/cache` (page revalidation, which has no cache to invalidate outside a Next.js server).
// They are the framework's plumbing, not the code under test. See tests/support/request-context.ts.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { changeRole } from "@/server/actions/admin";
import { createAssignment } from "@/server/actions/assignments";
import { startPractice, startReviewSession } from "@/server/actions/attempts";
import { signIn, signUp } from "@/server/actions/auth";
import { createClass, removeLearner, renameClass } from "@/server/actions/classes";
import { setLocale } from "@/server/actions/set-locale";
import { PUT as saveAnswer } from "@/app/api/attempts/[attemptId]/responses/[position]/route";
import { GET as gradebookCsv } from "@/app/teach/classes/[classId]/gradebook/csv/route";
import { disconnectDb } from "@/server/db/client";
import {
  buildEntryWorld,
  changedTables,
  dropSnapshot,
  fingerprint,
  restoreSnapshot,
  saveSnapshot,
  type EntryWorld,
  type Persona,
} from "../support/entry-world";
import { ORIGIN, callAction, callRoute, cookiesSet, setRequest, toFormData } from "../support/request-context";

vi.mock("next/headers", async () => (await import("../support/request-context")).nextHeaders);
vi.mock("next-intl/server", async () => (await import("../support/request-context")).nextIntlServer);
vi.mock("next/cache", async () => (await import("../support/request-context")).nextCache);

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

function as(persona: Persona, extra: Record<string, string> = {}) {
  const cookie = [world.cookies[persona], extra.cookie].filter(Boolean).join("; ");
  setRequest({
    headers: { ...extra, ...(cookie ? { cookie } : {}), "x-forwarded-for": extra["x-forwarded-for"] ?? "198.51.100.9" },
  });
}

type Failure = { ok: false; code: string; fieldErrors?: Record<string, string[]> };

/** Runs an action and checks it was refused with `code`, writing nothing; returns its result. */
async function refused(run: () => Promise<unknown>, code: string): Promise<Failure> {
  const before = await fingerprint();
  const call = await callAction(run);
  expect(call.outcome).toBe(code);
  expect(changedTables(before, await fingerprint())).toEqual([]);
  return call.result as Failure;
}

const FR_TEXT = "Ce texte contient des caractères invisibles ou non valides (caractères de contrôle). Retapez-le.";
const EN_TEXT = "This text contains invisible or invalid characters (control characters). Type it again.";

describe("text with NUL, control characters or lone surrogates is refused with a field message", () => {
  test.each([
    ["NUL", "Classe\u0000B"],
    ["escape sequence", "\u001b[2JClasse"],
    ["lone surrogate", "Classe \ud800"],
  ])("class name with %s", async (_label, name) => {
    as("classInstructor");
    const result = await refused(() => createClass(undefined, { name }), "INVALID");
    expect(result.fieldErrors?.name).toEqual([FR_TEXT]);
    as("classInstructor", { cookie: "NEXT_LOCALE=en" });
    // As an argument, not FormData: a form post cannot carry a lone surrogate (it arrives as U+FFFD).
    const renamed = await refused(() => renameClass(undefined, { classId: world.classId, name }), "INVALID");
    expect(renamed.fieldErrors?.name).toEqual([EN_TEXT]);
  });

  test("a plain name with accents and emoji is still accepted", async () => {
    as("classInstructor");
    expect(
      (await callAction(() => renameClass(undefined, { classId: world.classId, name: "Élèves de 2ᵉ 🇯🇵" }))).outcome,
    ).toBe("ok");
  });

  test("assignment title", async () => {
    as("classInstructor");
    const form = {
      classId: world.classId,
      module: world.module,
      title: "Devoir\u0000",
      topics: world.topics,
      size: "4",
      types: "true-false",
      opensAt: "2026-01-01T09:00",
      dueAt: "2036-01-01T09:00",
      timeZone: "UTC",
      scoring: "best",
      feedback: "immediately",
    };
    const result = await refused(() => createAssignment(undefined, toFormData(form)), "INVALID");
    expect(result.fieldErrors?.title).toEqual([FR_TEXT]);
  });

  test("sign-up name", async () => {
    as("anonymous");
    const result = await refused(
      () => signUp(undefined, { name: "Aiko\u0000", email: "aiko@example.org", password: "a long passphrase" }),
      "INVALID",
    );
    expect(result.fieldErrors?.name).toEqual([FR_TEXT]);
  });

  test("user ids: changing a role and removing a learner", async () => {
    as("admin");
    await refused(() => changeRole(undefined, { userId: "learner\u0000", role: "instructor" }), "INVALID");
    as("classInstructor");
    await refused(() => removeLearner(undefined, { classId: world.classId, userId: "\u0000" }), "INVALID");
  });
});

describe("a module slug no module could have is not found", () => {
  test.each(["nato\u0000japan", "NATO-JAPAN", "../content"])("%j", async (module) => {
    as("learner");
    await refused(() => startReviewSession(undefined, { module }), "NOT_FOUND");
    await refused(
      () => startPractice(undefined, { module, topics: world.topics, size: "4", types: "true-false" }),
      "NOT_FOUND",
    );
  });
});

describe("a malformed time-zone cookie reads as UTC", () => {
  test("gradebook CSV and review session", async () => {
    as("classInstructor", { cookie: "tz=%E0%A4%A" });
    const headers = new Headers({
      host: new URL(ORIGIN).host,
      cookie: `${world.cookies.classInstructor}; tz=%E0%A4%A`,
    });
    const { status } = await callRoute(() =>
      gradebookCsv(new Request(`${ORIGIN}/teach/classes/x/gradebook/csv`, { headers }), {
        params: Promise.resolve({ classId: world.classId }),
      }),
    );
    expect(status).toBe(200);
    as("learner", { cookie: "tz=%" });
    expect((await callAction(() => startReviewSession(undefined, { module: world.module }))).outcome).toBe("redirect");
  });
});

describe("setLocale called with something other than a form", () => {
  test.each([["en"], [null], [{ locale: "en" }], [42]])("%j is ignored", async (argument) => {
    as("anonymous");
    expect((await callAction(() => setLocale(argument))).outcome).toBe("ok");
    expect(cookiesSet()).toEqual([]);
  });
});

describe("rate-limit keys longer than their column", () => {
  test("a long address header and a 254-character email are counted, not an error", async () => {
    const email = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.org`;
    expect(email.length).toBe(254);
    as("anonymous", { "x-forwarded-for": "a".repeat(8_000) });
    expect((await callAction(() => signIn(undefined, { email, password: "not the password" }))).outcome).toBe(
      "INVALID",
    );
    as("anonymous", { "x-forwarded-for": "2001:db8:85a3:8d3:1319:8a2e:370:7348" });
    expect(
      (await callAction(() => signUp(undefined, { name: "Long", email, password: "a long passphrase" }))).outcome,
    ).toBe("redirect");
  });
});

describe("the answer autosave route", () => {
  async function put(
    persona: Persona,
    options: { attemptId: string; position: number; body: unknown; origin?: string },
  ) {
    const headers = new Headers({
      host: new URL(ORIGIN).host,
      "content-type": "application/json",
      origin: options.origin ?? ORIGIN,
    });
    if (world.cookies[persona]) headers.set("cookie", world.cookies[persona]!);
    setRequest({ headers });
    const request = new Request(`${ORIGIN}/api/attempts/x/responses/y`, {
      method: "PUT",
      headers,
      body: JSON.stringify(options.body),
    });
    const { status, response } = await callRoute(() =>
      saveAnswer(request, {
        params: Promise.resolve({ attemptId: options.attemptId, position: String(options.position) }),
      }),
    );
    return { status, body: (await response?.json()) as { code?: string } | undefined };
  }

  test.each([
    ["NUL", "19\u000097"],
    ["lone surrogate", "Tokyo\ud800"],
  ])("a free-text answer with %s is refused with 422, nothing saved", async (_label, text) => {
    const [position, type] = [0, world.otherAttemptTypes[0]];
    const before = await fingerprint();
    const { status } = await put("otherLearner", {
      attemptId: world.otherAttemptId,
      position,
      body: { answer: { type, text } },
    });
    expect(status).toBe(422);
    expect(changedTables(before, await fingerprint())).toEqual([]);
    // The same answer in plain text is saved.
    expect(
      (
        await put("otherLearner", {
          attemptId: world.otherAttemptId,
          position,
          body: { answer: { type, text: "1997" } },
        })
      ).status,
    ).toBe(200);
  });

  test.each(["null", "not a url", "http://"])("Origin %j is cross-site: 403", async (origin) => {
    const { status, body } = await put("learner", {
      attemptId: world.attemptId,
      position: 0,
      body: { answer: { type: "true-false", value: true } },
      origin,
    });
    expect(status).toBe(403);
    expect(body?.code).toBe("FORBIDDEN");
  });
});

describe("a body sent without its length", () => {
  test("is cut off at 16 KiB and refused with 413, without reading the rest", async () => {
    const headers = new Headers({ host: new URL(ORIGIN).host, "content-type": "application/json", origin: ORIGIN });
    headers.set("cookie", world.cookies.learner!);
    setRequest({ headers });
    let chunksPulled = 0;
    const chunk = new TextEncoder().encode(" ".repeat(4096));
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunksPulled += 1;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(`${ORIGIN}/api/attempts/x/responses/0`, { method: "PUT", headers, body: endless, duplex: "half" } as RequestInit);
    const { status } = await callRoute(() => saveAnswer(request, { params: Promise.resolve({ attemptId: world.attemptId, position: "0" }) }));
    expect(status).toBe(413);
    expect(chunksPulled).toBeLessThan(10);
  });
});

describe("page lookups given a URL segment PostgreSQL cannot store", () => {
  test("a module slug or a learner id with NUL is simply not found", async () => {
    const { findModuleOverview } = await import("@/server/data/module-overview");
    const { getProgress, countDueToday } = await import("@/server/data/progress");
    const { getLearnerInClass } = await import("@/server/data/gradebook");
    expect(await findModuleOverview("nato\u0000japan", "fr")).toBeNull();
    expect(await getProgress(world.viewers.learner, "nato\u0000japan", "fr", "UTC")).toBeNull();
    expect(await countDueToday(world.viewers.learner, "nato\u0000japan", "UTC")).toBe(0);
    await expect(getLearnerInClass(world.viewers.classInstructor, world.classId, "learner\u0000")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
