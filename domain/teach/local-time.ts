/**
 * Wall-clock times in an IANA time zone, as an `<input type="datetime-local">` gives and shows
 * them ("2026-12-01T09:00"), converted to and from UTC instants with Intl alone.
 *
 * Method: read the wall time as if it were UTC (`guess`); the zone's UTC offset can only be
 * one of the offsets in force a day either side of it, so try each (`guess − offset`) and keep
 * those that Intl formats back to the same wall time. One match is the answer. Two matches are
 * the repeated hour when clocks go back: the earlier instant is taken. No match is the skipped
 * hour when clocks go forward: the time is moved forward by the length of the gap (02:30 on
 * the spring-forward night in Paris is 03:30 CEST). This is Temporal's "compatible"
 * disambiguation, which browsers also apply to local `Date`s.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DATETIME_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether Intl knows `timeZone` (an IANA name such as "Europe/Paris", or "UTC"). */
export function isKnownTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== "string" || timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall time of `instant` in `timeZone`, read as a UTC timestamp (milliseconds included). */
function wallTimeAsUtc(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  // Intl leaves out the milliseconds; they never depend on the zone.
  return wall + (((instant % 1000) + 1000) % 1000);
}

/** The zone's offset from UTC at `instant`, in milliseconds (positive east of Greenwich). */
function offsetAt(instant: number, timeZone: string): number {
  return wallTimeAsUtc(instant, timeZone) - instant;
}

/**
 * The UTC instant of the wall time `local` ("YYYY-MM-DDTHH:mm", optionally ":ss" and ".sss")
 * in `timeZone`. Promises: returns null for a string that is not such a time or names a date
 * that does not exist (2026-02-30, 24:00); a time repeated when clocks go back is the earlier
 * instant; a time skipped when clocks go forward moves forward by the gap; for every other
 * time, `toDateTimeLocal(result, timeZone)` gives the same wall time back. Throws a RangeError
 * for a zone Intl does not know.
 */
export function fromDateTimeLocal(local: string, timeZone: string): Date | null {
  formatterFor(timeZone);
  const match = DATETIME_LOCAL.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const millisecond = match[7] === undefined ? 0 : Number(match[7].padEnd(3, "0"));
  const guess = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const check = new Date(guess);
  // Date.UTC rolls 30 February over to March, 24:00 to the next day and year 99 to 1999; a form must not.
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    check.getUTCSeconds() !== second
  )
    return null;

  const before = offsetAt(guess - DAY_MS, timeZone);
  const after = offsetAt(guess + DAY_MS, timeZone);
  const matches = [...new Set([before, after, offsetAt(guess, timeZone)])]
    .map((offset) => guess - offset)
    .filter((instant) => wallTimeAsUtc(instant, timeZone) === guess)
    .sort((a, b) => a - b);
  if (matches.length > 0) return new Date(matches[0]!);
  // In a gap: the offset in force before it carries the wall time past the gap's end.
  return new Date(guess - before);
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/**
 * The wall time of `instant` in `timeZone` as a datetime-local value, "YYYY-MM-DDTHH:mm" (to
 * the minute, what the input shows; seconds are dropped, not rounded). Throws a RangeError for
 * an invalid date or a zone Intl does not know.
 */
export function toDateTimeLocal(instant: Date, timeZone: string): string {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError("invalid date");
  const wall = new Date(Math.floor(wallTimeAsUtc(time, timeZone) / MINUTE_MS) * MINUTE_MS);
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`
  );
}
