// The data the entry-point tests (matrix and fuzzing) run against: six personas with real
// sessions, a class with an assignment and an attempt that belong to someone, and the same again
// for another instructor and another learner, so that every id has an owner who is not the caller.
import pg from "pg";
import type { AssignmentSettings } from "@/domain/teach";
import { hashPassword } from "@/server/auth/password";
import type { Viewer } from "@/server/auth/viewer";
import { createAssignment, openAssignment } from "@/server/data/assignments";
import { startAttempt } from "@/server/data/attempts";
import { createClass, joinClass } from "@/server/data/classes";
import { getDb, getPool } from "@/server/db/client";
import { sessionCookieFor } from "./request-context";
import { createViewer, syncRealContent } from "./world";

export const PERSONAS = [
  "anonymous",
  "learner",
  "otherLearner",
  "classInstructor",
  "otherInstructor",
  "admin",
] as const;
export type Persona = (typeof PERSONAS)[number];

const ROLES = {
  learner: "learner",
  otherLearner: "learner",
  classInstructor: "instructor",
  otherInstructor: "instructor",
  admin: "admin",
} as const;

/** An account with a password, for the sign-in action (the personas sign in through sessions). */
export const SIGN_IN = {
  id: "signInUser",
  email: "signinuser@example.org",
  password: "correct horse battery",
} as const;

export type EntryWorld = {
  module: string;
  topics: string[];
  /** Taught by classInstructor; learner and otherLearner are enrolled. */
  classId: string;
  joinCode: string;
  /** Taught by otherInstructor; nobody is enrolled. */
  otherClassId: string;
  otherJoinCode: string;
  /** In classId: true-false questions, open now, due in a week. */
  assignmentId: string;
  /** In otherClassId. */
  otherAssignmentId: string;
  /** learner's attempt at assignmentId, in progress. */
  attemptId: string;
  /** otherLearner's practice attempt, in progress: free-text questions only (years, cloze), whose answers reach the database as typed. */
  otherAttemptId: string;
  /** The question type at each position of otherAttemptId. */
  otherAttemptTypes: ("year-answer" | "cloze")[];
  viewers: Record<Exclude<Persona, "anonymous">, Viewer>;
  /** The Cookie header each persona sends (anonymous sends none). */
  cookies: Record<Persona, string | null>;
};

const HOUR = 3_600_000;

export function assignmentSettings(topics: string[], now = new Date()): AssignmentSettings {
  return {
    title: "Devoir",
    topics,
    size: 4,
    types: ["true-false"],
    opensAt: new Date(now.getTime() - HOUR),
    dueAt: new Date(now.getTime() + 7 * 24 * HOUR),
    timeLimitMinutes: null,
    maxAttempts: null,
    scoring: "best",
    feedback: "immediately",
    sameQuestions: true,
  };
}

let signInHash: Promise<string> | undefined;

/**
 * Builds the world in an emptied database. Test files build it in beforeAll, which runs before
 * the integration setup empties the tables for the first test: the previous file's rows may
 * still be there.
 */
export async function buildEntryWorld(): Promise<EntryWorld> {
  const { rows } = await getPool().query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  await getPool().query(`TRUNCATE ${rows.map((row) => pg.escapeIdentifier(row.tablename)).join(", ")} CASCADE`);
  const { module, topics } = await syncRealContent();
  const viewers = {} as EntryWorld["viewers"];
  for (const [persona, role] of Object.entries(ROLES) as [keyof typeof ROLES, (typeof ROLES)[keyof typeof ROLES]][]) {
    viewers[persona] = await createViewer(persona, role);
  }
  const signIn = await createViewer(SIGN_IN.id, "learner");
  signInHash ??= hashPassword(SIGN_IN.password);
  await getDb().account.create({
    data: {
      id: `${SIGN_IN.id}-credential`,
      accountId: signIn.id,
      providerId: "credential",
      userId: signIn.id,
      password: await signInHash,
    },
  });

  const { id: classId } = await createClass(viewers.classInstructor, { name: "Classe" });
  const { id: otherClassId } = await createClass(viewers.otherInstructor, { name: "Autre classe" });
  const codes = await getDb().class.findMany({
    where: { id: { in: [classId, otherClassId] } },
    select: { id: true, joinCode: true },
  });
  const joinCode = codes.find((row) => row.id === classId)!.joinCode;
  const otherJoinCode = codes.find((row) => row.id === otherClassId)!.joinCode;
  await joinClass(viewers.learner, { code: joinCode });
  await joinClass(viewers.otherLearner, { code: joinCode });
  const { id: assignmentId } = await createAssignment(viewers.classInstructor, {
    classId,
    module: module.slug,
    settings: assignmentSettings(topics),
  });
  const { id: otherAssignmentId } = await createAssignment(viewers.otherInstructor, {
    classId: otherClassId,
    module: module.slug,
    settings: assignmentSettings(topics),
  });
  const { attemptId } = await openAssignment(viewers.learner, assignmentId);
  const { id: otherAttemptId } = await startAttempt(viewers.otherLearner, {
    module: module.slug,
    topics,
    size: 4,
    types: ["year-answer", "cloze"],
    timeLimitMinutes: null,
  });
  const { questions } = await getDb().attempt.findUniqueOrThrow({
    where: { id: otherAttemptId },
    select: { questions: true },
  });
  const otherAttemptTypes = (questions as { fr: { type: "year-answer" | "cloze" }[] }).fr.map(
    (question) => question.type,
  );

  const cookies: EntryWorld["cookies"] = {
    anonymous: null,
    learner: null,
    otherLearner: null,
    classInstructor: null,
    otherInstructor: null,
    admin: null,
  };
  for (const persona of Object.keys(viewers) as (keyof typeof viewers)[])
    cookies[persona] = await sessionCookieFor(viewers[persona].id);

  return {
    module: module.slug,
    topics,
    classId,
    joinCode,
    otherClassId,
    otherJoinCode,
    assignmentId,
    otherAssignmentId,
    attemptId,
    otherAttemptId,
    otherAttemptTypes,
    viewers,
    cookies,
  };
}

// --- What was written ---------------------------------------------------------------------------

// rate_limit is left out on purpose: sign-in and sign-up count every attempt, refused ones
// included, before they know the outcome; that is the rate limit working, not a stray write.
const UNWATCHED = new Set(["_prisma_migrations", "rate_limit"]);

let fingerprintSql: Promise<string> | undefined;

async function buildFingerprintSql(): Promise<string> {
  const { rows } = await getPool().query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const tables = rows.map((row) => row.tablename).filter((name) => !UNWATCHED.has(name));
  if (tables.length < 10) throw new Error(`expected the app's tables, found ${tables.join(", ")}`);
  return tables
    .map((name) => {
      const table = pg.escapeIdentifier(name);
      return `SELECT ${pg.escapeLiteral(name)} AS name, count(*)::text || ':' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS print FROM ${table} t`;
    })
    .join("\nUNION ALL\n");
}

/** Every table's row count and an md5 of all its rows: equal fingerprints, nothing written. */
export async function fingerprint(): Promise<Record<string, string>> {
  fingerprintSql ??= buildFingerprintSql();
  const { rows } = await getPool().query<{ name: string; print: string }>(await fingerprintSql);
  return Object.fromEntries(rows.map((row) => [row.name, row.print]));
}

/** The tables whose fingerprint changed between `before` and `after`. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((name) => before[name] !== after[name]);
}

/** Gives every sign-in and sign-up budget back, so long fuzz runs are not rate-limited. */
export async function resetRateLimits(): Promise<void> {
  await getPool().query(`DELETE FROM rate_limit`);
}

// --- Building the world once per file -----------------------------------------------------------

// Building the world takes a few hundred milliseconds (content sync, quiz freezing); the matrix
// has one test per cell, and the integration setup empties the tables before each test. So the
// world is built once, copied into a schema of its own, and copied back before each test.
const SNAPSHOT = "entry_points_snapshot";

/** Tables in an order that satisfies their foreign keys (referenced tables first). */
async function tablesInInsertOrder(client: pg.PoolClient): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const unquote = (name: string) => name.replace(/^"|"$/g, "");
  const parents = new Map(tables.map((table) => [table.name, new Set<string>()]));
  for (const edge of edges)
    if (unquote(edge.child) !== unquote(edge.parent)) parents.get(unquote(edge.child))?.add(unquote(edge.parent));
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name)) return;
    if (path.has(name)) throw new Error(`foreign keys form a cycle through ${name}`);
    path.add(name);
    for (const parent of parents.get(name) ?? []) visit(parent, path);
    path.delete(name);
    ordered.push(name);
  };
  for (const name of [...parents.keys()].sort()) visit(name, new Set());
  return ordered;
}

let snapshotTables: string[] | undefined;

/** Copies every table of the current database into the snapshot schema. */
export async function saveSnapshot(): Promise<void> {
  const client = await getPool().connect();
  try {
    snapshotTables = await tablesInInsertOrder(client);
    await client.query(`DROP SCHEMA IF EXISTS ${SNAPSHOT} CASCADE; CREATE SCHEMA ${SNAPSHOT}`);
    for (const name of snapshotTables) {
      await client.query(
        `CREATE TABLE ${SNAPSHOT}.${pg.escapeIdentifier(name)} AS TABLE public.${pg.escapeIdentifier(name)}`,
      );
    }
  } finally {
    client.release();
  }
}

/** Empties the tables and copies the snapshot back, in one transaction. */
export async function restoreSnapshot(): Promise<void> {
  if (!snapshotTables) throw new Error("saveSnapshot() first");
  const client = await getPool().connect();
  try {
    const list = snapshotTables.map((name) => `public.${pg.escapeIdentifier(name)}`).join(", ");
    const inserts = snapshotTables.map(
      (name) =>
        `INSERT INTO public.${pg.escapeIdentifier(name)} SELECT * FROM ${SNAPSHOT}.${pg.escapeIdentifier(name)};`,
    );
    await client.query(`BEGIN; TRUNCATE ${list} CASCADE; ${inserts.join(" ")} COMMIT;`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export async function dropSnapshot(): Promise<void> {
  await getPool().query(`DROP SCHEMA IF EXISTS ${SNAPSHOT} CASCADE`);
  snapshotTables = undefined;
}
