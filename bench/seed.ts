// The benchmark's synthetic data set (issue 9): classes, assignments, finished attempts with
// graded answers, FSRS cards and review logs, heavy learners, in-progress attempts for the write
// routes, and real better-auth sessions. Templates come from the real quiz builder and grader
// (bench/seed-templates.ts); the rows are made by set-based SQL, one statement per table and
// shape, so the full size loads in well under a minute.
import { createHash, createHmac, randomInt, randomUUID } from "node:crypto";
import pg from "pg";
import { QUESTION_TYPES, type QuestionType } from "@/domain/quiz";
import { hashPassword } from "@/server/auth/password";
import { withDeferredIndexes } from "./seed-bulk";
import { freezeTemplate, gradedAnswers, loadSeedModule, type QuizRequest } from "./seed-templates";

export type SeedSize = {
  classes: number;
  learnersPerClass: number;
  assignmentsPerClass: number;
  questionsPerAttempt: number;
  /** Extra classes; a size equal to learnersPerClass is the first main class, any other a new class of the first (or last) learners. */
  growthClassSizes: number[];
  /** Finished practice attempts of each heavy learner. */
  heavyAttempts: number[];
  /** In-progress practice attempts of each learner of the first class. */
  inProgressPerLearner: number;
};

export const FULL_SIZE: SeedSize = {
  classes: 10,
  learnersPerClass: 300,
  assignmentsPerClass: 20,
  questionsPerAttempt: 20,
  growthClassSizes: [30, 300, 3000],
  heavyAttempts: [50, 500, 5000],
  inProgressPerLearner: 8,
};

export const SMALL_SIZE: SeedSize = {
  classes: 2,
  learnersPerClass: 30,
  assignmentsPerClass: 3,
  questionsPerAttempt: 20,
  growthClassSizes: [10, 30, 60],
  heavyAttempts: [5, 20, 50],
  inProgressPerLearner: 2,
};

export type SeededClass = { id: string; learnerCount: number; assignmentIds: string[] };

export type SeededWorld = {
  password: string;
  instructor: { id: string; email: string; cookie: string };
  /** The main classes, all owned by the instructor. */
  classes: SeededClass[];
  /** In the order of size.growthClassSizes. */
  growthClasses: SeededClass[];
  heavyLearners: { attempts: number; id: string; email: string; cookie: string }[];
  /** The first class's learners, with their in-progress practice attempts (oldest first). */
  learners: { id: string; email: string; cookie: string; inProgressAttemptIds: string[] }[];
  /** Rows per table after seeding. */
  counts: Record<string, number>;
  /** pg_database_size after seeding and ANALYZE. */
  databaseBytes: number;
  /** Load time, ANALYZE included. */
  seconds: number;
};

export const MODULE_SLUG = "nato-japan";
/** Every seeded account signs in with this password. */
export const BENCH_PASSWORD = "entente-bench-password";
export const INSTRUCTOR_EMAIL = "bench-instructor@entente.local";
/** Learner n (1-based); learner 1 is the first learner of the first class. */
export const learnerEmail = (n: number) => `bench-learner-${String(n).padStart(5, "0")}@entente.local`;
export const heavyEmail = (attempts: number) => `bench-heavy-${attempts}@entente.local`;

// better-auth's session cookie (advanced.cookiePrefix unset) and its lifetime in create-auth.ts.
const SESSION_COOKIE = "better-auth.session_token";
const SECURE_PREFIX = "__Secure-";
const SESSION_DAYS = 7;

/**
 * The Cookie header value ("name=value") that makes better-auth find the session with this
 * token: the token signed as better-call's signCookieValue does (HMAC-SHA256 with the secret,
 * standard base64, joined with a dot, URI-encoded). `secure` adds the __Secure- prefix
 * better-auth uses when the app is served over HTTPS.
 */
export function sessionCookie(token: string, authSecret: string, options: { secure?: boolean } = {}): string {
  const signature = createHmac("sha256", authSecret).update(token).digest("base64");
  return `${options.secure ? SECURE_PREFIX : ""}${SESSION_COOKIE}=${encodeURIComponent(`${token}.${signature}`)}`;
}

/** Per-learner draws get this many distinct question sets per assignment; practice attempts this many. */
const DRAWS_PER_ASSIGNMENT = 4;
const PRACTICE_DRAWS = 8;
const DAY_MS = 86_400_000;

/** A learner's id, as the SQL below makes it: md5('bench-learner-' || n). */
export const learnerIdOf = (n: number) => createHash("md5").update(`bench-learner-${n}`).digest("hex");

/** Exact row counts of every table of the app. */
async function countRows(client: pg.Client): Promise<Record<string, number>> {
  const tables = await client.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { tablename } of tables.rows) {
    const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${pg.escapeIdentifier(tablename)}`);
    counts[tablename] = Number(result.rows[0]!.n);
  }
  return counts;
}

type Scoring = "best" | "last" | "average";
type Feedback = "immediately" | "after_due";

type PlannedAssignment = {
  id: string;
  classId: string;
  title: string;
  topics: string[];
  types: QuestionType[];
  size: number;
  opensAt: Date;
  dueAt: Date;
  timeLimitMinutes: number | null;
  maxAttempts: number | null;
  scoring: Scoring;
  feedback: Feedback;
  sameQuestions: boolean;
  seed: number;
  firstTemplate: number;
  templateCount: number;
};

type TemplateRow = { id: number; questions: unknown; settings: unknown; question_count: number };
type PositionRow = {
  template_id: number;
  position: number;
  locale: string;
  offset: number;
  a0: unknown;
  a1: unknown;
  a2: unknown;
  s0: number;
  s1: number;
  s2: number;
  c0: boolean;
  c1: boolean;
  c2: boolean;
};
type FactRow = { template_id: number; position: number; fact_id: string };

class TemplateSet {
  readonly templates: TemplateRow[] = [];
  readonly positions: PositionRow[] = [];
  readonly facts: FactRow[] = [];

  constructor(
    private readonly seedModule: Awaited<ReturnType<typeof loadSeedModule>>,
    private readonly size: number,
  ) {}

  /** Freezes one quiz and its graded answers; returns its id, or null when the request gives too few questions. */
  add(request: QuizRequest, settings: Record<string, unknown>): number | null {
    const questions = freezeTemplate(this.seedModule.module, request);
    if (questions.fr.length < this.size) return null;
    const id = this.templates.length + 1;
    this.templates.push({
      id,
      questions,
      settings: { ...settings, seed: request.seed },
      question_count: questions.fr.length,
    });
    for (const locale of ["fr", "en"] as const) {
      questions[locale].forEach((question, position) => {
        const [a0, a1, a2] = gradedAnswers(question);
        // Harder questions (the builder's prior estimate) are answered right less often.
        const offset = (question.difficulty.score - 0.5) * 0.5;
        this.positions.push({
          template_id: id,
          position,
          locale,
          offset,
          a0: a0!.answer,
          a1: a1!.answer,
          a2: a2!.answer,
          s0: a0!.score,
          s1: a1!.score,
          s2: a2!.score,
          c0: a0!.correct,
          c1: a1!.correct,
          c2: a2!.correct,
        });
      });
    }
    questions.fr.forEach((question, position) => {
      for (const key of question.factIds) {
        const factId = this.seedModule.factIds.get(key);
        if (!factId) throw new Error(`fact ${key} of a seeded question is not in the database`);
        this.facts.push({ template_id: id, position, fact_id: factId });
      }
    });
    return id;
  }
}

const ALL_TYPES: QuestionType[] = [...QUESTION_TYPES];
const RECOGNITION_TYPES: QuestionType[] = ["single-choice", "true-false", "multiple-choice"];

/** Assignment j of a class: settings vary along j so that every rule the gradebook reads occurs. */
function planAssignment(
  j: number,
  classId: string,
  allTopics: string[],
  size: number,
  now: Date,
): Omit<PlannedAssignment, "firstTemplate" | "templateCount"> {
  const subset = allTopics.filter((topic) =>
    ["political-dialogue", "operations", "cooperation-areas", "science-cyber"].includes(topic),
  );
  const topics = j % 4 === 3 && subset.length > 0 ? subset : allTopics;
  return {
    id: randomUUID(),
    classId,
    title: `Quiz ${j + 1}${topics === allTopics ? "" : " (dialogue, operations, cooperation, science)"}`,
    topics,
    types: j % 3 === 2 ? RECOGNITION_TYPES : ALL_TYPES,
    size,
    opensAt: new Date(now.getTime() - (30 + (j % 10)) * DAY_MS),
    dueAt: new Date(now.getTime() + (7 + j) * DAY_MS),
    timeLimitMinutes: j % 2 === 1 ? 30 : null,
    maxAttempts: ([null, 3, 2] as const)[j % 3]!,
    scoring: (["best", "last", "average"] as const)[Math.floor(j / 2) % 3]!,
    feedback: j % 4 === 1 ? "after_due" : "immediately",
    sameQuestions: j % 2 === 0,
    seed: randomInt(0, 0x7fffffff),
  };
}

type Log = (line: string) => void;

/**
 * Fills a freshly migrated database whose content (nato-japan) is already synced. Runs in one
 * transaction (nothing is left half-seeded), then ANALYZE.
 */
export async function seedBenchData(
  databaseUrl: string,
  authSecret: string,
  size: SeedSize,
  options: { log?: Log; secureCookies?: boolean } = {},
): Promise<SeededWorld> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const pool = size.classes * size.learnersPerClass;
  for (const growth of size.growthClassSizes) {
    if (growth > pool)
      throw new Error(`a growth class of ${growth} needs more than the ${pool} learners of the main classes`);
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const result = await client.query(sql, params);
    log(`${label}: ${result.rowCount ?? 0} rows in ${((performance.now() - t) / 1000).toFixed(2)} s`);
    return result;
  };
  try {
    const now = new Date();
    const seedModule = await loadSeedModule(client, MODULE_SLUG);
    const allTopics = seedModule.module.topics.map((topic) => topic.id);
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const cookie = (token: string) => sessionCookie(token, authSecret, { secure: options.secureCookies });

    // --- Plan in Node: classes, assignments and the question templates they draw from.
    const templates = new TemplateSet(seedModule, size.questionsPerAttempt);
    const mainClasses = Array.from({ length: size.classes }, (_, k) => ({
      id: randomUUID(),
      name: `Bench class ${k + 1}`,
      size: size.learnersPerClass,
    }));
    const growthClasses = size.growthClassSizes.map((learners, k) =>
      learners === size.learnersPerClass && mainClasses[0]
        ? { ...mainClasses[0], reused: true }
        : { id: randomUUID(), name: `Bench growth class ${k + 1} (${learners})`, size: learners, reused: false },
    );
    const assignments: PlannedAssignment[] = [];
    for (const klass of [...mainClasses, ...growthClasses.filter((c) => !c.reused)]) {
      for (let j = 0; j < size.assignmentsPerClass; j += 1) {
        let plan = planAssignment(j, klass.id, allTopics, size.questionsPerAttempt, now);
        const draws = plan.sameQuestions ? 1 : DRAWS_PER_ASSIGNMENT;
        const add = (p: typeof plan, d: number) =>
          templates.add(
            {
              topics: p.topics,
              types: p.types,
              size: p.size,
              seed: d === 0 && p.sameQuestions ? p.seed : randomInt(0, 0x7fffffff),
            },
            {
              topics: p.topics,
              size: p.size,
              types: p.types,
              timeLimitMinutes: p.timeLimitMinutes,
              mode: "assignment",
              assignment: { dueAt: p.dueAt.toISOString(), scoring: p.scoring, feedback: p.feedback },
            },
          );
        let first = add(plan, 0);
        if (first === null) {
          // Too few facts for a full quiz in this subset: assign the whole module instead.
          plan = { ...plan, topics: allTopics, types: ALL_TYPES, title: `Quiz ${j + 1}` };
          first = add(plan, 0);
          if (first === null) throw new Error(`${MODULE_SLUG} cannot make a ${size.questionsPerAttempt}-question quiz`);
        }
        for (let d = 1; d < draws; d += 1)
          if (add(plan, d) === null) throw new Error("a draw gave fewer questions than the first");
        assignments.push({ ...plan, firstTemplate: first, templateCount: draws });
      }
    }
    const practiceFirst = templates.templates.length + 1;
    for (let d = 0; d < PRACTICE_DRAWS; d += 1) {
      const request = {
        topics: allTopics,
        types: ALL_TYPES,
        size: size.questionsPerAttempt,
        seed: randomInt(0, 0xffffffff),
      };
      const settings = {
        topics: allTopics,
        size: size.questionsPerAttempt,
        types: ALL_TYPES,
        timeLimitMinutes: null,
        mode: "practice",
      };
      if (templates.add(request, settings) === null)
        throw new Error(`${MODULE_SLUG} cannot make a ${size.questionsPerAttempt}-question quiz`);
    }
    log(
      `planned ${assignments.length} assignments, ${templates.templates.length} question templates in ${((performance.now() - started) / 1000).toFixed(2)} s`,
    );

    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    await client.query("SET LOCAL work_mem = '256MB'");
    await client.query("SET LOCAL maintenance_work_mem = '512MB'");

    // --- Templates into temporary tables.
    await client.query(`
      CREATE TEMP TABLE bench_template (id int PRIMARY KEY, questions jsonb NOT NULL, settings jsonb NOT NULL, question_count int NOT NULL) ON COMMIT DROP;
      CREATE TEMP TABLE bench_position (template_id int, position int, locale text, "offset" float8,
        a0 jsonb, a1 jsonb, a2 jsonb, s0 float8, s1 float8, s2 float8, c0 bool, c1 bool, c2 bool,
        PRIMARY KEY (template_id, locale, position)) ON COMMIT DROP;
      CREATE TEMP TABLE bench_fact (template_id int, position int, fact_id uuid) ON COMMIT DROP;
      CREATE TEMP TABLE bench_assignment (id uuid PRIMARY KEY, class_id uuid, opens_at timestamptz, due_at timestamptz,
        time_limit int, first_template int, template_count int) ON COMMIT DROP;
      CREATE TEMP TABLE bench_class (id uuid, first_learner int, last_learner int) ON COMMIT DROP;
      CREATE TEMP TABLE bench_attempt (id uuid PRIMARY KEY DEFAULT uuidv7(), user_id text NOT NULL, assignment_id uuid,
        template_id int NOT NULL, state "AttemptState" NOT NULL, started_at timestamptz NOT NULL, deadline_at timestamptz,
        finished_at timestamptz, locale text NOT NULL, ability float8 NOT NULL) ON COMMIT DROP;`);
    await step(
      "templates",
      `INSERT INTO bench_template SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id int, questions jsonb, settings jsonb, question_count int)`,
      [JSON.stringify(templates.templates)],
    );
    await step(
      "template answers",
      `INSERT INTO bench_position SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(template_id int, position int, locale text, "offset" float8,
         a0 jsonb, a1 jsonb, a2 jsonb, s0 float8, s1 float8, s2 float8, c0 bool, c1 bool, c2 bool)`,
      [JSON.stringify(templates.positions)],
    );
    await step(
      "template facts",
      `INSERT INTO bench_fact SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(template_id int, position int, fact_id uuid)`,
      [JSON.stringify(templates.facts)],
    );

    // --- Accounts: learners 1..pool, the instructor, the heavy learners; one password hash.
    // Ids are md5 hex (32 characters, spread like better-auth's random ids) of a stable name.
    const learnerId = (n: string) => `md5('bench-learner-' || ${n})`;
    await step(
      "learners",
      `INSERT INTO "User" (id, name, email, "emailVerified", role, "createdAt", "updatedAt")
       SELECT ${learnerId("n")}, 'Learner ' || lpad(n::text, 5, '0'), 'bench-learner-' || lpad(n::text, 5, '0') || '@entente.local', true, 'learner',
              $2::timestamptz - interval '60 days', $2::timestamptz - interval '60 days'
         FROM generate_series(1, $1::int) AS n`,
      [pool, now],
    );
    const instructorId = "bench-instructor";
    const heavy = size.heavyAttempts.map((attempts) => ({
      attempts,
      id: `bench-heavy-${attempts}`,
      email: heavyEmail(attempts),
    }));
    await step(
      "instructor and heavy learners",
      `INSERT INTO "User" (id, name, email, "emailVerified", role, "createdAt", "updatedAt")
       SELECT x.id, x.name, x.email, true, x.role::"Role", $2::timestamptz - interval '3 years', $2::timestamptz - interval '3 years'
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, name text, email text, role text)`,
      [
        JSON.stringify([
          { id: instructorId, name: "Bench Instructor", email: INSTRUCTOR_EMAIL, role: "instructor" },
          ...heavy.map((h) => ({ id: h.id, name: `Heavy learner ${h.attempts}`, email: h.email, role: "learner" })),
        ]),
        now,
      ],
    );
    await step(
      "credential accounts",
      `INSERT INTO "Account" (id, "accountId", "providerId", "userId", password, "createdAt", "updatedAt")
       SELECT md5('bench-account-' || id), id, 'credential', id, $1, "createdAt", "createdAt" FROM "User"`,
      [passwordHash],
    );

    // --- Classes: main class k holds learners k*L+1..(k+1)*L; a growth class of n the last n
    // learners (so the first class, whose learners have sessions, stays alike), or all of them.
    const classRows = [
      ...mainClasses.map((c, k) => ({
        id: c.id,
        name: c.name,
        first: k * size.learnersPerClass + 1,
        last: (k + 1) * size.learnersPerClass,
      })),
      ...growthClasses
        .filter((c) => !c.reused)
        .map((c) => ({ id: c.id, name: c.name, first: pool - c.size + 1, last: pool })),
    ].map((c, i) => ({ ...c, n: i + 1 }));
    await step(
      "bench classes",
      `INSERT INTO bench_class SELECT x.id, x.first, x.last FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, first int, last int)`,
      [JSON.stringify(classRows)],
    );
    await step(
      "classes",
      `INSERT INTO "Class" (id, name, "joinCode", "ownerId", "createdAt", "updatedAt")
       SELECT x.id, x.name, 'BENCH' || lpad(x.n::text, 3, '0'), $2, $3::timestamptz - interval '60 days', $3::timestamptz - interval '60 days'
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, name text, n int)`,
      [JSON.stringify(classRows), instructorId, now],
    );
    await step(
      "class instructors",
      `INSERT INTO "ClassInstructor" ("classId", "userId", "addedAt") SELECT id, $1, $2::timestamptz - interval '60 days' FROM bench_class`,
      [instructorId, now],
    );
    await step(
      "enrollments",
      `INSERT INTO "Enrollment" ("classId", "userId", "joinedAt")
       SELECT c.id, ${learnerId("n")}, $1::timestamptz - interval '50 days' FROM bench_class c, generate_series(c.first_learner, c.last_learner) AS n`,
      [now],
    );
    await step(
      "assignments",
      `INSERT INTO "Assignment" (id, "classId", "moduleId", title, topics, types, size, "opensAt", "dueAt", "timeLimitMinutes", "maxAttempts",
                                 scoring, feedback, "sameQuestions", seed, "createdAt", "updatedAt")
       SELECT x.id, x."classId", $2, x.title, x.topics, x.types, x.size, x."opensAt", x."dueAt", x."timeLimitMinutes", x."maxAttempts",
              x.scoring::"Scoring", x.feedback::"FeedbackTiming", x."sameQuestions", x.seed, x."opensAt" - interval '1 day', x."opensAt" - interval '1 day'
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "classId" uuid, title text, topics jsonb, types jsonb, size int, "opensAt" timestamptz,
              "dueAt" timestamptz, "timeLimitMinutes" int, "maxAttempts" int, scoring text, feedback text, "sameQuestions" bool, seed int)`,
      [JSON.stringify(assignments), seedModule.dbId],
    );
    await step(
      "bench assignments",
      `INSERT INTO bench_assignment SELECT x.id, x."classId", x."opensAt", x."dueAt", x."timeLimitMinutes", x."firstTemplate", x."templateCount"
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "classId" uuid, "opensAt" timestamptz, "dueAt" timestamptz, "timeLimitMinutes" int,
              "firstTemplate" int, "templateCount" int)`,
      [JSON.stringify(assignments)],
    );

    // --- Attempts, staged first so that responses, scores and reviews derive from one plan.
    // A learner's ability (0.3..0.95) and language (one in five answers in English) are stable.
    const ability = (user: string) => `(0.3 + 0.65 * (abs(hashtext(${user} || ':ability')::bigint) % 1000) / 999.0)`;
    const locale = (user: string) =>
      `(CASE WHEN abs(hashtext(${user} || ':locale')::bigint) % 5 = 0 THEN 'en' ELSE 'fr' END)`;
    // One finished attempt per learner and assignment, between the opening and now, within the time limit.
    await step(
      "staged assignment attempts",
      `INSERT INTO bench_attempt (user_id, assignment_id, template_id, state, started_at, deadline_at, finished_at, locale, ability)
       SELECT user_id, id, template_id, 'finished', started_at,
              CASE WHEN time_limit IS NULL THEN NULL ELSE least(started_at + time_limit * interval '1 minute', due_at) END,
              started_at + least(coalesce(time_limit - 1, 60), 4 + 20 * random()) * interval '1 minute', ${locale("user_id")}, ${ability("user_id")}
         FROM (SELECT e."userId" AS user_id, a.id, a.time_limit, a.due_at,
                      a.first_template + abs(hashtext(e."userId" || a.id::text)::bigint) % a.template_count AS template_id,
                      a.opens_at + random() * ($1::timestamptz - interval '1 hour' - a.opens_at) AS started_at
                 FROM bench_assignment a JOIN "Enrollment" e ON e."classId" = a.class_id) s`,
      [now],
    );
    // Heavy learners: practice attempts spread over up to 400 days, several a day for the heaviest.
    await step(
      "staged heavy attempts",
      `INSERT INTO bench_attempt (user_id, assignment_id, template_id, state, started_at, finished_at, locale, ability)
       SELECT h.id, NULL, $2 + i % $3, 'finished', t.started_at, t.started_at + (4 + 16 * random()) * interval '1 minute', 'fr', ${ability("h.id")}
         FROM jsonb_to_recordset($1::jsonb) AS h(id text, attempts int)
              CROSS JOIN LATERAL generate_series(1, h.attempts) AS i
              CROSS JOIN LATERAL (SELECT $4::timestamptz - interval '2 hours'
                                         - (i - 1) * least(interval '1 day', interval '400 days' / h.attempts)
                                         - random() * interval '20 minutes' AS started_at) t`,
      [JSON.stringify(heavy), practiceFirst, PRACTICE_DRAWS, now],
    );
    // In-progress practice attempts of the first class's learners: untimed, nothing answered yet.
    await step(
      "staged in-progress attempts",
      `INSERT INTO bench_attempt (user_id, assignment_id, template_id, state, started_at, locale, ability)
       SELECT ${learnerId("n")}, NULL, $1 + (n + i) % $2, 'in_progress', $5::timestamptz - (i * interval '1 hour'), 'fr', 0.5
         FROM generate_series(1, $3::int) AS n, generate_series(1, $4::int) AS i`,
      [
        practiceFirst,
        PRACTICE_DRAWS,
        mainClasses.length > 0 ? size.learnersPerClass : 0,
        size.inProgressPerLearner,
        now,
      ],
    );

    // The four big tables are loaded without their foreign keys and secondary indexes, which
    // are rebuilt (and checked) once at the end.
    await withDeferredIndexes(
      client,
      ["Attempt", "Response", "ReviewLog", "FactCard"],
      async () => {
        // Each answer: the key, a near miss or a wrong answer, drawn by the learner's ability less
        // the question's difficulty; saved in order between the start and the end of the attempt.
        await step(
          "staged responses",
          `CREATE TEMP TABLE bench_response ON COMMIT DROP AS
         SELECT attempt_id, position, locale, saved_at,
                CASE pick WHEN 0 THEN a0 WHEN 1 THEN a1 ELSE a2 END AS answer,
                CASE pick WHEN 0 THEN s0 WHEN 1 THEN s1 ELSE s2 END AS score,
                CASE pick WHEN 0 THEN c0 WHEN 1 THEN c1 ELSE c2 END AS correct
           FROM (SELECT *, CASE WHEN r < pr THEN 0 WHEN r < pr + (1 - pr) / 2 THEN 1 ELSE 2 END AS pick
                   FROM (SELECT b.id AS attempt_id, p.*, random() AS r, greatest(0.03, least(0.97, b.ability - p."offset")) AS pr,
                                b.started_at + (b.finished_at - b.started_at) * (p.position + 1) / (t.question_count + 1) AS saved_at
                           FROM bench_attempt b
                           JOIN bench_template t ON t.id = b.template_id
                           JOIN bench_position p ON p.template_id = b.template_id AND p.locale = b.locale
                          WHERE b.state = 'finished') drawn) s`,
        );
        await step(
          "attempts",
          `
        INSERT INTO "Attempt" (id, "userId", "moduleId", state, settings, questions, "questionCount", "startedAt", "deadlineAt", "finishedAt",
                               points, score, "lastActivityAt", "assignmentId")
        SELECT b.id, b.user_id, $1, b.state, t.settings, t.questions, t.question_count, b.started_at, b.deadline_at, b.finished_at,
               s.points, s.points / t.question_count, coalesce(b.finished_at, b.started_at), b.assignment_id
          FROM bench_attempt b
          JOIN bench_template t ON t.id = b.template_id
          LEFT JOIN (SELECT attempt_id, sum(score) AS points FROM bench_response GROUP BY attempt_id) s ON s.attempt_id = b.id`,
          [seedModule.dbId],
        );
        await step(
          "responses",
          `INSERT INTO "Response" ("attemptId", position, answer, locale, "savedAt", score, correct)
         SELECT attempt_id, position, answer, locale, saved_at, score, correct FROM bench_response`,
        );
        // One review per fact of each question, at the end of the attempt, as submitAttempt logs
        // them (the card's state before each review is plausible, not replayed). Only for the main
        // classes and the heavy learners: the growth classes reuse the same learners, whose memory
        // their main class's attempts already give, and would double the largest table.
        await step(
          "review logs",
          `INSERT INTO "ReviewLog" (id, "userId", "factId", "attemptId", correct, rating, state, due, stability, difficulty, "elapsedDays",
                                  "lastElapsedDays", "scheduledDays", "learningSteps", review)
         SELECT uuidv7(), b.user_id, f.fact_id, b.id, r.correct, CASE WHEN r.correct THEN 'good' ELSE 'again' END::"Rating",
                'review', b.finished_at - (1 + r.position % 7) * interval '1 day', 1 + r.position % 7 + b.ability * 10, 9.5 - 8 * b.ability,
                1 + r.position % 7, 1 + r.position % 5, 1 + r.position % 7, 0, b.finished_at
           FROM bench_response r
           JOIN bench_attempt b ON b.id = r.attempt_id
           JOIN bench_fact f ON f.template_id = b.template_id AND f.position = r.position
           LEFT JOIN bench_assignment a ON a.id = b.assignment_id
          WHERE a.id IS NULL OR a.class_id = ANY($1::uuid[])`,
          [mainClasses.map((c) => c.id)],
        );
        // The cards agree with the logs: reps, lapses and the last review come from them; stability
        // grows with accuracy and practice; due is the last review plus the interval.
        await step(
          "fact cards",
          `INSERT INTO "FactCard" ("userId", "factId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps", reps, lapses, state, "lastReview")
         SELECT "userId", "factId", last_review + scheduled * interval '1 day', stability, difficulty, least(scheduled, 3), scheduled, 0, reps, lapses,
                CASE WHEN last_ok THEN 'review' ELSE 'relearning' END::"CardStateName", last_review
           FROM (SELECT *, CASE WHEN last_ok THEN greatest(1, least(36500, round(stability)))::int ELSE 1 END AS scheduled
                   FROM (SELECT "userId", "factId", count(*)::int AS reps, (count(*) FILTER (WHERE NOT correct))::int AS lapses,
                                max(review) AS last_review, max(review) FILTER (WHERE correct) = max(review) AS last_ok,
                                CASE WHEN max(review) FILTER (WHERE correct) = max(review)
                                     THEN 1 + 60 * power(avg(correct::int), 3) * ln(1 + count(*))
                                     ELSE 0.5 + 2 * avg(correct::int) END AS stability,
                                greatest(1, least(10, 9.5 - 8 * avg(correct::int))) AS difficulty
                           FROM "ReviewLog" GROUP BY "userId", "factId") g) c`,
        );
      },
      log,
    );

    // --- Sessions: the first class's learners, the heavy learners and the instructor, as
    // better-auth creates them at sign-in (same lifetime, so none is refreshed during a run).
    const firstClassLearners =
      mainClasses.length > 0 ? Array.from({ length: size.learnersPerClass }, (_, i) => i + 1) : [];
    const sessions = await step(
      "sessions",
      `INSERT INTO "Session" (id, token, "userId", "expiresAt", "createdAt", "updatedAt")
       SELECT replace(gen_random_uuid()::text, '-', ''), replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''),
              id, $2::timestamptz + $3 * interval '1 day', $2, $2
         FROM "User" WHERE id = ANY($1::text[])
       RETURNING "userId", token`,
      [[instructorId, ...heavy.map((h) => h.id), ...firstClassLearners.map(learnerIdOf)], now, SESSION_DAYS],
    );
    const tokens = new Map(
      (sessions.rows as { userId: string; token: string }[]).map((row) => [row.userId, row.token]),
    );
    const cookieOf = (userId: string) => cookie(tokens.get(userId)!);
    const inProgress = await client.query<{ user_id: string; ids: string[] }>(
      `SELECT user_id, array_agg(id::text ORDER BY started_at) AS ids FROM bench_attempt WHERE state = 'in_progress' GROUP BY user_id`,
    );
    const inProgressOf = new Map(inProgress.rows.map((row) => [row.user_id, row.ids]));
    await client.query("COMMIT");

    const analyzed = performance.now();
    await client.query("ANALYZE");
    log(`ANALYZE in ${((performance.now() - analyzed) / 1000).toFixed(2)} s`);
    const seconds = (performance.now() - started) / 1000;

    const assignmentIdsOf = (classId: string) => assignments.filter((a) => a.classId === classId).map((a) => a.id);
    return {
      password: BENCH_PASSWORD,
      instructor: { id: instructorId, email: INSTRUCTOR_EMAIL, cookie: cookieOf(instructorId) },
      classes: mainClasses.map((c) => ({ id: c.id, learnerCount: c.size, assignmentIds: assignmentIdsOf(c.id) })),
      growthClasses: growthClasses.map((c) => ({
        id: c.id,
        learnerCount: c.size,
        assignmentIds: assignmentIdsOf(c.id),
      })),
      heavyLearners: heavy.map((h) => ({ ...h, cookie: cookieOf(h.id) })),
      learners: firstClassLearners.map((n) => {
        const id = learnerIdOf(n);
        return { id, email: learnerEmail(n), cookie: cookieOf(id), inProgressAttemptIds: inProgressOf.get(id) ?? [] };
      }),
      counts: await countRows(client),
      databaseBytes: Number(
        (await client.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes")).rows[0]!.bytes,
      ),
      seconds,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
