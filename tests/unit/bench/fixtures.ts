// A made-up run for the goal and report tests: every goal met unless a test changes it.
import type { LoadResult } from "@/bench/load";
import type { BenchResults, RouteMeasure } from "@/bench/types";

function load(rps: number, p99: number): LoadResult {
  return {
    connections: 50,
    seconds: 8,
    requests: Math.round(rps * 8),
    successes: Math.round(rps * 8),
    rps,
    latencyMs: { mean: p99 / 3, p50: p99 / 4, p95: p99 / 2, p99, max: p99 * 1.2 },
    statuses: { "200": Math.round(rps * 8) },
    non2xx: 0,
    failed: 0,
    failures: [],
    socketErrors: 0,
    timeouts: 0,
    warmup: { requests: 100, non2xx: 0, failed: 0 },
    exhausted: false,
  };
}

function route(
  key: string,
  label: string,
  kind: RouteMeasure["kind"],
  floor: string | null,
  rps: number,
  p99: number,
  floorRps?: number,
  floorP99?: number,
): RouteMeasure {
  return {
    ...load(rps, p99),
    key,
    label,
    path: label,
    kind,
    floor,
    serialMs: 10,
    dbPerRequest: { transactions: 3, rowsRead: 10 },
    peakRssMb: 420,
    rpsRatio: floorRps ? rps / floorRps : null,
    p99Ratio: floorP99 ? p99 / floorP99 : null,
  };
}

export function passingRun(): BenchResults {
  return {
    date: "2026-11-25T03:00:00.000Z",
    mode: "full",
    machine: { cpu: "AMD EPYC", cores: 2, memoryGb: 23.5, node: "v20.20.2", platform: "Linux", loadAverage: [1, 1, 1] },
    settings: { connections: 50, warmupSeconds: 5, seconds: 8, growthSeconds: 4, growthConnections: 1 },
    database: "embedded",
    seed: { seconds: 30, counts: { User: 3000 }, size: {} },
    build: { seconds: 60, reused: false },
    routes: [
      route("static", "static file", "floor", null, 4000, 30),
      route("health", "/api/health", "floor", null, 1000, 80),
      route("status", "/status", "floor", null, 400, 200),
      route("quiz", "quiz page", "page", "/status", 300, 300, 400, 200),
      route("autosave", "autosave an answer", "route handler", "/api/health", 800, 150, 1000, 80),
      route("submit", "submit and grade", "action", "/api/health", 600, 200, 1000, 80),
      route("progress", "progress page", "page", "/status", 250, 400, 400, 200),
      route("review", "review session start", "action", "/status", 250, 400, 400, 200),
      route("gradebook", "gradebook 300 × 20", "page", "/status", 150, 600, 400, 200),
    ],
    submitCheck: { attemptsDrawn: 100, redirectedToResults: 99, finishedInDatabase: 99 },
    reviewCheck: { redirectedToNewAttempt: 50, measuredSuccesses: 40 },
    actionWitness: null,
    growth: [
      {
        route: "gradebook",
        unit: "learner",
        points: [
          { size: 30, requests: 100, meanMs: 30, p50Ms: 30, msPerUnit: 1, non2xx: 0 },
          { size: 300, requests: 50, meanMs: 60, p50Ms: 60, msPerUnit: 0.2, non2xx: 0 },
          { size: 3000, requests: 10, meanMs: 450, p50Ms: 450, msPerUnit: 0.15, non2xx: 0 },
        ],
        ratio: 0.75,
        ratioOf: [300, 3000],
      },
    ],
    memory: { peakTreeRssMb: 450, peakProcessHwmMb: 440, lastTreeRssMb: 400, samples: 100 },
    javascript: {
      frameworkBytes: 444_307,
      frameworkGzipBytes: 130_000,
      frameworkChunks: [".next/static/chunks/fw.js"],
      lightestPage: { route: "/_not-found", bytes: 507_649 },
      routes: [
        {
          route: "/attempts/[attemptId]",
          bytes: 533_023,
          gzipBytes: 158_000,
          aboveFrameworkBytes: 88_716,
          aboveLightestPageBytes: 25_374,
        },
      ],
    },
    lighthouse: ["sign-in", "catalogue", "quiz", "results"].map((name) => ({
      name,
      path: `/${name}`,
      performance: 95,
      accessibility: 100,
      metrics: {},
      issues: [],
      report: `bench-results/lighthouse-${name}.html`,
    })),
    goals: [],
    totalSeconds: 600,
  };
}
