// Runs once when a Next.js server starts. It starts the overdue-attempt sweeper: every minute,
// attempts whose deadline and grace period have passed are closed and graded with the answers
// saved so far, even if their browser never comes back (docs/decisions/0009). Opening such an
// attempt closes it too; the sweep is for the attempts nobody opens again.

export const SWEEP_INTERVAL_MS = 60_000;
/** The first sweep waits a little, so that start-up (and a database still starting) comes first. */
export const FIRST_SWEEP_DELAY_MS = 5_000;

const SWEEPER = Symbol.for("entente.overdueSweeper");
type SweeperHost = typeof globalThis & { [SWEEPER]?: NodeJS.Timeout };

/** One sweep; never throws, so neither a timer nor the process can die of it. */
export async function sweepOverdueAttempts(now = new Date()): Promise<number> {
  // Next.js also compiles this file for the edge runtime, where NEXT_RUNTIME is "edge" at build
  // time: this branch, and the database code it imports, is then left out of that bundle.
  if (process.env.NEXT_RUNTIME !== "edge") {
    try {
      const { closeAllOverdueAttempts } = await import("./server/data/attempts");
      const closed = await closeAllOverdueAttempts(now);
      if (closed > 0) console.info(`[sweeper] closed ${closed} overdue attempt(s)`);
      return closed;
    } catch (error) {
      // A database outage lands here every minute until it ends; the next sweep catches up.
      const message = (error instanceof Error ? error.message : String(error)).trim().replace(/\s*\n\s*/g, " ");
      console.error(`[sweeper] could not close overdue attempts: ${message}`);
    }
  }
  return 0;
}

export async function register(): Promise<void> {
  // Node.js servers only: not the edge runtime, and not `next build`, which has no database.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const host = globalThis as SweeperHost;
  if (host[SWEEPER]) return;

  let sweeping = false;
  const sweep = async () => {
    // A sweep slower than the interval (a large backlog, a slow database) is not doubled up.
    if (sweeping) return;
    sweeping = true;
    try {
      await sweepOverdueAttempts();
    } finally {
      sweeping = false;
    }
  };
  // unref(): the timers never keep a stopping process alive.
  setTimeout(sweep, FIRST_SWEEP_DELAY_MS).unref();
  host[SWEEPER] = setInterval(sweep, SWEEP_INTERVAL_MS).unref();
}
