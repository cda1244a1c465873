import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { createEmptyCard, default_w, fsrs, Rating, State, type Card, type ReviewLog } from "ts-fsrs";
import {
  CardStateSchema,
  ReviewLogEntrySchema,
  SCHEDULER_PARAMETERS,
  createScheduler,
  fromFsrsCard,
  fromFsrsLog,
  isDue,
  newCard,
  replay,
  retrievability,
  reviewCard,
  toFsrsCard,
  toFsrsLog,
  type CardState,
  type ReviewInput,
} from "@/domain/progress";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const t0 = new Date("2026-03-02T09:15:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

/** The same sequence computed with ts-fsrs directly, configured here by hand as the library documents it. */
function withTsFsrs(answers: readonly { correct: boolean; answeredAt: Date }[], createdAt: Date) {
  const f = fsrs({ w: default_w, request_retention: 0.9, enable_fuzz: false, enable_short_term: false });
  let card: Card = createEmptyCard(createdAt);
  const logs: ReviewLog[] = [];
  for (const a of answers) {
    const result = f.next(card, a.answeredAt, a.correct ? Rating.Good : Rating.Again);
    card = result.card;
    logs.push(result.log);
  }
  return { card, logs };
}

/** Answers at increasing times: gaps from minutes to months. */
const answerSequences = fc
  .array(fc.record({ correct: fc.boolean(), gapMs: fc.integer({ min: 0, max: 120 * DAY }) }), {
    minLength: 1,
    maxLength: 15,
  })
  .map((steps) => {
    let t = t0.getTime();
    return steps.map(({ correct, gapMs }) => {
      t += gapMs;
      return { correct, answeredAt: new Date(t) };
    });
  });

describe("scheduler configuration", () => {
  test("default FSRS-6 weights, 90 % retention, no fuzz, whole-day scheduling", () => {
    expect(SCHEDULER_PARAMETERS.w).toEqual([...default_w]);
    expect(SCHEDULER_PARAMETERS.w).toHaveLength(21);
    expect(SCHEDULER_PARAMETERS.request_retention).toBe(0.9);
    expect(SCHEDULER_PARAMETERS.enable_fuzz).toBe(false);
    expect(SCHEDULER_PARAMETERS.enable_short_term).toBe(false);
    expect(Object.isFrozen(SCHEDULER_PARAMETERS)).toBe(true);
  });
});

describe("newCard", () => {
  test("a fact never reviewed, due at once", () => {
    expect(newCard(t0)).toEqual({
      due: t0,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: "new",
      lastReview: null,
    });
    expect(newCard(t0)).toEqual(fromFsrsCard(createEmptyCard(t0)));
  });

  test("rejects an invalid date", () => {
    expect(() => newCard(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("reviewCard matches ts-fsrs", () => {
  test("a fixed sequence: right, right, wrong, right, right over two months", () => {
    const answers = [
      { correct: true, answeredAt: at(0) },
      { correct: true, answeredAt: at(3 * DAY + 2 * HOUR) },
      { correct: false, answeredAt: at(20 * DAY) },
      { correct: true, answeredAt: at(21 * DAY + 5 * HOUR) },
      { correct: true, answeredAt: at(60 * DAY) },
    ];
    const expected = withTsFsrs(answers, t0);
    let card = newCard(t0);
    answers.forEach((answer, i) => {
      const result = reviewCard(card, answer);
      const fsrsLog = expected.logs[i] as ReviewLog;
      expect(result.log).toEqual(fromFsrsLog(fsrsLog));
      card = result.card;
    });
    expect(card).toEqual(fromFsrsCard(expected.card));
    // Spelled out, so a mistake in the converters cannot hide behind them.
    expect(card.stability).toBe(expected.card.stability);
    expect(card.difficulty).toBe(expected.card.difficulty);
    expect(card.due).toEqual(expected.card.due);
    expect(card.lastReview).toEqual(expected.card.last_review);
    expect(card.reps).toBe(5);
    expect(card.lapses).toBe(1);
    expect(card.state).toBe("review");
    expect(expected.card.state).toBe(State.Review);
  });

  prop.prop([answerSequences], { numRuns: 300 })(
    "any sequence: replay equals ts-fsrs, state by state and log by log",
    (answers) => {
      const expected = withTsFsrs(answers, t0);
      const { card, logs } = replay(answers, t0);
      expect(card).toEqual(fromFsrsCard(expected.card));
      expect(logs).toEqual(expected.logs.map((l) => fromFsrsLog(l)));
      expect(card.reps).toBe(answers.length);
    },
  );

  test("the input card is left untouched", () => {
    const card = replay([{ correct: true, answeredAt: t0 }], t0).card;
    const copy = structuredClone(card);
    reviewCard(card, { correct: false, answeredAt: at(5 * DAY) });
    expect(card).toEqual(copy);
  });
});

describe("how answers move the memory state", () => {
  const learned = replay(
    [
      { correct: true, answeredAt: at(0) },
      { correct: true, answeredAt: at(3 * DAY) },
    ],
    t0,
  ).card;

  test.each([
    ["a new fact", newCard(t0), at(0)],
    ["a fact in review, on its due date", learned, learned.due],
    ["a fact in review, long overdue", learned, at(90 * DAY)],
  ])("%s: Again leaves less stability than Good", (_label, card, when) => {
    const good = reviewCard(card, { correct: true, answeredAt: when }).card;
    const again = reviewCard(card, { correct: false, answeredAt: when }).card;
    expect(again.stability).toBeLessThan(good.stability);
    expect(again.difficulty).toBeGreaterThan(good.difficulty);
    expect(again.due.getTime()).toBeLessThanOrEqual(good.due.getTime());
  });

  test("a lapse counts only for a fact already in review", () => {
    expect(reviewCard(newCard(t0), { correct: false, answeredAt: t0 }).card.lapses).toBe(0);
    expect(reviewCard(learned, { correct: false, answeredAt: learned.due }).card.lapses).toBe(1);
  });

  test("answering Good on each due date pushes the due date, and the interval, forward", () => {
    let card = newCard(t0);
    let when = t0;
    let lastInterval = 0;
    for (let i = 0; i < 6; i++) {
      const next = reviewCard(card, { correct: true, answeredAt: when }).card;
      expect(next.due.getTime()).toBeGreaterThan(when.getTime());
      const interval = next.due.getTime() - when.getTime();
      expect(interval).toBeGreaterThan(lastInterval);
      expect(next.stability).toBeGreaterThan(card.stability);
      lastInterval = interval;
      card = next;
      when = next.due;
    }
  });

  test("whole-day scheduling: the first Good is due days later, not minutes", () => {
    const card = reviewCard(newCard(t0), { correct: true, answeredAt: t0 }).card;
    expect(card.state).toBe("review");
    expect(card.scheduledDays).toBeGreaterThanOrEqual(1);
    expect(card.due.getTime() - t0.getTime()).toBe(card.scheduledDays * DAY);
    expect(card.learningSteps).toBe(0);
  });

  test("answering again on the same day does not grow stability (no cramming)", () => {
    const once = reviewCard(newCard(t0), { correct: true, answeredAt: t0 }).card;
    const twice = reviewCard(once, { correct: true, answeredAt: at(HOUR) }).card;
    expect(twice.stability).toBe(once.stability);
    expect(twice.reps).toBe(2);
  });

  test("the answer time is recorded and does not change the schedule", () => {
    const card = replay([{ correct: true, answeredAt: t0 }], t0).card;
    const when = at(4 * DAY);
    const plain = reviewCard(card, { correct: true, answeredAt: when });
    for (const responseMs of [0, 800, 45_000]) {
      const timed = reviewCard(card, { correct: true, answeredAt: when, responseMs });
      expect(timed.card).toEqual(plain.card);
      expect(timed.log).toEqual({ ...plain.log, responseMs });
    }
    expect(plain.log.responseMs).toBeNull();
    expect(reviewCard(card, { correct: true, answeredAt: when, responseMs: 1234.6 }).log.responseMs).toBe(1235);
  });

  test("the log records the rating and the card as it was before the review", () => {
    const when = at(5 * DAY);
    const { log } = reviewCard(learned, { correct: false, answeredAt: when });
    expect(log).toMatchObject({
      rating: "again",
      state: "review",
      due: learned.lastReview,
      stability: learned.stability,
      difficulty: learned.difficulty,
      scheduledDays: learned.scheduledDays,
      review: when,
    });
    expect(log.elapsedDays).toBe(2);
    expect(reviewCard(learned, { correct: true, answeredAt: when }).log.rating).toBe("good");
  });
});

describe("invalid reviews", () => {
  const card = replay([{ correct: true, answeredAt: at(DAY) }], t0).card;
  test.each<[string, ReviewInput]>([
    ["an answer before the last review", { correct: true, answeredAt: at(DAY - 1) }],
    ["an invalid date", { correct: true, answeredAt: new Date(Number.NaN) }],
    ["a negative answer time", { correct: true, answeredAt: at(2 * DAY), responseMs: -1 }],
    ["an infinite answer time", { correct: true, answeredAt: at(2 * DAY), responseMs: Number.POSITIVE_INFINITY }],
  ])("%s is a RangeError", (_label, review) => {
    expect(() => reviewCard(card, review)).toThrow(RangeError);
  });

  test("replay refuses answers out of order", () => {
    expect(() =>
      replay(
        [
          { correct: true, answeredAt: at(2 * DAY) },
          { correct: true, answeredAt: at(DAY) },
        ],
        t0,
      ),
    ).toThrow(RangeError);
  });

  test("an answer at the very time of the last review is accepted", () => {
    expect(reviewCard(card, { correct: true, answeredAt: at(DAY) }).card.reps).toBe(2);
  });
});

describe("retrievability", () => {
  const card = replay(
    [
      { correct: true, answeredAt: at(0) },
      { correct: true, answeredAt: at(3 * DAY) },
    ],
    t0,
  ).card;
  const lastReview = card.lastReview as Date;

  test("0 for a fact never reviewed, 1 at the last review, 0.9 after `stability` days", () => {
    expect(retrievability(null, t0)).toBe(0);
    expect(retrievability(newCard(t0), at(DAY))).toBe(0);
    expect(retrievability(card, lastReview)).toBe(1);
    expect(retrievability(card, new Date(lastReview.getTime() - DAY))).toBe(1);
    expect(retrievability(card, new Date(lastReview.getTime() + card.stability * DAY))).toBeCloseTo(0.9, 6);
  });

  test.each([0, 1, 2, 7, 30, 365])(
    "agrees with ts-fsrs's get_retrievability %i whole days after the review",
    (days) => {
      const now = new Date(lastReview.getTime() + days * DAY);
      expect(retrievability(card, now)).toBeCloseTo(
        createScheduler().get_retrievability(toFsrsCard(card), now, false),
        7,
      );
    },
  );

  prop.prop([fc.integer({ min: 0, max: 3650 * DAY }), fc.integer({ min: 0, max: 3650 * DAY })])(
    "stays in [0, 1] and never rises with time",
    (a, b) => {
      const [early, late] = a <= b ? [a, b] : [b, a];
      const rEarly = retrievability(card, new Date(lastReview.getTime() + early));
      const rLate = retrievability(card, new Date(lastReview.getTime() + late));
      expect(rLate).toBeGreaterThanOrEqual(0);
      expect(rEarly).toBeLessThanOrEqual(1);
      expect(rLate).toBeLessThanOrEqual(rEarly);
    },
  );
});

describe("serialisation", () => {
  prop.prop([answerSequences], { numRuns: 100 })(
    "card and log survive JSON and convert back to ts-fsrs unchanged",
    (answers) => {
      const { card, logs } = replay(answers, t0);
      expect(CardStateSchema.parse(JSON.parse(JSON.stringify(card)))).toEqual(card);
      for (const log of logs) {
        expect(ReviewLogEntrySchema.parse(JSON.parse(JSON.stringify(log)))).toEqual(log);
        expect(fromFsrsLog(toFsrsLog(log), log.responseMs)).toEqual(log);
      }
      expect(fromFsrsCard(toFsrsCard(card))).toEqual(card);
    },
  );

  test("ts-fsrs can undo a review from our log (its rollback makes the fact due at the undone review)", () => {
    const before = replay([{ correct: true, answeredAt: t0 }], t0).card;
    const { card: after, log } = reviewCard(before, { correct: false, answeredAt: at(6 * DAY) });
    const rolledBack = fromFsrsCard(createScheduler().rollback(toFsrsCard(after), toFsrsLog(log)));
    expect(rolledBack.due).toEqual(log.review);
    expect({ ...rolledBack, due: before.due }).toEqual(before);
  });

  test("due: only a reviewed fact, once its due time has come", () => {
    const card: CardState = replay([{ correct: true, answeredAt: t0 }], t0).card;
    expect(isDue(null, at(DAY))).toBe(false);
    expect(isDue(newCard(t0), at(DAY))).toBe(false);
    expect(isDue(card, new Date(card.due.getTime() - 1))).toBe(false);
    expect(isDue(card, card.due)).toBe(true);
  });
});
