import { z } from "zod";
import { QUESTION_TYPES } from "@/domain/quiz";
import { plainText } from "@/domain/text/plain-text";
import { fromDateTimeLocal, isKnownTimeZone } from "./local-time";

/**
 * The settings of an assignment, validated twice over: `AssignmentSettingsSchema` for typed
 * data (stored settings, tests, JSON), `AssignmentFormSchema` for what a form posts (strings,
 * checkboxes, datetime-local values in the instructor's time zone). Both output the same
 * `AssignmentSettings`. Every message is a key (the i18n layer maps it to French or English
 * under `validation.`), and every issue is on the path of the field the form should mark.
 */

export const ASSIGNMENT_LIMITS = {
  titleMax: 120,
  sizeMin: 1,
  sizeMax: 40,
  timeLimitMin: 1,
  timeLimitMax: 180,
  attemptsMin: 1,
  attemptsMax: 10,
} as const;

export const SCORING_MODES = ["best", "last", "average"] as const;
export type ScoringMode = (typeof SCORING_MODES)[number];

export const FEEDBACK_TIMINGS = ["immediately", "after-due"] as const;
export type FeedbackTiming = (typeof FEEDBACK_TIMINGS)[number];

/** Every message key these schemas and `checkAgainstBank` can produce. */
export const ASSIGNMENT_MESSAGE_KEYS = [
  "settingsInvalid",
  "titleRequired",
  "titleTooLong",
  "textInvalidCharacters",
  "topicsRequired",
  "topicInvalid",
  "sizeRange",
  "typesRequired",
  "typeUnknown",
  "opensAtRequired",
  "opensAtInvalid",
  "dueAtRequired",
  "dueAtInvalid",
  "dueBeforeOpen",
  "timeLimitRange",
  "attemptsRange",
  "scoringInvalid",
  "feedbackInvalid",
  "sameQuestionsInvalid",
  "timeZoneInvalid",
  "sizeAboveBank",
  "bankEmpty",
] as const;
export type AssignmentMessageKey = (typeof ASSIGNMENT_MESSAGE_KEYS)[number];

const TOPIC_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const L = ASSIGNMENT_LIMITS;

/** Lists come back without duplicates, in first-seen order. */
const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** "Required" when the field is missing, the other key when it is there but wrong. */
const requiredOr =
  (required: AssignmentMessageKey, invalid: AssignmentMessageKey) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined || issue.input === null ? required : invalid;

const fields = {
  title: plainText({ error: "titleRequired" })
    .trim()
    .min(1, { error: "titleRequired" })
    .max(L.titleMax, { error: "titleTooLong" }),
  topics: z
    .array(
      z.string({ error: "topicInvalid" }).regex(TOPIC_ID, { error: "topicInvalid" }).max(64, { error: "topicInvalid" }),
      {
        error: "topicsRequired",
      },
    )
    .min(1, { error: "topicsRequired" })
    .transform(unique),
  size: z.int({ error: "sizeRange" }).min(L.sizeMin, { error: "sizeRange" }).max(L.sizeMax, { error: "sizeRange" }),
  types: z
    .array(z.enum(QUESTION_TYPES, { error: "typeUnknown" }), { error: "typesRequired" })
    .min(1, { error: "typesRequired" })
    .transform(unique),
  opensAt: z.date({ error: requiredOr("opensAtRequired", "opensAtInvalid") }),
  dueAt: z.date({ error: requiredOr("dueAtRequired", "dueAtInvalid") }),
  timeLimitMinutes: z
    .int({ error: "timeLimitRange" })
    .min(L.timeLimitMin, { error: "timeLimitRange" })
    .max(L.timeLimitMax, { error: "timeLimitRange" })
    .nullable(),
  maxAttempts: z
    .int({ error: "attemptsRange" })
    .min(L.attemptsMin, { error: "attemptsRange" })
    .max(L.attemptsMax, { error: "attemptsRange" })
    .nullable(),
  scoring: z.enum(SCORING_MODES, { error: "scoringInvalid" }),
  feedback: z.enum(FEEDBACK_TIMINGS, { error: "feedbackInvalid" }),
  sameQuestions: z.boolean({ error: "sameQuestionsInvalid" }),
};

const isValidDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

/** The cross-field rule, run even when other fields have errors so the form shows them all at once. */
function dueAfterOpen<S extends z.ZodType<{ opensAt: Date; dueAt: Date }>>(schema: S): S {
  return schema.refine((settings) => settings.dueAt.getTime() > settings.opensAt.getTime(), {
    error: "dueBeforeOpen",
    path: ["dueAt"],
    when: (payload) => {
      const value = payload.value as { opensAt?: unknown; dueAt?: unknown } | null;
      return typeof value === "object" && value !== null && isValidDate(value.opensAt) && isValidDate(value.dueAt);
    },
  });
}

/**
 * Typed settings. Promises on success: title trimmed, 1–120 characters of plain text (no control
 * characters, else "textInvalidCharacters"); at least one topic
 * (kebab-case ids, duplicates removed); size 1–40; at least one known question type
 * (duplicates removed); valid dates with `dueAt` strictly after `opensAt` (else "dueBeforeOpen"
 * on `dueAt`); time limit null (none) or 1–180 whole minutes; attempts null (unlimited) or
 * 1–10. Unknown keys are dropped. Whether the bank holds enough questions is a separate check
 * (`checkAgainstBank`), since it needs the module.
 */
export const AssignmentSettingsSchema = dueAfterOpen(z.object(fields, { error: "settingsInvalid" }));
export type AssignmentSettings = z.output<typeof AssignmentSettingsSchema>;
export type AssignmentSettingsInput = z.input<typeof AssignmentSettingsSchema>;

// --- Form input -------------------------------------------------------------------------------

/** A repeated field arrives as an array; for a single-valued field the last value wins (a hidden default before a checkbox). */
function lastOf(value: unknown): unknown {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function text(value: unknown): unknown {
  const last = lastOf(value);
  return typeof last === "string" ? last.trim() : last;
}

/** Checkbox groups: absent is none, one box is a string, several are an array; blank entries are dropped. */
function list(value: unknown): unknown {
  if (value === undefined || value === null) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.map((v) => (typeof v === "string" ? v.trim() : v)).filter((v) => v !== "");
}

const INTEGER = /^[+-]?\d+$/;

/** Whole numbers only: "12" is 12, "" is missing, "12.5" and "douze" stay as they are and fail with the field's key. */
function integer(value: unknown): unknown {
  const last = text(value);
  if (last === "") return undefined;
  return typeof last === "string" && INTEGER.test(last) ? Number(last) : last;
}

/** An empty field means "no limit". */
function integerOrNone(value: unknown): unknown {
  const last = integer(value);
  return last === undefined ? null : last;
}

const TRUE = new Set(["on", "true", "1", "yes"]);
const FALSE = new Set(["off", "false", "0", "no", ""]);

/** An unticked checkbox is not sent at all: absent is false. */
function checkbox(value: unknown): unknown {
  const last = text(value);
  if (last === undefined || last === null) return false;
  if (typeof last === "boolean") return last;
  if (typeof last === "string" && TRUE.has(last.toLowerCase())) return true;
  if (typeof last === "string" && FALSE.has(last.toLowerCase())) return false;
  return last;
}

/** A datetime-local value in `timeZone`; an unreadable one becomes an invalid Date so the field gets its "…Invalid" key. */
function localDateTime(value: unknown, timeZone: string): unknown {
  const last = text(value);
  if (last === "" || last === undefined || last === null) return undefined;
  if (last instanceof Date) return last;
  if (typeof last !== "string") return last;
  return fromDateTimeLocal(last, timeZone) ?? new Date(Number.NaN);
}

function fromForm(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return raw;
  const form = raw as Record<string, unknown>;
  const zone = text(form.timeZone);
  // With an unknown zone the dates are read in UTC so their own checks still run; the zone's
  // error alone makes the parse fail.
  const readIn = isKnownTimeZone(zone) ? zone : "UTC";
  return {
    title: text(form.title),
    topics: list(form.topics),
    size: integer(form.size),
    types: list(form.types),
    opensAt: localDateTime(form.opensAt, readIn),
    dueAt: localDateTime(form.dueAt, readIn),
    timeLimitMinutes: integerOrNone(form.timeLimitMinutes),
    maxAttempts: integerOrNone(form.maxAttempts),
    scoring: text(form.scoring),
    feedback: text(form.feedback),
    sameQuestions: checkbox(form.sameQuestions),
    timeZone: zone,
  };
}

/**
 * What an assignment form posts, after `formDataToObject`: every field a string (or an array
 * for repeated checkboxes), plus `timeZone`, the IANA zone the datetime-local values are wall
 * times in (a hidden input filled by the browser, or set by the server from the instructor's
 * preference). Outputs the same `AssignmentSettings` as `AssignmentSettingsSchema`, with the
 * same keys. Reading rules: numbers must be whole ("12"); an empty time limit or attempts field
 * means none/unlimited; an absent `sameQuestions` checkbox is false ("on", "true", "1" are
 * true); opensAt and dueAt are converted from the zone's wall time to UTC with
 * `fromDateTimeLocal` (skipped times move forward, repeated times take the earlier instant).
 * An unknown zone is "timeZoneInvalid" on `timeZone`.
 */
export const AssignmentFormSchema = z.preprocess(
  fromForm,
  dueAfterOpen(
    z.object(
      {
        ...fields,
        timeZone: z.string({ error: "timeZoneInvalid" }).refine(isKnownTimeZone, { error: "timeZoneInvalid" }),
      },
      { error: "settingsInvalid" },
    ),
  ).transform(({ timeZone: _timeZone, ...settings }): AssignmentSettings => settings),
);

/**
 * The check that needs the module: `bankSize` is the number of distinct questions the chosen
 * topics and types can give. Promises: "bankEmpty" when there are none, "sizeAboveBank" when
 * the assignment asks for more than there are, null when the size fits. Both belong to the
 * `size` field.
 */
export function checkAgainstBank(
  settings: Pick<AssignmentSettings, "size">,
  bankSize: number,
): Extract<AssignmentMessageKey, "sizeAboveBank" | "bankEmpty"> | null {
  if (!(bankSize > 0)) return "bankEmpty";
  return settings.size > bankSize ? "sizeAboveBank" : null;
}
