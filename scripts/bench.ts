// `npm run bench` (issue 9): the whole server benchmark from a fresh clone.
//   npm run bench [-- --quick] [-- --check] [-- --no-lighthouse]
// A fresh database (embedded PostgreSQL in .data/bench, or a new database on DATABASE_URL's
// server), the synthetic data set (bench/seed.ts), a production build, `next start` on a free
// port, then autocannon at 50 connections per route after a warm-up, the growth series at one
// connection, the build's JavaScript figures and Lighthouse in Chromium. Writes
// bench/results.json (--quick: bench-results/results-quick.json; --only: bench-results/results-only.json)
// and prints a markdown report.
// --check exits 1 when a goal is missed. Everything started is stopped, on failure too.
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { format, resolveConfig } from "prettier";
import { PROJECT_ROOT } from "@/server/runtime/config";
import { readActionIds } from "../bench/actions";
import {
  launchChromium,
  runLighthouse,
  witnessSubmit,
  type ActionWitness,
  type LighthouseResult,
} from "../bench/browser";
import { readBundleReport, type BundleReport } from "../bench/bundle";
import { createBenchDatabase, readDbCounters, type BenchDatabase } from "../bench/database";
import { freePort } from "@/server/db/embedded";
import { checkGoals } from "../bench/goals";
import { measureLoad } from "../bench/load";
import { formatReport } from "../bench/report";
import { buildScenarios, countFinished, latestFinishedAttempt, type Scenario } from "../bench/routes";
import { buildApp, RESULTS_DIR, startServer, type RunningServer } from "../bench/server";
import { FULL_SIZE, MODULE_SLUG, SMALL_SIZE, seedBenchData } from "../bench/seed";
import { growth, ratio } from "../bench/stats";
import type { BenchResults, GrowthSeries, RouteMeasure } from "../bench/types";

const CONNECTIONS = 50;
const GROWTH_CONNECTIONS = 1;

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s`;
const say = (message: string) => process.stderr.write(`[bench ${elapsed()}] ${message}\n`);

function machine(): BenchResults["machine"] {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg(),
  };
}

/** Waits until the server has worked through what the last run left in flight. */
async function settle(origin: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const t = performance.now();
    const ok = await fetch(`${origin}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && performance.now() - t < 100) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** One request at a time on an idle server: the median of three, for comparison with the loaded latencies. */
async function serialLatency(scenario: Scenario, origin: string): Promise<number | null> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const request = scenario.next();
    if (!request) return null;
    const t = performance.now();
    const response = await fetch(`${origin}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: "manual",
    });
    await response.arrayBuffer();
    times.push(performance.now() - t);
    const reason = !response.ok
      ? `status ${response.status}`
      : scenario.check?.(response.status, Object.fromEntries(response.headers));
    if (reason) say(`${scenario.label}: a request alone failed: ${reason}`);
  }
  return times.sort((a, b) => a - b)[1]!;
}

/** The route alone on an idle server; with `dbStats`, PostgreSQL's counters around it. */
async function probeAlone(
  scenario: Scenario,
  target: { origin: string; databaseUrl: string; dbStats: boolean },
): Promise<Pick<RouteMeasure, "serialMs" | "dbPerRequest">> {
  const { origin } = target;
  await settle(origin);
  if (!target.dbStats) return { serialMs: await serialLatency(scenario, origin), dbPerRequest: null };
  // Idle backends publish their counters within PostgreSQL's idle flush interval (10 s).
  const pause = () => new Promise((resolve) => setTimeout(resolve, 11_000));
  await pause();
  const before = await readDbCounters(target.databaseUrl);
  const serialMs = await serialLatency(scenario, origin);
  await pause();
  const after = await readDbCounters(target.databaseUrl);
  if (serialMs === null) return { serialMs, dbPerRequest: null };
  // One transaction is our own reading of the counters.
  return {
    serialMs,
    dbPerRequest: {
      transactions: (after.transactions - before.transactions - 1) / 3,
      rowsRead: (after.rowsRead - before.rowsRead) / 3,
    },
  };
}

async function measureRoute(
  scenario: Scenario,
  target: { origin: string; server: RunningServer; databaseUrl: string; dbStats: boolean },
  settings: { warmupSeconds: number; seconds: number },
): Promise<RouteMeasure> {
  const { origin, server } = target;
  const { serialMs, dbPerRequest } = await probeAlone(scenario, target);
  server.memory.resetWindow();
  const result = await measureLoad({
    origin,
    connections: CONNECTIONS,
    warmupSeconds: settings.warmupSeconds,
    seconds: settings.seconds,
    next: scenario.next,
    check: scenario.check,
  });
  const bad = result.non2xx + result.failed + result.socketErrors + result.timeouts;
  say(
    `${scenario.label}: alone ${serialMs?.toFixed(1) ?? "—"} ms; ${result.requests} requests, ${result.rps.toFixed(0)} req/s, p50 ${result.latencyMs.p50.toFixed(1)} ms, p99 ${result.latencyMs.p99.toFixed(1)} ms, ${bad} bad${result.failures.length ? ` (${result.failures[0]})` : ""}${result.exhausted ? ", pool used up" : ""}${dbPerRequest ? `; alone ${dbPerRequest.transactions.toFixed(1)} DB transactions and ${dbPerRequest.rowsRead.toFixed(0)} rows read per request` : ""}; peak ${server.memory.windowPeakMb().toFixed(0)} MB`,
  );
  return {
    ...result,
    key: scenario.key,
    label: scenario.label,
    path: scenario.path,
    kind: scenario.kind,
    floor: scenario.floor,
    serialMs,
    dbPerRequest,
    peakRssMb: server.memory.windowPeakMb(),
    rpsRatio: null,
    p99Ratio: null,
  };
}

async function measureGrowth(
  origin: string,
  route: string,
  unit: "learner" | "attempt",
  points: { size: number; path: string; cookie: string }[],
  seconds: number,
): Promise<GrowthSeries> {
  const measured: GrowthSeries["points"] = [];
  for (const point of [...points].sort((a, b) => a.size - b.size)) {
    const result = await measureLoad({
      origin,
      connections: GROWTH_CONNECTIONS,
      warmupSeconds: 1,
      seconds,
      next: () => ({ method: "GET", path: point.path, headers: { cookie: point.cookie } }),
    });
    measured.push({
      size: point.size,
      requests: result.requests,
      meanMs: result.latencyMs.mean,
      p50Ms: result.latencyMs.p50,
      msPerUnit: result.latencyMs.mean / point.size,
      non2xx: result.non2xx + result.socketErrors + result.timeouts + result.warmup.non2xx,
    });
    say(
      `${route} at ${point.size} ${unit}s: mean ${result.latencyMs.mean.toFixed(1)} ms over ${result.requests} requests`,
    );
  }
  const sizes = measured.map((p) => p.size);
  const ratioOf: [number, number] = [sizes[Math.max(0, sizes.length - 2)]!, sizes[sizes.length - 1]!];
  const { ratio: growthRatio } = growth(measured, ratioOf[0], ratioOf[1]);
  return { route, unit, points: measured, ratio: growthRatio, ratioOf };
}

function withRatios(routes: RouteMeasure[]): RouteMeasure[] {
  const floors = new Map(routes.filter((r) => r.kind === "floor").map((r) => [r.label, r]));
  return routes.map((r) => {
    const floor = r.floor ? floors.get(r.floor) : undefined;
    return { ...r, rpsRatio: ratio(r.rps, floor?.rps), p99Ratio: ratio(r.latencyMs.p99, floor?.latencyMs.p99) };
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      check: { type: "boolean", default: false },
      "no-lighthouse": { type: "boolean", default: false },
      /** PostgreSQL's transactions and rows read per request, alone (adds about 4 minutes). */
      "db-stats": { type: "boolean", default: false },
      /** Development: only these routes (comma-separated keys), floors always included. */
      only: { type: "string" },
    },
  });
  const quick = values.quick;
  const settings = quick
    ? {
        connections: CONNECTIONS,
        warmupSeconds: 1,
        seconds: 3,
        growthSeconds: 1.5,
        growthConnections: GROWTH_CONNECTIONS,
      }
    : {
        connections: CONNECTIONS,
        warmupSeconds: 5,
        seconds: 8,
        growthSeconds: 4,
        growthConnections: GROWTH_CONNECTIONS,
      };
  const size = quick ? SMALL_SIZE : FULL_SIZE;
  const date = new Date().toISOString();
  const machineInfo = machine();

  let database: BenchDatabase | undefined;
  let server: RunningServer | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  const cleanup = async () => {
    await closeBrowser?.().catch(() => undefined);
    const memory = await server?.stop().catch(() => null);
    server = undefined;
    await database?.stop().catch((error: unknown) => say(`could not stop the database: ${String(error)}`));
    database = undefined;
    return memory ?? null;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    say(`${signal}: stopping`);
    void cleanup().then(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("uncaughtException", (error) => {
    say(`unexpected error: ${error.stack ?? String(error)}`);
    void cleanup().then(() => process.exit(2));
  });

  try {
    say(`${quick ? "quick" : "full"} run; fresh database…`);
    database = await createBenchDatabase();
    const databaseDescription = database.description;
    const authSecret = randomBytes(32).toString("base64url");
    say(`seeding (${JSON.stringify(size)}) and building at the same time…`);
    // Both finish before anything is stopped: a failed seed must not leave a build running.
    const [seeded, built] = await Promise.allSettled([
      seedBenchData(database.url, authSecret, size, { log: (line: string) => say(`seed: ${line}`) }),
      buildApp({ reuse: quick }),
    ]);
    if (seeded.status === "rejected") throw seeded.reason;
    if (built.status === "rejected") throw built.reason;
    const [world, build] = [seeded.value, built.value];
    say(`seeded in ${world.seconds.toFixed(1)} s; build ${build.reused ? "reused" : `${build.seconds.toFixed(1)} s`}`);

    const javascript: BundleReport = await readBundleReport(PROJECT_ROOT);
    const smallestChunk = javascript.frameworkChunks[javascript.frameworkChunks.length - 1]!;
    const staticPath = `/_next/${path.relative(".next", smallestChunk)}`;
    const actions = await readActionIds(PROJECT_ROOT);

    const port = await freePort();
    server = await startServer({ port, databaseUrl: database.url, authSecret });
    const { origin } = server;
    say(`server at ${origin} (pid ${server.pid})`);

    // The browser's own submit, on an attempt kept out of the load runs.
    const witnessLearner = world.learners[world.learners.length - 1]!;
    const witnessAttempt = witnessLearner.inProgressAttemptIds[witnessLearner.inProgressAttemptIds.length - 1]!;
    let actionWitness: (ActionWitness & { idMatchesManifest: boolean }) | { error: string };
    {
      const { browser } = await launchChromium();
      closeBrowser = () => browser.close();
      actionWitness = await witnessSubmit({
        browser,
        origin,
        cookie: witnessLearner.cookie,
        attemptId: witnessAttempt,
      }).then(
        (witness) => ({ ...witness, idMatchesManifest: witness.nextActionId === actions.submitAttempt }),
        (error: unknown) => ({ error: String(error) }),
      );
      await browser.close();
      closeBrowser = undefined;
      say(`browser submit: ${JSON.stringify(actionWitness)}`);
    }

    const scenarios = await buildScenarios({
      origin,
      world,
      databaseUrl: database.url,
      actions,
      staticPath,
      moduleSlug: MODULE_SLUG,
      reserved: [witnessAttempt],
    });
    const measured: RouteMeasure[] = [];
    const only = values.only?.split(",");
    const selected = scenarios.routes.filter((scenario) => !only || only.includes(scenario.key));
    for (const scenario of [...scenarios.floors, ...selected])
      measured.push(
        await measureRoute(
          scenario,
          { origin, server, databaseUrl: database.url, dbStats: values["db-stats"] },
          settings,
        ),
      );
    const routes = withRatios(measured);

    const submitted = scenarios.submitted();
    const submitCheck = {
      attemptsDrawn: scenarios.drawn(),
      redirectedToResults: submitted.length,
      finishedInDatabase: await countFinished(database.url, submitted),
    };
    say(`submit check: ${JSON.stringify(submitCheck)}`);
    const reviewRoute = routes.find((r) => r.key === "review");
    const reviewCheck = {
      redirectedToNewAttempt: scenarios.reviewCreated(),
      measuredSuccesses: (reviewRoute?.requests ?? 0) - (reviewRoute?.non2xx ?? 0) - (reviewRoute?.failed ?? 0),
    };

    await settle(origin);
    const growthSeries = only
      ? []
      : [
          await measureGrowth(
            origin,
            "gradebook",
            "learner",
            world.growthClasses.map((c) => ({
              size: c.learnerCount,
              path: `/teach/classes/${c.id}/gradebook`,
              cookie: world.instructor.cookie,
            })),
            settings.growthSeconds,
          ),
          await measureGrowth(
            origin,
            "progress page",
            "attempt",
            world.heavyLearners.map((h) => ({ size: h.attempts, path: "/progress", cookie: h.cookie })),
            settings.growthSeconds,
          ),
        ];

    let lighthouse: LighthouseResult[] | { error: string } | null = null;
    if (!values["no-lighthouse"]) {
      const player = world.learners[0]!;
      const heavy = world.heavyLearners[0]!;
      const finished = (await latestFinishedAttempt(database.url, heavy.id)) ?? "missing";
      const { browser, debuggingPort } = await launchChromium();
      closeBrowser = () => browser.close();
      say("Lighthouse…");
      lighthouse = await runLighthouse({
        debuggingPort,
        origin,
        reportDir: RESULTS_DIR,
        pages: [
          { name: "sign-in", path: "/sign-in" },
          { name: "catalogue", path: "/", cookie: player.cookie },
          { name: "quiz", path: `/attempts/${player.inProgressAttemptIds[0]}`, cookie: player.cookie },
          { name: "results", path: `/attempts/${finished}/results`, cookie: heavy.cookie },
        ],
      }).catch((error: unknown) => ({ error: String(error) }));
      await browser.close();
      closeBrowser = undefined;
      say(
        `Lighthouse: ${Array.isArray(lighthouse) ? lighthouse.map((p) => `${p.name} ${p.performance}/${p.accessibility}`).join(", ") : lighthouse.error}`,
      );
    }

    const memory = await cleanup();
    const partial = { routes, growth: growthSeries, memory, javascript, lighthouse };
    const results: BenchResults = {
      date,
      mode: quick ? "quick" : "full",
      machine: machineInfo,
      settings,
      database: databaseDescription,
      seed: { seconds: world.seconds, counts: world.counts, size },
      build,
      routes,
      submitCheck,
      reviewCheck,
      actionWitness,
      growth: growthSeries,
      memory,
      javascript,
      lighthouse,
      goals: checkGoals(partial),
      totalSeconds: (performance.now() - started) / 1000,
    };
    // Only a full run of every route replaces the committed bench/results.json.
    const file = quick
      ? path.join(RESULTS_DIR, "results-quick.json")
      : values.only
        ? path.join(RESULTS_DIR, "results-only.json")
        : path.join(PROJECT_ROOT, "bench/results.json");
    // In the project's Prettier style, so that `npm run format:check` accepts the committed file.
    await writeFile(file, await format(JSON.stringify(results), { ...(await resolveConfig(file)), filepath: file }));
    process.stdout.write(formatReport(results));
    say(`wrote ${path.relative(PROJECT_ROOT, file)}`);
    const missed = results.goals.filter((goal) => !goal.pass);
    return values.check && missed.length > 0 ? 1 : 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("bench: failed", error);
    process.exit(2);
  },
);
