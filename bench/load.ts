// One measured route: autocannon (as a library) at a fixed number of connections for
// warm-up + measure seconds in ONE run, so that the measure starts in steady state (a separate
// warm-up run would close its connections and leave the server with a backlog, or start the
// measure from an empty pipeline). Responses are sorted into warm-up and measure by the time
// they complete. Every request is built by `next()`, so that load is spread over many sessions
// and ids; latencies are kept whole, so percentiles are exact.
import autocannon from "autocannon";
import type { IncomingHttpHeaders } from "node:http";
import { summarizeLatencies, type LatencySummary } from "./stats";

export type LoadRequest = {
  method: "GET" | "POST" | "PUT";
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

export type LoadSpec = {
  origin: string;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  /** The next request to send; null when the pool of ids is used up (the run then stops there). */
  next: () => LoadRequest | null;
  /**
   * Success beyond the status (a 2xx is not enough for a server action, which answers 200 with
   * an error result too): returns a reason when the response is not the expected one.
   */
  check?: (status: number, headers: IncomingHttpHeaders) => string | null;
};

export type LoadResult = {
  connections: number;
  /** Length of the measure window (shorter than asked when the pool of ids ran out). */
  seconds: number;
  /** Every answer in the measure window, errors included. */
  requests: number;
  /** Answers that succeeded: 2xx and, for actions, the expected redirect. */
  successes: number;
  /** Successes per second: a fast error must not count as throughput. */
  rps: number;
  latencyMs: LatencySummary;
  statuses: Record<string, number>;
  non2xx: number;
  /** 2xx answers that failed `check`, with the first reasons seen. */
  failed: number;
  failures: string[];
  /** Over the whole run, warm-up included (autocannon does not split them). */
  socketErrors: number;
  timeouts: number;
  warmup: { requests: number; non2xx: number; failed: number };
  /** The pool of ids ran out before the end of the run. */
  exhausted: boolean;
};

type Tally = { latencies: number[]; statuses: Record<string, number>; failed: number };

const newTally = (): Tally => ({ latencies: [], statuses: {}, failed: 0 });
const non2xxOf = (statuses: Record<string, number>) =>
  Object.entries(statuses)
    .filter(([status]) => !status.startsWith("2"))
    .reduce((sum, [, count]) => sum + count, 0);

export function measureLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const warm = newTally();
    const measure = newTally();
    const failures: string[] = [];
    const warmupMs = spec.warmupSeconds * 1000;
    let started = 0;
    let exhaustedAt: number | null = null;
    // onResponse (per request) runs just before the instance's "response" event for the same answer.
    let lastFailure: string | null = null;
    // setupRequest may run before autocannon() has returned the instance.
    const running: { instance?: autocannon.Instance; stopRequested: boolean } = { stopRequested: false };
    const stop = () => {
      running.stopRequested = true;
      running.instance?.stop();
    };

    const instance = autocannon(
      {
        url: spec.origin,
        connections: spec.connections,
        duration: spec.warmupSeconds + spec.seconds,
        timeout: 30,
        requests: [
          {
            setupRequest: (request) => {
              const next = exhaustedAt === null ? spec.next() : null;
              if (!next) {
                // Stop at the first request we cannot build; answers after that are not counted.
                if (exhaustedAt === null) {
                  exhaustedAt = performance.now();
                  setImmediate(stop);
                }
                return { ...request, method: "GET", path: "/api/health", headers: {}, body: undefined };
              }
              return { ...request, method: next.method, path: next.path, headers: next.headers ?? {}, body: next.body };
            },
            onResponse: (status, _body, _context, headers) => {
              lastFailure = status >= 200 && status <= 299 && spec.check ? spec.check(status, headers ?? {}) : null;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        const end = exhaustedAt ?? performance.now();
        const seconds = Math.max(0, (end - started - warmupMs) / 1000);
        resolve({
          connections: spec.connections,
          seconds,
          requests: measure.latencies.length,
          successes: measure.latencies.length - non2xxOf(measure.statuses) - measure.failed,
          rps: seconds > 0 ? (measure.latencies.length - non2xxOf(measure.statuses) - measure.failed) / seconds : 0,
          latencyMs: summarizeLatencies(measure.latencies),
          statuses: measure.statuses,
          non2xx: non2xxOf(measure.statuses),
          failed: measure.failed,
          failures,
          socketErrors: result.errors - result.timeouts,
          timeouts: result.timeouts,
          warmup: { requests: warm.latencies.length, non2xx: non2xxOf(warm.statuses), failed: warm.failed },
          exhausted: exhaustedAt !== null,
        });
      },
    );
    running.instance = instance;
    started = performance.now();
    if (running.stopRequested) instance.stop();
    instance.on("start", () => {
      started = performance.now();
    });
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      const failure = lastFailure;
      lastFailure = null;
      if (exhaustedAt !== null) return;
      const tally = performance.now() - started < warmupMs ? warm : measure;
      tally.latencies.push(responseTime);
      tally.statuses[statusCode] = (tally.statuses[statusCode] ?? 0) + 1;
      if (failure) {
        tally.failed += 1;
        if (failures.length < 5) failures.push(failure);
      }
    });
  });
}
