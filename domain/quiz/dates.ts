import type { DateValue } from "@/domain/content";

/**
 * Dates as intervals. A fact dated "April 2013" is true of any day in April 2013, and "the early
 * 1990s" of 1990–1993, so two dates conflict (one could be true where the other is) exactly when
 * their intervals overlap. Distractors, matching and ordering all rest on that one test.
 */

/** Inclusive bounds, in an ordinal where every month has 31 days: monotone, cheap, enough to compare. */
export type DateInterval = readonly [number, number];

const DAYS_PER_YEAR = 372;

// How the source's "early / mid / late 1990s" split a decade (years counted from its start).
const DECADE_PARTS = { early: [0, 3], mid: [4, 6], late: [7, 9] } as const;

function ordinal(year: number, month = 1, day = 1): number {
  return year * DAYS_PER_YEAR + (month - 1) * 31 + (day - 1);
}

function parts(value: DateValue): { year: number; month?: number; day?: number } {
  const [y, m, d] = value.date.split("-").map(Number);
  return { year: y ?? 0, ...(m === undefined ? {} : { month: m }), ...(d === undefined ? {} : { day: d }) };
}

export function dateInterval(value: DateValue): DateInterval {
  const { year, month, day } = parts(value);
  switch (value.precision) {
    case "day":
      return [ordinal(year, month, day), ordinal(year, month, day)];
    case "month":
      return [ordinal(year, month), ordinal(year, month, 31)];
    case "year":
      return [ordinal(year), ordinal(year, 12, 31)];
    case "decade": {
      const [from, to] = value.part ? DECADE_PARTS[value.part] : [0, 9];
      return [ordinal(year + from), ordinal(year + to, 12, 31)];
    }
  }
}

export function datesOverlap(a: DateValue, b: DateValue): boolean {
  const [a0, a1] = dateInterval(a);
  const [b0, b1] = dateInterval(b);
  return a0 <= b1 && b0 <= a1;
}

/** Negative when `a` ends before `b` starts, positive when after, 0 when they overlap. */
export function compareIntervals([a0, a1]: DateInterval, [b0, b1]: DateInterval): number {
  if (a1 < b0) return -1;
  if (b1 < a0) return 1;
  return 0;
}

export function compareDates(a: DateValue, b: DateValue): number {
  return compareIntervals(dateInterval(a), dateInterval(b));
}

/** The year a date names; for a decade, its first year. */
export function dateYear(value: DateValue): number {
  return parts(value).year;
}

/** Whether the learner can be asked to type the year: a decade names no single year. */
export function hasSingleYear(value: DateValue): boolean {
  return value.precision !== "decade";
}

function isRealDay(year: number, month: number, day: number): boolean {
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The same kind of date moved to another year: "24 March 2022" → "24 March 2019", "April 2013"
 * → "April 2012", "early 1990s" → "early 1980s" (a decade takes the decade of `year`, keeping
 * its part). Undefined when the day does not exist that year (29 February) or the year is not
 * a four-digit one.
 */
export function withYear(value: DateValue, year: number): DateValue | undefined {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return undefined;
  const { month, day } = parts(value);
  switch (value.precision) {
    case "day":
      if (month === undefined || day === undefined || !isRealDay(year, month, day)) return undefined;
      return { type: "date", precision: "day", date: `${year}-${pad(month)}-${pad(day)}` };
    case "month":
      return { type: "date", precision: "month", date: `${year}-${pad(month ?? 1)}` };
    case "year":
      return { type: "date", precision: "year", date: String(year) };
    case "decade": {
      const decade = year - (year % 10);
      return value.part
        ? { type: "date", precision: "decade", date: String(decade), part: value.part }
        : { type: "date", precision: "decade", date: String(decade) };
    }
  }
}

/**
 * For a decade narrowed by a part, the same decade's other parts ("early 1990s" → mid, late):
 * close, and false, distractors.
 */
export function otherDecadeParts(value: DateValue): DateValue[] {
  if (value.precision !== "decade" || !value.part) return [];
  return (Object.keys(DECADE_PARTS) as (keyof typeof DECADE_PARTS)[])
    .filter((part) => part !== value.part)
    .map((part) => ({ type: "date", precision: "decade", date: value.date, part }));
}

/**
 * `other` put in the shape of `like`, so all options of a question read alike: a year from
 * another fact becomes "April <year>" next to "April 2013", and the decade containing it next
 * to a decade (with the part the year falls in, when `like` has a part). A decade does not
 * become a year.
 */
export function inShapeOf(like: DateValue, other: DateValue): DateValue | undefined {
  if (other.precision === like.precision && Boolean(other.part) === Boolean(like.part)) return other;
  // A decade's first year is not the year of any event: "24 March 1990" would be noise.
  if (other.precision === "decade" && like.precision !== "decade") return undefined;
  const year = dateYear(other);
  if (like.precision !== "decade") return withYear(like, year);
  const decade = year - (year % 10);
  if (!like.part) return { type: "date", precision: "decade", date: String(decade) };
  const offset = year - decade;
  const part = (Object.keys(DECADE_PARTS) as (keyof typeof DECADE_PARTS)[]).find(
    (p) => offset >= DECADE_PARTS[p][0] && offset <= DECADE_PARTS[p][1],
  );
  return { type: "date", precision: "decade", date: String(decade), ...(part ? { part } : {}) };
}
