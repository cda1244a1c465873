import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { fromDateTimeLocal, isKnownTimeZone, toDateTimeLocal } from "@/domain/teach";

// Offsets (2026): Paris CET +1, CEST +2 from Sun 29 March 01:00Z (02:00 → 03:00) to Sun 25
// October 01:00Z (03:00 → 02:00); Auckland NZDT +13 until Sun 5 April 14:00Z (03:00 → 02:00),
// NZST +12 until Sun 27 September 14:00Z (02:00 → 03:00); New York EST −5, EDT −4 from Sun 8
// March 07:00Z; Tokyo +9 all year; Kolkata +5:30.

describe("fromDateTimeLocal", () => {
  test.each([
    ["winter in Paris", "2026-12-01T09:00", "Europe/Paris", "2026-12-01T08:00:00.000Z"],
    ["summer in Paris", "2026-07-01T09:00", "Europe/Paris", "2026-07-01T07:00:00.000Z"],
    ["the minute before the clocks jump", "2026-03-29T01:59", "Europe/Paris", "2026-03-29T00:59:00.000Z"],
    [
      "skipped 02:00 moves forward by the gap, to 03:00 CEST",
      "2026-03-29T02:00",
      "Europe/Paris",
      "2026-03-29T01:00:00.000Z",
    ],
    ["skipped 02:30 moves forward to 03:30 CEST", "2026-03-29T02:30", "Europe/Paris", "2026-03-29T01:30:00.000Z"],
    [
      "03:00 on the spring-forward day is the first CEST minute",
      "2026-03-29T03:00",
      "Europe/Paris",
      "2026-03-29T01:00:00.000Z",
    ],
    ["9:00 on the spring-forward day", "2026-03-29T09:00", "Europe/Paris", "2026-03-29T07:00:00.000Z"],
    [
      "repeated 02:30 on the fall-back day is the earlier, CEST, instant",
      "2026-10-25T02:30",
      "Europe/Paris",
      "2026-10-25T00:30:00.000Z",
    ],
    ["01:59 before the repeat is still CEST", "2026-10-25T01:59", "Europe/Paris", "2026-10-24T23:59:00.000Z"],
    ["03:00 after the repeat is CET", "2026-10-25T03:00", "Europe/Paris", "2026-10-25T02:00:00.000Z"],
    [
      "the southern hemisphere: skipped 02:30 in Auckland",
      "2026-09-27T02:30",
      "Pacific/Auckland",
      "2026-09-26T14:30:00.000Z",
    ],
    ["repeated 02:30 in Auckland, earlier instant", "2026-04-05T02:30", "Pacific/Auckland", "2026-04-04T13:30:00.000Z"],
    ["New York in spring, after its switch", "2026-03-10T09:00", "America/New_York", "2026-03-10T13:00:00.000Z"],
    ["a half-hour zone", "2026-12-01T09:00", "Asia/Kolkata", "2026-12-01T03:30:00.000Z"],
    ["the day before in UTC", "2026-12-01T08:00", "Asia/Tokyo", "2026-11-30T23:00:00.000Z"],
    ["UTC itself", "2026-12-01T09:00", "UTC", "2026-12-01T09:00:00.000Z"],
    ["with seconds", "2026-12-01T09:00:30", "Europe/Paris", "2026-12-01T08:00:30.000Z"],
    ["with milliseconds", "2026-12-01T09:00:30.25", "Europe/Paris", "2026-12-01T08:00:30.250Z"],
    ["surrounding spaces are ignored", " 2026-12-01T09:00 ", "Europe/Paris", "2026-12-01T08:00:00.000Z"],
    ["29 February in a leap year", "2028-02-29T12:00", "UTC", "2028-02-29T12:00:00.000Z"],
  ])("%s: %s in %s is %s", (_label, local, zone, iso) => {
    expect(fromDateTimeLocal(local, zone)?.toISOString()).toBe(iso);
  });

  test.each([
    ["30 February", "2026-02-30T09:00"],
    ["29 February in a common year", "2026-02-29T09:00"],
    ["24:00", "2026-12-01T24:00"],
    ["minute 60", "2026-12-01T09:60"],
    ["month 13", "2026-13-01T09:00"],
    ["year 0099, which Date.UTC would read as 1999", "0099-12-01T09:00"],
    ["a date without a time", "2026-12-01"],
    ["a space instead of T", "2026-12-01 09:00"],
    ["an offset (not a wall time)", "2026-12-01T09:00+01:00"],
    ["a French-style date", "01/12/2026 09:00"],
    ["nothing", ""],
  ])("%s is null", (_label, local) => {
    expect(fromDateTimeLocal(local, "Europe/Paris")).toBeNull();
  });

  test("an unknown zone is a RangeError", () => {
    expect(() => fromDateTimeLocal("2026-12-01T09:00", "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("toDateTimeLocal", () => {
  test.each([
    ["2026-12-01T08:00:00Z", "Europe/Paris", "2026-12-01T09:00"],
    ["2026-03-29T01:00:00Z", "Europe/Paris", "2026-03-29T03:00"],
    ["2026-10-25T00:30:00Z", "Europe/Paris", "2026-10-25T02:30"],
    ["2026-10-25T01:30:00Z", "Europe/Paris", "2026-10-25T02:30"], // the second 02:30
    ["2026-12-01T08:00:59.999Z", "Europe/Paris", "2026-12-01T09:00"], // seconds dropped, not rounded
    ["2026-11-30T23:00:00Z", "Asia/Tokyo", "2026-12-01T08:00"],
    ["1969-12-31T23:59:30Z", "UTC", "1969-12-31T23:59"], // before the epoch, still floored
  ])("%s in %s shows as %s", (iso, zone, local) => {
    expect(toDateTimeLocal(new Date(iso), zone)).toBe(local);
  });

  test("an invalid date is a RangeError", () => {
    expect(() => toDateTimeLocal(new Date(Number.NaN), "UTC")).toThrow(RangeError);
  });
});

describe("round trips", () => {
  const zones = ["Europe/Paris", "Pacific/Auckland", "America/New_York", "Asia/Tokyo", "Asia/Kolkata", "UTC"];
  const minute = fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2035, 0, 1) / 60_000 });

  prop.prop([minute, fc.constantFrom(...zones)])(
    "instant → wall time → instant gives the instant back, except the second pass of a repeated hour",
    (minutes, zone) => {
      const instant = new Date(minutes * 60_000);
      const back = fromDateTimeLocal(toDateTimeLocal(instant, zone), zone)!;
      // A repeated wall time resolves to its first occurrence, exactly one hour (the DST shift) earlier.
      expect([0, 3_600_000]).toContain(instant.getTime() - back.getTime());
      expect(toDateTimeLocal(back, zone)).toBe(toDateTimeLocal(instant, zone));
    },
  );

  test.each([
    ["Paris, spring forward", "Europe/Paris", "2026-03-28T12:00:00Z", 0],
    ["Paris, fall back", "Europe/Paris", "2026-10-24T12:00:00Z", 60],
    ["Auckland, fall back", "Pacific/Auckland", "2026-04-04T00:00:00Z", 60],
    ["Tokyo, no change", "Asia/Tokyo", "2026-10-24T12:00:00Z", 0],
  ])("every minute of the two days around %s round-trips", (_label, zone, startIso, repeatedMinutes) => {
    const start = new Date(startIso).getTime();
    const shifts = new Map<number, number>();
    for (let t = start; t < start + 2 * 86_400_000; t += 60_000) {
      const local = toDateTimeLocal(new Date(t), zone);
      const back = fromDateTimeLocal(local, zone)!;
      expect(toDateTimeLocal(back, zone)).toBe(local);
      const shift = t - back.getTime();
      shifts.set(shift, (shifts.get(shift) ?? 0) + 1);
    }
    // Only the second pass through a repeated hour maps to an instant an hour earlier.
    expect(shifts.get(3_600_000) ?? 0).toBe(repeatedMinutes);
    expect(shifts.get(0)).toBe(2 * 24 * 60 - repeatedMinutes);
    expect(shifts.size).toBe(repeatedMinutes > 0 ? 2 : 1);
  });

  prop.prop([minute, fc.constantFrom(...zones)])(
    "wall time → instant never lands before the wall time asked for",
    (minutes, zone) => {
      const wall = new Date(minutes * 60_000).toISOString().slice(0, 16);
      const instant = fromDateTimeLocal(wall, zone)!;
      // Equal, or later when the wall time was skipped (moved forward by the gap).
      expect(toDateTimeLocal(instant, zone) >= wall).toBe(true);
    },
  );
});

describe("isKnownTimeZone", () => {
  test.each([
    ["Europe/Paris", true],
    ["UTC", true],
    ["Asia/Tokyo", true],
    ["Mars/Olympus_Mons", false],
    ["", false],
    [42, false],
    [undefined, false],
  ])("%j → %s", (zone, known) => {
    expect(isKnownTimeZone(zone)).toBe(known);
  });
});
