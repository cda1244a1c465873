import { z } from "zod";

/**
 * Days of activity are the learner's local calendar days, in the IANA time zone their browser
 * reports. Local dates come from Intl.DateTimeFormat, so daylight-saving changes never split
 * or merge a day: a day is a calendar date, whatever its length in hours.
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for a zone Intl does not know.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows `timeZone` (an IANA name such as "Europe/Paris", or "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== "string" || timeZone.length === 0) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The time zone a browser sends, validated as actions validate every input. */
export const TimeZoneSchema = z.string().min(1).max(64).refine(isValidTimeZone, { message: "unknown time zone" });

/** `timeZone` in Intl's canonical spelling, or "UTC" with `isFallback` when Intl does not know it. */
export function resolveTimeZone(timeZone: string): { timeZone: string; isFallback: boolean } {
  if (!isValidTimeZone(timeZone)) return { timeZone: "UTC", isFallback: true };
  return { timeZone: formatterFor(timeZone).resolvedOptions().timeZone, isFallback: false };
}

/** The local calendar day of `instant` in `timeZone`, as days since 1970-01-01. Throws a RangeError on an unknown zone or an invalid date. */
export function localDayNumber(instant: Date, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round(Date.UTC(part("year"), part("month") - 1, part("day")) / DAY_MS);
}

/** A day number as "YYYY-MM-DD". */
export function dayNumberToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The local calendar date of `instant` in `timeZone`, as "YYYY-MM-DD". Throws a RangeError on an unknown zone or an invalid date. */
export function localDate(instant: Date, timeZone: string): string {
  return dayNumberToDate(localDayNumber(instant, timeZone));
}

/**
 * The first instant after `now` that falls on a later local day in `timeZone`: the end of the
 * learner's today, whatever the length of that day (23, 24 or 25 hours, or a skipped date).
 * Facts due before it are due today. Throws a RangeError on an unknown zone.
 */
export function startOfNextLocalDay(now: Date, timeZone: string): Date {
  const today = localDayNumber(now, timeZone);
  let lo = now.getTime(); // on today
  let hi = lo + 2 * DAY_MS; // surely on a later day
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (localDayNumber(new Date(mid), timeZone) > today) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

export type StreakInput = {
  /** When the learner was active (answers, finished attempts): UTC instants. */
  activity: readonly Date[];
  /** The learner's IANA time zone, as the browser reports it. */
  timeZone: string;
  now: Date;
};

export type Streak = {
  /** Consecutive active local days ending today, or yesterday when today has no activity yet; 0 otherwise. */
  current: number;
  /** The longest run of consecutive active local days. */
  longest: number;
  /** Distinct local days with activity. */
  activeDays: number;
  /** Whether today already has activity (if not, a current streak ends unless the learner studies today). */
  activeToday: boolean;
  /** The latest active local day, "YYYY-MM-DD", or null. */
  lastActiveDate: string | null;
  /** The zone the days were computed in: the given one, canonical, or "UTC" when it was invalid. */
  timeZone: string;
  /** True when the given zone was not a valid IANA zone and UTC was used instead. */
  timeZoneFallback: boolean;
};

/**
 * The learner's activity streak in their local days. Promises: `current ≤ longest ≤
 * activeDays`; two activities on different local dates count as two days even when they share a
 * UTC date (and one day when they share a local date but not a UTC date); daylight-saving
 * changes never break a streak. Activity on a local day after today (a clock ahead of the
 * server's) and invalid dates are ignored. An unknown time zone does not throw: days are
 * counted in UTC and `timeZoneFallback` says so. An invalid `now` is a RangeError.
 */
export function computeStreak({ activity, timeZone, now }: StreakInput): Streak {
  const zone = resolveTimeZone(timeZone);
  const today = localDayNumber(now, zone.timeZone);
  const days = new Set<number>();
  for (const instant of activity) {
    if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) continue;
    const day = localDayNumber(instant, zone.timeZone);
    if (day <= today) days.add(day);
  }
  const sorted = [...days].sort((a, b) => a - b);

  let longest = 0;
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    run = i > 0 && sorted[i] === (sorted[i - 1] as number) + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }

  const activeToday = days.has(today);
  let current = 0;
  for (let day = activeToday ? today : today - 1; days.has(day); day--) current++;

  const last = sorted[sorted.length - 1];
  return {
    current,
    longest,
    activeDays: days.size,
    activeToday,
    lastActiveDate: last === undefined ? null : dayNumberToDate(last),
    timeZone: zone.timeZone,
    timeZoneFallback: zone.isFallback,
  };
}
