// The shape of bench/results.json.
import type { ActionWitness, LighthouseResult } from "./browser";
import type { BundleReport } from "./bundle";
import type { LoadResult } from "./load";
import type { MemoryReport } from "./memory";

export type RouteKind = "floor" | "route handler" | "action" | "page";

export type RouteMeasure = LoadResult & {
  key: string;
  label: string;
  /** An example of the paths requested (ids rotate). */
  path: string;
  kind: RouteKind;
  /** The floor this route is compared with: /api/health for route handlers and actions, /status for pages. */
  floor: string | null;
  /** Median of three requests one at a time, before the load (ms). */
  serialMs: number | null;
  /**
   * PostgreSQL's own counters (pg_stat_database) around those three requests, per request:
   * transactions (each statement outside a transaction is one) and rows read. Approximate: the
   * server's background jobs count too.
   */
  dbPerRequest: { transactions: number; rowsRead: number } | null;
  /** Highest resident memory of the server's process tree during this route's run (MB). */
  peakRssMb: number | null;
  rpsRatio: number | null;
  p99Ratio: number | null;
};

export type GrowthSeries = {
  route: string;
  unit: "learner" | "attempt";
  points: { size: number; requests: number; meanMs: number; p50Ms: number; msPerUnit: number; non2xx: number }[];
  /** Per-unit time at the largest size over the middle one (e.g. 3,000 vs 300 learners). */
  ratio: number | null;
  ratioOf: [number, number];
};

export type GoalResult = { goal: string; target: string; measured: string; pass: boolean };

export type BenchResults = {
  date: string;
  mode: "full" | "quick";
  machine: { cpu: string; cores: number; memoryGb: number; node: string; platform: string; loadAverage: number[] };
  settings: {
    connections: number;
    warmupSeconds: number;
    seconds: number;
    growthSeconds: number;
    growthConnections: number;
  };
  database: string;
  seed: { seconds: number; counts: Record<string, number>; size: Record<string, unknown> };
  build: { seconds: number; reused: boolean };
  routes: RouteMeasure[];
  /** Submits: ids handed out, answers that redirected to the attempt's results, and how many of those are finished in the database. */
  submitCheck: { attemptsDrawn: number; redirectedToResults: number; finishedInDatabase: number } | null;
  reviewCheck: { redirectedToNewAttempt: number; measuredSuccesses: number } | null;
  /** What Chromium sent and got when a learner submitted an attempt in the quiz page. */
  actionWitness: (ActionWitness & { idMatchesManifest: boolean }) | { error: string } | null;
  growth: GrowthSeries[];
  memory: MemoryReport | null;
  javascript: BundleReport | null;
  lighthouse: LighthouseResult[] | { error: string } | null;
  goals: GoalResult[];
  totalSeconds: number;
};
