import type { Answer } from "@/domain/quiz";
import type { SaveResult } from "./put-answer";

export type AutosaveProblem = "offline" | "server" | "signed-out";

export type AutosaveSnapshot = {
  /** Answers given but not yet confirmed by the server: waiting, being typed, or in flight. */
  unsaved: number;
  /** Why the last request failed, until one succeeds again. */
  problem: AutosaveProblem | null;
  /** The server's message for answers it refused, by position. */
  rejected: Readonly<Record<number, string>>;
  /** Set once the server has closed the attempt: nothing more is sent. */
  closedMessage: string | null;
};

type Send = (position: number, answer: Answer) => Promise<SaveResult>;

// Quick at first (a blip), then patient (a train tunnel); the "online" event and the learner
// coming back to the tab skip the wait.
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 20_000, 30_000];

/**
 * Saves answers one request at a time, keeping only the latest unsent answer per question, so
 * a burst of clicks costs one request per question and an older answer can never overwrite a
 * newer one. Failed saves stay queued and are retried with backoff. Plain TypeScript with a
 * subscribe/getSnapshot pair for React's useSyncExternalStore.
 */
export class AutosaveQueue {
  private readonly waiting = new Map<number, Answer>();
  private readonly typingTimers = new Map<number, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<() => void>();
  private inFlight: number | null = null;
  private running: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private snapshot: AutosaveSnapshot = { unsaved: 0, problem: null, rejected: {}, closedMessage: null };

  constructor(private readonly send: Send) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  hasUnsaved = () => this.snapshot.unsaved > 0;

  /** Queues the latest answer to a question; sends it at once, or after `delayMs` without a newer one (typing). */
  put = (position: number, answer: Answer, delayMs = 0) => {
    if (this.snapshot.closedMessage !== null) return;
    this.waiting.set(position, answer);
    this.stopTyping(position);
    if (delayMs > 0) {
      this.typingTimers.set(
        position,
        setTimeout(() => {
          this.typingTimers.delete(position);
          this.kick();
        }, delayMs),
      );
    }
    this.update({ rejected: without(this.snapshot.rejected, position) });
    if (delayMs === 0) this.kick();
  };

  /** The learner left the field: send what they typed without waiting for the pause. */
  commit = (position: number) => {
    if (!this.typingTimers.has(position)) return;
    this.stopTyping(position);
    this.kick();
  };

  /** The connection is back, or the learner is back on the tab: retry without waiting. */
  retryNow = () => {
    if (this.retryTimer === null) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.kick();
  };

  /** Sends everything now, typing pauses and backoff included; true when nothing is left unsaved. */
  flush = async (): Promise<boolean> => {
    for (const position of [...this.typingTimers.keys()]) this.stopTyping(position);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.run();
    while (this.running) await this.running;
    return this.snapshot.unsaved === 0 && this.snapshot.closedMessage === null;
  };

  private kick() {
    // While backing off, new answers wait for the timer (or `retryNow`) like the older ones.
    if (this.snapshot.closedMessage !== null || this.retryTimer !== null) return;
    void this.run();
  }

  private run(): Promise<void> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
      if (this.nextReady() && this.retryTimer === null) this.kick();
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    for (let next = this.nextReady(); next; next = this.nextReady()) {
      const [position, answer] = next;
      this.waiting.delete(position);
      this.inFlight = position;
      this.update({});
      const result = await this.send(position, answer);
      this.inFlight = null;
      const isSuperseded = this.waiting.has(position);
      switch (result.kind) {
        case "saved":
          this.failures = 0;
          this.update({ problem: null, rejected: without(this.snapshot.rejected, position) });
          break;
        case "rejected":
          this.update(isSuperseded ? {} : { rejected: { ...this.snapshot.rejected, [position]: result.message } });
          break;
        case "closed":
          this.close(result.message);
          return;
        case "retry":
          if (!isSuperseded) this.waiting.set(position, answer);
          this.failures += 1;
          this.scheduleRetry();
          this.update({ problem: result.reason });
          return;
      }
    }
  }

  /** The first waiting answer that is not still being typed. */
  private nextReady(): [number, Answer] | undefined {
    for (const entry of this.waiting) if (!this.typingTimers.has(entry[0])) return entry;
    return undefined;
  }

  private scheduleRetry() {
    const base = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length) - 1] ?? 30_000;
    // Jitter, so that a classroom whose Wi-Fi comes back does not retry in lockstep.
    const delay = base * (0.8 + Math.random() * 0.4);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.kick();
    }, delay);
  }

  private close(message: string) {
    this.waiting.clear();
    for (const position of [...this.typingTimers.keys()]) this.stopTyping(position);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.update({ closedMessage: message, problem: null });
  }

  private stopTyping(position: number) {
    const timer = this.typingTimers.get(position);
    if (timer !== undefined) clearTimeout(timer);
    this.typingTimers.delete(position);
  }

  private update(change: Partial<AutosaveSnapshot>) {
    const inFlightExtra = this.inFlight !== null && !this.waiting.has(this.inFlight) ? 1 : 0;
    const next = { ...this.snapshot, ...change, unsaved: this.waiting.size + inFlightExtra };
    const previous = this.snapshot;
    const isSame = (Object.keys(next) as (keyof AutosaveSnapshot)[]).every((key) => next[key] === previous[key]);
    if (isSame) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

function without(record: Readonly<Record<number, string>>, position: number): Readonly<Record<number, string>> {
  if (!(position in record)) return record;
  const { [position]: _removed, ...rest } = record;
  return rest;
}
