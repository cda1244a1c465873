import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import {
  TimeZoneSchema,
  computeStreak,
  isValidTimeZone,
  localDate,
  localDayNumber,
  resolveTimeZone,
  startOfNextLocalDay,
} from "@/domain/progress";

const utc = (iso: string) => new Date(iso);
const streak = (timeZone: string, now: string, activity: string[]) =>
  computeStreak({ activity: activity.map(utc), timeZone, now: utc(now) });

// Offsets used below (2026): Paris CET +1, CEST +2 from Sun 29 March 01:00Z to Sun 25 October
// 01:00Z; Auckland NZDT +13 until Sun 5 April, NZST +12 after; Los Angeles PST -8, PDT -7 from
// Sun 8 March; Tokyo +9 all year.

describe("local dates", () => {
  test.each([
    ["Europe/Paris", "2026-01-14T22:30:00Z", "2026-01-14"], // 23:30 CET
    ["Europe/Paris", "2026-01-14T23:30:00Z", "2026-01-15"], // 00:30 CET, same UTC date
    ["Pacific/Auckland", "2026-01-14T19:00:00Z", "2026-01-15"], // 08:00 NZDT
    ["America/Los_Angeles", "2026-01-15T01:00:00Z", "2026-01-14"], // 17:00 PST
    ["Asia/Tokyo", "2026-01-14T15:30:00Z", "2026-01-15"], // 00:30 JST
    ["Europe/Paris", "2026-03-29T00:59:59Z", "2026-03-29"], // 01:59:59 CET, just before the clocks jump
    ["Europe/Paris", "2026-03-29T01:00:00Z", "2026-03-29"], // 03:00 CEST
    ["Europe/Paris", "2026-03-29T21:59:59Z", "2026-03-29"], // 23:59:59 CEST, end of a 23-hour day
    ["Europe/Paris", "2026-03-29T22:00:00Z", "2026-03-30"],
    ["Europe/Paris", "2026-10-24T22:00:00Z", "2026-10-25"], // 00:00 CEST, start of a 25-hour day
    ["Europe/Paris", "2026-10-25T22:59:59Z", "2026-10-25"], // 23:59:59 CET, still the same day
    ["UTC", "2026-12-31T23:59:59Z", "2026-12-31"],
  ])("%s: %s is on %s", (zone, iso, expected) => {
    expect(localDate(utc(iso), zone)).toBe(expected);
  });

  test("an unknown zone is a RangeError here (computeStreak falls back instead)", () => {
    expect(() => localDate(utc("2026-01-01T00:00:00Z"), "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("computeStreak: local days across time zones", () => {
  test.each([
    // zone, now, activity, [current, longest, activeDays]
    [
      "23:30 and 00:30 in Paris share a UTC date but are two days",
      "Europe/Paris",
      "2026-01-15T11:00:00Z",
      ["2026-01-14T22:30:00Z", "2026-01-14T23:30:00Z"],
      [2, 2, 2],
    ],
    [
      "the same in Tokyo",
      "Asia/Tokyo",
      "2026-01-15T03:00:00Z",
      ["2026-01-14T14:30:00Z", "2026-01-14T15:30:00Z"],
      [2, 2, 2],
    ],
    [
      "morning and evening in Auckland straddle UTC midnight but are one day",
      "Pacific/Auckland",
      "2026-01-15T05:00:00Z",
      ["2026-01-14T19:00:00Z", "2026-01-15T05:00:00Z"],
      [1, 1, 1],
    ],
    [
      "afternoon and evening in Los Angeles straddle UTC midnight but are one day",
      "America/Los_Angeles",
      "2026-01-15T06:00:00Z",
      ["2026-01-14T17:00:00Z", "2026-01-15T05:00:00Z"],
      [1, 1, 1],
    ],
    [
      "three evenings in a row in Los Angeles, all after UTC midnight",
      "America/Los_Angeles",
      "2026-01-17T05:30:00Z",
      ["2026-01-15T05:00:00Z", "2026-01-16T05:00:00Z", "2026-01-17T05:00:00Z"],
      [3, 3, 3],
    ],
    [
      "Auckland mornings and evenings: UTC would see a gap that Auckland does not",
      "Pacific/Auckland",
      "2026-01-16T08:00:00Z",
      ["2026-01-13T21:00:00Z", "2026-01-15T07:00:00Z", "2026-01-16T07:00:00Z"],
      [3, 3, 3],
    ],
    [
      "Paris, spring forward: Saturday night, Sunday (23 hours), Monday just after midnight",
      "Europe/Paris",
      "2026-03-30T10:00:00Z",
      ["2026-03-28T22:30:00Z", "2026-03-29T01:30:00Z", "2026-03-29T22:15:00Z"],
      [3, 3, 3],
    ],
    [
      "Paris, spring forward: 24 hours apart, yet on the 28th and the 30th (none on the 23-hour 29th)",
      "Europe/Paris",
      "2026-03-30T10:00:00Z",
      ["2026-03-28T22:30:00Z", "2026-03-29T22:30:00Z"],
      [1, 1, 2],
    ],
    [
      "Paris, fall back: 24 hours apart yet the same 25-hour day",
      "Europe/Paris",
      "2026-10-25T22:45:00Z",
      ["2026-10-24T22:30:00Z", "2026-10-25T22:30:00Z"],
      [1, 1, 1],
    ],
    [
      "Paris, fall back: the repeated hour twice is one day",
      "Europe/Paris",
      "2026-10-25T12:00:00Z",
      ["2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"],
      [1, 1, 1],
    ],
    [
      "Paris, a week across the October change",
      "Europe/Paris",
      "2026-10-28T18:00:00Z",
      [
        "2026-10-22T20:00:00Z",
        "2026-10-23T20:00:00Z",
        "2026-10-24T21:30:00Z",
        "2026-10-25T22:30:00Z",
        "2026-10-26T22:30:00Z",
        "2026-10-27T08:00:00Z",
        "2026-10-28T07:00:00Z",
      ],
      [7, 7, 7],
    ],
    [
      "Auckland, NZ daylight saving ends (5 April)",
      "Pacific/Auckland",
      "2026-04-06T01:00:00Z",
      ["2026-04-03T11:30:00Z", "2026-04-04T12:30:00Z", "2026-04-05T12:30:00Z"],
      [3, 3, 3],
    ],
    [
      "Los Angeles, spring forward (8 March)",
      "America/Los_Angeles",
      "2026-03-09T20:00:00Z",
      ["2026-03-07T08:30:00Z", "2026-03-08T08:30:00Z", "2026-03-09T07:30:00Z"],
      [3, 3, 3],
    ],
  ] as const)("%s", (_label, zone, now, activity, [current, longest, activeDays]) => {
    const result = streak(zone, now, [...activity]);
    expect({ current: result.current, longest: result.longest, activeDays: result.activeDays }).toEqual({
      current,
      longest,
      activeDays,
    });
    expect(result.timeZoneFallback).toBe(false);
  });

  test("the UTC reading of that Auckland week would break the streak", () => {
    const activity = ["2026-01-13T21:00:00Z", "2026-01-15T07:00:00Z", "2026-01-16T07:00:00Z"];
    expect(streak("UTC", "2026-01-16T08:00:00Z", activity)).toMatchObject({ current: 2, longest: 2, activeDays: 3 });
  });
});

describe("computeStreak: current, longest, gaps", () => {
  const zone = "Europe/Paris";
  const now = "2026-05-20T10:00:00Z"; // Wednesday 20 May, 12:00 CEST
  const day = (d: number, time = "08:00:00") => `2026-05-${String(d).padStart(2, "0")}T${time}Z`;

  test.each([
    ["no activity", [], { current: 0, longest: 0, activeDays: 0, activeToday: false, lastActiveDate: null }],
    [
      "today only",
      [day(20)],
      { current: 1, longest: 1, activeDays: 1, activeToday: true, lastActiveDate: "2026-05-20" },
    ],
    [
      "three days up to today",
      [day(18), day(19), day(20)],
      { current: 3, longest: 3, activeDays: 3, activeToday: true },
    ],
    [
      "three days up to yesterday: the streak is alive until tonight",
      [day(17), day(18), day(19)],
      { current: 3, longest: 3, activeToday: false, lastActiveDate: "2026-05-19" },
    ],
    ["last active the day before yesterday: broken", [day(17), day(18)], { current: 0, longest: 2, activeDays: 2 }],
    [
      "a one-day gap splits runs",
      [day(10), day(11), day(12), day(13), day(15), day(19), day(20)],
      { current: 2, longest: 4, activeDays: 7 },
    ],
    [
      "many answers on one day count once",
      [day(20, "06:00:00"), day(20, "07:00:00"), day(20, "21:59:00")],
      { current: 1, longest: 1, activeDays: 1 },
    ],
    ["order does not matter", [day(20), day(18), day(19), day(18)], { current: 3, longest: 3, activeDays: 3 }],
    [
      "activity on a later local day is ignored",
      [day(19), day(21)],
      { current: 1, longest: 1, activeDays: 1, lastActiveDate: "2026-05-19" },
    ],
    ["later today (clock skew) still counts as today", [day(20, "21:00:00")], { current: 1, activeToday: true }],
  ])("%s", (_label, activity, expected) => {
    expect(streak(zone, now, activity)).toMatchObject(expected);
  });

  test("an invalid now is a RangeError", () => {
    expect(() => computeStreak({ activity: [], timeZone: zone, now: new Date(Number.NaN) })).toThrow(RangeError);
  });

  test("invalid dates are ignored", () => {
    const result = computeStreak({ activity: [new Date(Number.NaN), utc(day(20))], timeZone: zone, now: utc(now) });
    expect(result).toMatchObject({ current: 1, activeDays: 1 });
  });

  test("today is the learner's today: late evening in Auckland is already tomorrow in UTC terms", () => {
    // 12:00Z on 15 January is 01:00 on the 16th in Auckland: activity on the 15th (local) was yesterday.
    const result = streak("Pacific/Auckland", "2026-01-15T12:00:00Z", ["2026-01-15T09:00:00Z"]);
    expect(result).toMatchObject({ current: 1, activeToday: false, lastActiveDate: "2026-01-15" });
    expect(streak("UTC", "2026-01-15T12:00:00Z", ["2026-01-15T09:00:00Z"])).toMatchObject({ activeToday: true });
  });
});

describe("time zone validation", () => {
  test.each([
    ["Europe/Paris", true],
    ["Pacific/Auckland", true],
    ["UTC", true],
    ["", false],
    ["Mars/Olympus_Mons", false],
    ["Europe/Paris; DROP TABLE", false],
  ])("%j valid: %s", (zone, valid) => {
    expect(isValidTimeZone(zone)).toBe(valid);
    expect(TimeZoneSchema.safeParse(zone).success).toBe(valid);
  });

  test("an unknown zone falls back to UTC and says so", () => {
    const result = streak("Mars/Olympus_Mons", "2026-01-15T00:30:00Z", [
      "2026-01-14T23:30:00Z",
      "2026-01-15T00:10:00Z",
    ]);
    expect(result).toMatchObject({ timeZone: "UTC", timeZoneFallback: true, current: 2, activeDays: 2 });
    expect(resolveTimeZone("nowhere")).toEqual({ timeZone: "UTC", isFallback: true });
  });

  test("a valid zone is reported in its canonical spelling", () => {
    expect(resolveTimeZone("europe/paris")).toEqual({ timeZone: "Europe/Paris", isFallback: false });
    expect(streak("Europe/Paris", "2026-01-15T00:30:00Z", [])).toMatchObject({
      timeZone: "Europe/Paris",
      timeZoneFallback: false,
    });
  });
});

describe("startOfNextLocalDay: the end of the learner's today", () => {
  test.each([
    ["Paris, winter", "Europe/Paris", "2026-01-15T10:00:00Z", "2026-01-15T23:00:00.000Z"],
    ["Paris, the eve of the 23-hour day", "Europe/Paris", "2026-03-28T12:00:00Z", "2026-03-28T23:00:00.000Z"],
    ["Paris, the 23-hour day", "Europe/Paris", "2026-03-29T10:00:00Z", "2026-03-29T22:00:00.000Z"],
    ["Paris, the 25-hour day", "Europe/Paris", "2026-10-25T10:00:00Z", "2026-10-25T23:00:00.000Z"],
    ["Auckland, already the 16th locally", "Pacific/Auckland", "2026-01-15T12:00:00Z", "2026-01-16T11:00:00.000Z"],
    ["Los Angeles", "America/Los_Angeles", "2026-01-15T06:00:00Z", "2026-01-15T08:00:00.000Z"],
    ["Tokyo", "Asia/Tokyo", "2026-01-15T03:00:00Z", "2026-01-15T15:00:00.000Z"],
    ["UTC, at midnight exactly", "UTC", "2026-01-15T00:00:00Z", "2026-01-16T00:00:00.000Z"],
  ])("%s", (_label, zone, now, expected) => {
    expect(startOfNextLocalDay(utc(now), zone).toISOString()).toBe(expected);
  });
});

const ZONES = [
  "UTC",
  "Europe/Paris",
  "Pacific/Auckland",
  "America/Los_Angeles",
  "Asia/Tokyo",
  "Pacific/Chatham",
  "America/St_Johns",
];
const START = Date.UTC(2025, 0, 1);
const SPAN = 2 * 365 * 86_400_000;
const instants = fc.integer({ min: START, max: START + SPAN }).map((ms) => new Date(ms));

describe("properties", () => {
  prop.prop([fc.array(instants, { maxLength: 80 }), fc.constantFrom(...ZONES), instants])(
    "current ≤ longest ≤ active days, whatever the zone",
    (activity, timeZone, now) => {
      const s = computeStreak({ activity, timeZone, now });
      expect(s.current).toBeLessThanOrEqual(s.longest);
      expect(s.longest).toBeLessThanOrEqual(s.activeDays);
      expect(s.activeDays).toBeLessThanOrEqual(activity.length);
      if (s.activeToday) expect(s.current).toBeGreaterThanOrEqual(1);
    },
  );

  prop.prop([fc.array(instants, { maxLength: 60 }), instants])(
    "in zones without daylight saving, days are the calendar dates of the shifted instant",
    (activity, now) => {
      for (const [zone, offsetHours] of [
        ["UTC", 0],
        ["Asia/Tokyo", 9],
      ] as const) {
        const date = (d: Date) => new Date(d.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 10);
        const today = date(now);
        const expected = new Set(activity.map(date).filter((d) => d <= today));
        expect(computeStreak({ activity, timeZone: zone, now }).activeDays).toBe(expected.size);
      }
    },
  );

  prop.prop([instants, fc.constantFrom(...ZONES)])(
    "the next local day starts after now, exactly one local day later",
    (now, zone) => {
      const next = startOfNextLocalDay(now, zone);
      expect(next.getTime()).toBeGreaterThan(now.getTime());
      expect(next.getTime() - now.getTime()).toBeLessThanOrEqual(26 * 3_600_000);
      expect(localDayNumber(next, zone)).toBe(localDayNumber(now, zone) + 1);
      expect(localDayNumber(new Date(next.getTime() - 1), zone)).toBe(localDayNumber(now, zone));
    },
  );
});
