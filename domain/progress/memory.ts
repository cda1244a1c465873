import {
  createEmptyCard,
  default_w,
  forgetting_curve,
  fsrs,
  generatorParameters,
  Rating,
  State,
  type Card,
  type FSRS,
  type FSRSParameters,
  type Grade,
  type ReviewLog as FsrsReviewLog,
} from "ts-fsrs";
import { z } from "zod";

/**
 * The memory model of one fact, with FSRS-6 (ts-fsrs). The scheduler is fixed and
 * deterministic: default FSRS-6 weights, 90 % requested retention, no fuzz, and whole-day
 * scheduling (`enable_short_term: false`, see docs/decisions/0006-mastery-levels.md): a quiz is
 * not a flashcard drill, so minute-long learning steps would make every fact answered in a quiz
 * due again ten minutes later.
 */
export const SCHEDULER_PARAMETERS: Readonly<FSRSParameters> = Object.freeze(
  generatorParameters({
    w: [...default_w],
    request_retention: 0.9,
    maximum_interval: 36500,
    enable_fuzz: false,
    enable_short_term: false,
  }),
);

/** A fresh ts-fsrs scheduler with `SCHEDULER_PARAMETERS`: what tests use to check our states against the library. */
export function createScheduler(): FSRS {
  return fsrs({ ...SCHEDULER_PARAMETERS, w: [...SCHEDULER_PARAMETERS.w] });
}

const scheduler = createScheduler();
const DAY_MS = 86_400_000;

export const CARD_STATES = ["new", "learning", "review", "relearning"] as const;
export type CardStateName = (typeof CARD_STATES)[number];

export const RATINGS = ["again", "hard", "good", "easy"] as const;
export type RatingName = (typeof RATINGS)[number];

/**
 * The memory state of one fact for one learner: ts-fsrs's `Card`, field for field, with plain
 * names and values so that it maps 1:1 to database columns and survives JSON (dates become ISO
 * strings; `CardStateSchema` reads them back).
 */
export type CardState = {
  /** When the fact is next due for review. */
  due: Date;
  /** FSRS stability, in days: the interval after which recall probability falls to 90 %. */
  stability: number;
  /** FSRS difficulty, in [1, 10] once reviewed (0 while new). */
  difficulty: number;
  /** Whole UTC days between the last two reviews, as ts-fsrs counts them (deprecated there, kept for fidelity). */
  elapsedDays: number;
  /** Days scheduled by the last review. */
  scheduledDays: number;
  /** Current (re)learning step; always 0 with whole-day scheduling. */
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateName;
  lastReview: Date | null;
};

/**
 * One review, as ts-fsrs logs it: the rating, then the card as it was BEFORE the review (its
 * state, stability, difficulty, scheduled days and learning step; `due` is its previous review,
 * or its creation for the first one), the review time, and the answer time when known.
 */
export type ReviewLogEntry = {
  rating: RatingName;
  state: CardStateName;
  due: Date;
  stability: number;
  difficulty: number;
  /** Whole UTC days since the previous review (deprecated in ts-fsrs, kept for fidelity). */
  elapsedDays: number;
  /** The card's `elapsedDays` before this review (deprecated in ts-fsrs, kept for fidelity). */
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  review: Date;
  /** How long the learner took to answer, in whole milliseconds; recorded, not used by the scheduler. */
  responseMs: number | null;
};

export type ReviewInput = {
  correct: boolean;
  answeredAt: Date;
  /** Recorded in the log (rounded to whole milliseconds) for later analysis; it does not change the rating (see `ratingFor`). */
  responseMs?: number;
};

export type ReviewResult = { card: CardState; log: ReviewLogEntry };

const count = z.int().min(0);
export const CardStateSchema = z.strictObject({
  due: z.coerce.date(),
  stability: z.number().min(0),
  difficulty: z.number().min(0),
  elapsedDays: count,
  scheduledDays: count,
  learningSteps: count,
  reps: count,
  lapses: count,
  state: z.enum(CARD_STATES),
  lastReview: z.coerce.date().nullable(),
});

export const ReviewLogEntrySchema = z.strictObject({
  rating: z.enum(RATINGS),
  state: z.enum(CARD_STATES),
  due: z.coerce.date(),
  stability: z.number().min(0),
  difficulty: z.number().min(0),
  elapsedDays: count,
  lastElapsedDays: count,
  scheduledDays: count,
  learningSteps: count,
  review: z.coerce.date(),
  responseMs: z.int().min(0).nullable(),
});

const STATE_OF: Record<CardStateName, State> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};
const STATE_NAME: Record<State, CardStateName> = {
  [State.New]: "new",
  [State.Learning]: "learning",
  [State.Review]: "review",
  [State.Relearning]: "relearning",
};
const RATING_OF: Record<RatingName, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

function stateName(state: State): CardStateName {
  const name = STATE_NAME[state];
  if (!name) throw new RangeError(`unknown FSRS state ${String(state)}`);
  return name;
}

function ratingName(rating: Rating): RatingName {
  const name = RATINGS.find((r) => RATING_OF[r] === rating);
  if (!name) throw new RangeError(`unsupported FSRS rating ${String(rating)}`);
  return name;
}

/** Our card as a ts-fsrs `Card`. */
export function toFsrsCard(card: CardState): Card {
  return {
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_OF[card.state],
    last_review: card.lastReview ? new Date(card.lastReview.getTime()) : undefined,
  };
}

/** A ts-fsrs `Card` as ours. */
export function fromFsrsCard(card: Card): CardState {
  return {
    due: new Date(card.due.getTime()),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: stateName(card.state),
    lastReview: card.last_review ? new Date(card.last_review.getTime()) : null,
  };
}

/** A ts-fsrs `ReviewLog` as ours; `responseMs` is ours alone. */
export function fromFsrsLog(log: FsrsReviewLog, responseMs: number | null = null): ReviewLogEntry {
  return {
    rating: ratingName(log.rating),
    state: stateName(log.state),
    due: new Date(log.due.getTime()),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsedDays: log.elapsed_days,
    lastElapsedDays: log.last_elapsed_days,
    scheduledDays: log.scheduled_days,
    learningSteps: log.learning_steps,
    review: new Date(log.review.getTime()),
    responseMs,
  };
}

/** Our log entry as a ts-fsrs `ReviewLog` (for `rollback`, or an optimizer). */
export function toFsrsLog(entry: ReviewLogEntry): FsrsReviewLog {
  return {
    rating: RATING_OF[entry.rating],
    state: STATE_OF[entry.state],
    due: new Date(entry.due.getTime()),
    stability: entry.stability,
    difficulty: entry.difficulty,
    elapsed_days: entry.elapsedDays,
    last_elapsed_days: entry.lastElapsedDays,
    scheduled_days: entry.scheduledDays,
    learning_steps: entry.learningSteps,
    review: new Date(entry.review.getTime()),
  };
}

/**
 * The FSRS rating of an answer: correct is Good, incorrect is Again. The answer time is
 * deliberately not used (FSRS-6 in binary mode loses little accuracy, and how long an answer
 * takes depends on the question type, the language and the device more than on memory).
 */
export function ratingFor(correct: boolean): Grade {
  return correct ? Rating.Good : Rating.Again;
}

function assertValidDate(date: Date, what: string): void {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError(`${what} is not a valid date`);
}

/** A fact never reviewed, created at `now` (and due from then). */
export function newCard(now: Date): CardState {
  assertValidDate(now, "now");
  return fromFsrsCard(createEmptyCard(now));
}

/**
 * The card after one graded answer, and the log of that review; exactly what ts-fsrs's
 * `next(card, answeredAt, ratingFor(correct))` computes with `SCHEDULER_PARAMETERS`. The input
 * is not modified. Throws a RangeError when `answeredAt` is not a valid date or precedes the
 * card's last review (reviews are applied in the order they happened), or when `responseMs`
 * is negative or not finite.
 */
export function reviewCard(card: CardState, review: ReviewInput): ReviewResult {
  const { correct, answeredAt, responseMs } = review;
  assertValidDate(answeredAt, "answeredAt");
  if (card.lastReview && answeredAt.getTime() < card.lastReview.getTime()) {
    throw new RangeError(
      `answer at ${answeredAt.toISOString()} precedes the card's last review at ${card.lastReview.toISOString()}`,
    );
  }
  if (responseMs !== undefined && !(Number.isFinite(responseMs) && responseMs >= 0)) {
    throw new RangeError(`responseMs must be a non-negative number, got ${responseMs}`);
  }
  const result = scheduler.next(toFsrsCard(card), new Date(answeredAt.getTime()), ratingFor(correct));
  return {
    card: fromFsrsCard(result.card),
    log: fromFsrsLog(result.log, responseMs === undefined ? null : Math.round(responseMs)),
  };
}

/**
 * The card after `reviews`, applied in order to a card created at `createdAt`, with one log
 * entry per review. `replay(reviews, t).card` equals the state stored after answering `reviews`
 * one by one with `reviewCard`. Throws as `reviewCard` does.
 */
export function replay(reviews: readonly ReviewInput[], createdAt: Date): { card: CardState; logs: ReviewLogEntry[] } {
  let card = newCard(createdAt);
  const logs: ReviewLogEntry[] = [];
  for (const review of reviews) {
    const result = reviewCard(card, review);
    card = result.card;
    logs.push(result.log);
  }
  return { card, logs };
}

/** Whether the fact has been reviewed at least once. */
export function isSeen(card: CardState | null | undefined): card is CardState {
  return card != null && card.state !== "new";
}

/** Whether a reviewed fact is due at `at` (its due time has come); never for a fact not yet seen. */
export function isDue(card: CardState | null | undefined, at: Date): boolean {
  return isSeen(card) && card.due.getTime() <= at.getTime();
}

/**
 * The FSRS-6 probability of recalling the fact at `now`, in [0, 1]: 0 for a fact never
 * reviewed, 1 at its last review, then down the forgetting curve. Elapsed time is counted in
 * fractional days, so it decays continuously; ts-fsrs's `get_retrievability` floors it to
 * whole days and agrees with this at whole-day offsets. `now` before the last review counts as
 * no time elapsed.
 */
export function retrievability(card: CardState | null | undefined, now: Date): number {
  if (!isSeen(card) || !card.lastReview || card.stability <= 0) return 0;
  const elapsedDays = Math.max(0, (now.getTime() - card.lastReview.getTime()) / DAY_MS);
  const r = forgetting_curve(SCHEDULER_PARAMETERS.w, elapsedDays, card.stability);
  return Math.min(1, Math.max(0, r));
}
