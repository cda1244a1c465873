import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { QUESTION_TYPES } from "@/domain/quiz";
import {
  ASSIGNMENT_MESSAGE_KEYS,
  AssignmentFormSchema,
  AssignmentSettingsSchema,
  checkAgainstBank,
  type AssignmentSettings,
} from "@/domain/teach";

const valid: AssignmentSettings = {
  title: "Partenariats de l'OTAN",
  topics: ["first-contacts", "partnership-tools"],
  size: 10,
  types: ["single-choice", "true-false"],
  opensAt: new Date("2026-12-01T08:00:00Z"),
  dueAt: new Date("2026-12-08T17:00:00Z"),
  timeLimitMinutes: 30,
  maxAttempts: 3,
  scoring: "best",
  feedback: "after-due",
  sameQuestions: true,
};

const form = {
  title: "  Partenariats de l'OTAN ",
  topics: ["first-contacts", "partnership-tools"],
  size: "10",
  types: ["single-choice", "true-false"],
  opensAt: "2026-12-01T09:00",
  dueAt: "2026-12-08T18:00",
  timeLimitMinutes: "30",
  maxAttempts: "3",
  scoring: "best",
  feedback: "after-due",
  sameQuestions: "on",
  timeZone: "Europe/Paris",
};

/** Every issue as "path: key", the shape the action turns into field errors. */
function issues(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}): string[] {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.map(String).join(".")}: ${issue.message}`);
}

describe("AssignmentSettingsSchema", () => {
  test("accepts valid settings and returns them as they are", () => {
    expect(AssignmentSettingsSchema.parse(valid)).toEqual(valid);
  });

  test("trims the title, removes duplicate topics and types, drops unknown keys", () => {
    const parsed = AssignmentSettingsSchema.parse({
      ...valid,
      title: "  Titre  ",
      topics: ["a", "b", "a"],
      types: ["cloze", "cloze", "ordering"],
      extra: 1,
    });
    expect(parsed.title).toBe("Titre");
    expect(parsed.topics).toEqual(["a", "b"]);
    expect(parsed.types).toEqual(["cloze", "ordering"]);
    expect(parsed).not.toHaveProperty("extra");
  });

  test.each<[string, Partial<Record<keyof AssignmentSettings, unknown>>, string[]]>([
    ["empty title", { title: "" }, ["title: titleRequired"]],
    ["blank title", { title: "   " }, ["title: titleRequired"]],
    ["missing title", { title: undefined }, ["title: titleRequired"]],
    ["title of 120 characters", { title: "x".repeat(120) }, []],
    ["title of 121 characters", { title: "x".repeat(121) }, ["title: titleTooLong"]],
    ["no topic", { topics: [] }, ["topics: topicsRequired"]],
    ["topics missing", { topics: undefined }, ["topics: topicsRequired"]],
    ["a topic that is not an id", { topics: ["Premiers contacts"] }, ["topics.0: topicInvalid"]],
    ["size 0", { size: 0 }, ["size: sizeRange"]],
    ["size 1", { size: 1 }, []],
    ["size 40", { size: 40 }, []],
    ["size 41", { size: 41 }, ["size: sizeRange"]],
    ["size 2.5", { size: 2.5 }, ["size: sizeRange"]],
    ["size as a string", { size: "10" }, ["size: sizeRange"]],
    ["no type", { types: [] }, ["types: typesRequired"]],
    ["an unknown type", { types: ["essay"] }, ["types.0: typeUnknown"]],
    ["missing open date", { opensAt: undefined }, ["opensAt: opensAtRequired"]],
    ["an invalid open date", { opensAt: new Date(Number.NaN) }, ["opensAt: opensAtInvalid"]],
    ["an open date as a string", { opensAt: "2026-12-01" }, ["opensAt: opensAtInvalid"]],
    ["missing due date", { dueAt: null }, ["dueAt: dueAtRequired"]],
    ["due before open", { dueAt: new Date("2026-11-30T08:00:00Z") }, ["dueAt: dueBeforeOpen"]],
    ["due at the very instant it opens", { dueAt: valid.opensAt }, ["dueAt: dueBeforeOpen"]],
    ["due one millisecond after it opens", { dueAt: new Date(valid.opensAt.getTime() + 1) }, []],
    ["no time limit", { timeLimitMinutes: null }, []],
    ["time limit 0", { timeLimitMinutes: 0 }, ["timeLimitMinutes: timeLimitRange"]],
    ["time limit 180", { timeLimitMinutes: 180 }, []],
    ["time limit 181", { timeLimitMinutes: 181 }, ["timeLimitMinutes: timeLimitRange"]],
    ["time limit left out", { timeLimitMinutes: undefined }, ["timeLimitMinutes: timeLimitRange"]],
    ["unlimited attempts", { maxAttempts: null }, []],
    ["0 attempts", { maxAttempts: 0 }, ["maxAttempts: attemptsRange"]],
    ["10 attempts", { maxAttempts: 10 }, []],
    ["11 attempts", { maxAttempts: 11 }, ["maxAttempts: attemptsRange"]],
    ["an unknown scoring", { scoring: "highest" }, ["scoring: scoringInvalid"]],
    ["an unknown feedback timing", { feedback: "never" }, ["feedback: feedbackInvalid"]],
    ["feedback spelled as in the database", { feedback: "after_due" }, ["feedback: feedbackInvalid"]],
    ["sameQuestions as a string", { sameQuestions: "true" }, ["sameQuestions: sameQuestionsInvalid"]],
  ])("%s", (_label, change, expected) => {
    expect(issues(AssignmentSettingsSchema.safeParse({ ...valid, ...change }))).toEqual(expected);
  });

  test("reports every field at once, the date order included", () => {
    const result = AssignmentSettingsSchema.safeParse({
      title: "",
      topics: [],
      size: 99,
      types: [],
      opensAt: new Date("2026-12-09T00:00:00Z"),
      dueAt: new Date("2026-12-08T00:00:00Z"),
      timeLimitMinutes: -1,
      maxAttempts: 0,
      scoring: "?",
      feedback: "?",
      sameQuestions: 1,
    });
    expect(issues(result)).toEqual([
      "title: titleRequired",
      "topics: topicsRequired",
      "size: sizeRange",
      "types: typesRequired",
      "timeLimitMinutes: timeLimitRange",
      "maxAttempts: attemptsRange",
      "scoring: scoringInvalid",
      "feedback: feedbackInvalid",
      "sameQuestions: sameQuestionsInvalid",
      "dueAt: dueBeforeOpen",
    ]);
  });

  test.each([[null], [42], ["settings"], [[]]])("refuses %j as a whole with settingsInvalid", (input) => {
    expect(issues(AssignmentSettingsSchema.safeParse(input))).toEqual([": settingsInvalid"]);
  });

  prop.prop([fc.anything()])("any input at all gives only known message keys, never zod's English", (input) => {
    const result = AssignmentSettingsSchema.safeParse(input);
    for (const issue of result.error?.issues ?? []) expect(ASSIGNMENT_MESSAGE_KEYS).toContain(issue.message);
  });
});

describe("AssignmentFormSchema", () => {
  test("reads a filled-in form as the same typed settings, wall times in the given zone", () => {
    expect(AssignmentFormSchema.parse(form)).toEqual(valid);
  });

  test("the same wall times in another zone are other instants", () => {
    const parsed = AssignmentFormSchema.parse({ ...form, timeZone: "Asia/Tokyo" });
    expect(parsed.opensAt.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(parsed.dueAt.toISOString()).toBe("2026-12-08T09:00:00.000Z");
  });

  test.each([
    [
      "the spring-forward day in Paris (CET → CEST)",
      "2026-03-28T09:00",
      "2026-03-29T09:00",
      "2026-03-28T08:00:00.000Z",
      "2026-03-29T07:00:00.000Z",
    ],
    [
      "a time skipped by the change moves forward",
      "2026-03-28T09:00",
      "2026-03-29T02:30",
      "2026-03-28T08:00:00.000Z",
      "2026-03-29T01:30:00.000Z",
    ],
    [
      "the fall-back day in Paris (CEST → CET)",
      "2026-10-24T09:00",
      "2026-10-25T09:00",
      "2026-10-24T07:00:00.000Z",
      "2026-10-25T08:00:00.000Z",
    ],
    [
      "a repeated time takes its first occurrence",
      "2026-10-24T09:00",
      "2026-10-25T02:30",
      "2026-10-24T07:00:00.000Z",
      "2026-10-25T00:30:00.000Z",
    ],
  ])("%s", (_label, opensAt, dueAt, opensIso, dueIso) => {
    const parsed = AssignmentFormSchema.parse({ ...form, opensAt, dueAt });
    expect(parsed.opensAt.toISOString()).toBe(opensIso);
    expect(parsed.dueAt.toISOString()).toBe(dueIso);
  });

  test.each<[string, Record<string, unknown>, Partial<AssignmentSettings>]>([
    ["one ticked topic arrives as a string", { topics: "first-contacts" }, { topics: ["first-contacts"] }],
    ["one ticked type arrives as a string", { types: "cloze" }, { types: ["cloze"] }],
    ["blank checkbox values are dropped", { types: ["", "cloze"] }, { types: ["cloze"] }],
    ["an empty time limit is none", { timeLimitMinutes: "" }, { timeLimitMinutes: null }],
    ["an absent time limit is none", { timeLimitMinutes: undefined }, { timeLimitMinutes: null }],
    ["an empty attempts field is unlimited", { maxAttempts: "" }, { maxAttempts: null }],
    ["numbers with spaces and a plus sign", { size: " +12 ", maxAttempts: " 2" }, { size: 12, maxAttempts: 2 }],
    ["an unticked checkbox is absent: false", { sameQuestions: undefined }, { sameQuestions: false }],
    ["checkbox 'true'", { sameQuestions: "true" }, { sameQuestions: true }],
    ["checkbox 'false'", { sameQuestions: "false" }, { sameQuestions: false }],
    [
      "a hidden default before the checkbox: the last value wins",
      { sameQuestions: ["false", "on"] },
      { sameQuestions: true },
    ],
    ["seconds in a datetime-local value", { opensAt: "2026-12-01T09:00:00" }, { opensAt: valid.opensAt }],
    ["the zone as UTC", { timeZone: "UTC", opensAt: "2026-12-01T08:00", dueAt: "2026-12-08T17:00" }, {}],
  ])("%s", (_label, change, expected) => {
    expect(AssignmentFormSchema.parse({ ...form, ...change })).toEqual({ ...valid, ...expected });
  });

  test.each<[string, Record<string, unknown>, string[]]>([
    ["title left blank", { title: "   " }, ["title: titleRequired"]],
    ["no topic ticked (field absent)", { topics: undefined }, ["topics: topicsRequired"]],
    ["no type ticked", { types: undefined }, ["types: typesRequired"]],
    ["size empty", { size: "" }, ["size: sizeRange"]],
    ["size not a number", { size: "dix" }, ["size: sizeRange"]],
    ["size with a decimal", { size: "10.5" }, ["size: sizeRange"]],
    ["size with a French decimal comma", { size: "10,5" }, ["size: sizeRange"]],
    ["size too big", { size: "41" }, ["size: sizeRange"]],
    ["time limit 0", { timeLimitMinutes: "0" }, ["timeLimitMinutes: timeLimitRange"]],
    ["time limit in hours", { timeLimitMinutes: "1h" }, ["timeLimitMinutes: timeLimitRange"]],
    ["attempts 11", { maxAttempts: "11" }, ["maxAttempts: attemptsRange"]],
    ["open date empty", { opensAt: "" }, ["opensAt: opensAtRequired"]],
    ["open date absent", { opensAt: undefined }, ["opensAt: opensAtRequired"]],
    ["open date not a datetime-local", { opensAt: "1er décembre" }, ["opensAt: opensAtInvalid"]],
    ["due date that does not exist", { dueAt: "2026-02-30T09:00" }, ["dueAt: dueAtInvalid"]],
    ["due before open", { dueAt: "2026-11-30T09:00" }, ["dueAt: dueBeforeOpen"]],
    ["due equal to open", { dueAt: "2026-12-01T09:00" }, ["dueAt: dueBeforeOpen"]],
    ["checkbox with an odd value", { sameQuestions: "peut-être" }, ["sameQuestions: sameQuestionsInvalid"]],
    ["no scoring chosen", { scoring: undefined }, ["scoring: scoringInvalid"]],
    ["an unknown zone", { timeZone: "Mars/Olympus_Mons" }, ["timeZone: timeZoneInvalid"]],
    ["no zone", { timeZone: undefined }, ["timeZone: timeZoneInvalid"]],
    [
      "an unknown zone still reports the date order (the dates are then read in UTC)",
      { timeZone: "Nowhere", dueAt: "2026-11-30T09:00" },
      ["timeZone: timeZoneInvalid", "dueAt: dueBeforeOpen"],
    ],
  ])("%s", (_label, change, expected) => {
    expect(issues(AssignmentFormSchema.safeParse({ ...form, ...change }))).toEqual(expected);
  });

  test("an empty form reports every required field at once", () => {
    expect(issues(AssignmentFormSchema.safeParse({ timeZone: "Europe/Paris" }))).toEqual([
      "title: titleRequired",
      "topics: topicsRequired",
      "size: sizeRange",
      "types: typesRequired",
      "opensAt: opensAtRequired",
      "dueAt: dueAtRequired",
      "scoring: scoringInvalid",
      "feedback: feedbackInvalid",
    ]);
  });

  test("not an object at all", () => {
    expect(issues(AssignmentFormSchema.safeParse("title=x"))).toEqual([": settingsInvalid"]);
  });

  const formValue = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.constant(undefined));
  prop.prop([
    fc.record({
      title: formValue,
      topics: formValue,
      size: formValue,
      types: formValue,
      opensAt: formValue,
      dueAt: formValue,
      timeLimitMinutes: formValue,
      maxAttempts: formValue,
      scoring: formValue,
      feedback: formValue,
      sameQuestions: formValue,
      timeZone: formValue,
    }),
  ])("any form gives known message keys, and on success exactly what the typed schema accepts", (raw) => {
    const result = AssignmentFormSchema.safeParse(raw);
    for (const issue of result.error?.issues ?? []) expect(ASSIGNMENT_MESSAGE_KEYS).toContain(issue.message);
    if (result.success) expect(AssignmentSettingsSchema.parse(result.data)).toEqual(result.data);
  });

  prop.prop([
    fc.record({
      size: fc.integer({ min: 1, max: 40 }),
      types: fc.uniqueArray(fc.constantFrom(...QUESTION_TYPES), { minLength: 1 }),
      timeLimitMinutes: fc.option(fc.integer({ min: 1, max: 180 })),
      maxAttempts: fc.option(fc.integer({ min: 1, max: 10 })),
      scoring: fc.constantFrom("best", "last", "average"),
      feedback: fc.constantFrom("immediately", "after-due"),
      sameQuestions: fc.boolean(),
    }),
  ])("every valid combination typed into the form comes out as typed", (settings) => {
    const parsed = AssignmentFormSchema.parse({
      ...form,
      size: String(settings.size),
      types: settings.types,
      timeLimitMinutes: settings.timeLimitMinutes === null ? "" : String(settings.timeLimitMinutes),
      maxAttempts: settings.maxAttempts === null ? "" : String(settings.maxAttempts),
      scoring: settings.scoring,
      feedback: settings.feedback,
      sameQuestions: settings.sameQuestions ? "on" : undefined,
    });
    expect(parsed).toEqual({ ...valid, ...settings });
  });
});

describe("checkAgainstBank", () => {
  test.each([
    [10, 11, null],
    [10, 10, null],
    [11, 10, "sizeAboveBank"],
    [1, 0, "bankEmpty"],
    [40, 0, "bankEmpty"],
  ])("size %i with %i questions in the bank → %s", (size, bank, expected) => {
    expect(checkAgainstBank({ size }, bank)).toBe(expected);
  });

  test("its keys are among the listed ones", () => {
    expect(ASSIGNMENT_MESSAGE_KEYS).toEqual(expect.arrayContaining(["sizeAboveBank", "bankEmpty"]));
  });
});
