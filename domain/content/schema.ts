import { z } from "zod";

/**
 * Zod schemas of a content module (content/<slug>/module.yaml, entities.yaml, facts.yaml)
 * and the domain types inferred from them. Shape checks live here; checks that need several
 * files at once (references, duplicates, slots) live in validate.ts.
 */

export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];

const LOCALE_NAMES: Record<Locale, string> = { fr: "French", en: "English" };

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A stable kebab-case identifier; facts, entities, topics, sections and lists are keyed by it. */
export const IdSchema = z
  .string({ error: (iss) => (iss.input === undefined ? undefined : "an id must be a string") })
  .regex(ID_PATTERN, { error: 'must be kebab-case (a-z, 0-9, single hyphens), e.g. "first-contacts"' });

/** `z.strictObject` whose unknown-key message lists the keys that are allowed. */
function strict<T extends z.core.$ZodLooseShape>(shape: T) {
  const allowed = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (iss) => (iss.code === "unrecognized_keys" ? `allowed keys: ${allowed}` : undefined),
  });
}

function localizedString(locale: Locale) {
  const name = LOCALE_NAMES[locale];
  return z
    .string({
      error: (iss) =>
        iss.input === undefined ? `missing ${name} text; add "${locale}: ..."` : `${name} text must be a string`,
    })
    .trim()
    .min(1, { error: `${name} text is empty` });
}

/** Text in both languages; neither may be missing or blank. */
export const LocalizedTextSchema = strict({ fr: localizedString("fr"), en: localizedString("en") });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

// ---------------------------------------------------------------------------------------------
// Entities

export const ENTITY_KINDS = [
  "country",
  "region",
  "sea",
  "city",
  "organisation",
  "nato-command",
  "centre-of-excellence",
  "operation",
  "partnership-framework",
  "partnership-programme",
  "initiative",
  "programme",
  "fund",
  "project",
  "cooperation-area",
  "research-field",
  "technology",
  "person",
  "office",
] as const;
export const EntityKindSchema = z.enum(ENTITY_KINDS);
export type EntityKind = z.infer<typeof EntityKindSchema>;

/**
 * Articles used to put a name into running text. French contractions (du, au, des, aux, d')
 * are derived from them, so the bare name is spelled once and every form follows.
 */
export const FRENCH_ARTICLES = ["le", "la", "l'", "les", "un", "une"] as const;
export const ENGLISH_ARTICLES = ["the", "a", "an"] as const;
export const ArticleSchema = strict({
  fr: z.enum(FRENCH_ARTICLES).optional(),
  en: z.enum(ENGLISH_ARTICLES).optional(),
});
export type Article = z.infer<typeof ArticleSchema>;

export const EntitySchema = strict({
  id: IdSchema,
  kind: EntityKindSchema,
  /** Bare name, as shown in an answer option ("Espagne", "mer Baltique"). */
  name: LocalizedTextSchema,
  /** Article the name takes in running text; absent for names used bare (cities, people). */
  article: ArticleSchema.optional(),
  /** Persons only: the office that makes them relevant here. */
  role: LocalizedTextSchema.optional(),
  /** True when the entity is never an answer, only a wrong option. */
  distractorOnly: z.literal(true).optional(),
});
export type Entity = z.infer<typeof EntitySchema>;


// ---------------------------------------------------------------------------------------------
// Fact values

export const DATE_PRECISIONS = ["decade", "year", "month", "day"] as const;
export const DECADE_PARTS = ["early", "mid", "late"] as const;

const DATE_SHAPES: Record<(typeof DATE_PRECISIONS)[number], RegExp> = {
  decade: /^\d{3}0$/,
  year: /^\d{4}$/,
  month: /^\d{4}-\d{2}$/,
  day: /^\d{4}-\d{2}-\d{2}$/,
};
const DATE_SHAPE_HELP = "use YYYY-MM-DD for day, YYYY-MM for month, YYYY for year, a year ending in 0 for decade";

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A date at an explicit precision. Decades ("the 1990s") may be narrowed with `part`
 * ("early 1990s", "mid-1990s") because the source dates some events no more precisely.
 * YAML reads an unquoted 2014 as a number, so numbers are accepted and turned into strings.
 */
export const DateValueSchema = strict({
  type: z.literal("date"),
  date: z.union([z.string(), z.int()]).transform((v) => String(v)),
  precision: z.enum(DATE_PRECISIONS),
  part: z.enum(DECADE_PARTS).optional(),
}).superRefine((value, ctx) => {
  const { date, precision, part } = value;
  if (part !== undefined && precision !== "decade") {
    ctx.addIssue({
      code: "custom",
      path: ["part"],
      message: `"part" only applies to precision "decade", not "${precision}"`,
    });
  }
  if (!DATE_SHAPES[precision].test(date)) {
    ctx.addIssue({
      code: "custom",
      path: ["date"],
      message: `"${date}" does not match precision "${precision}"; ${DATE_SHAPE_HELP}`,
    });
    return;
  }
  const [year, month, day] = date.split("-").map(Number);
  if (month !== undefined && (month < 1 || month > 12)) {
    ctx.addIssue({
      code: "custom",
      path: ["date"],
      message: `impossible date "${date}": month ${month} does not exist`,
    });
    return;
  }
  if (year !== undefined && month !== undefined && day !== undefined) {
    const last = daysInMonth(year, month);
    if (day < 1 || day > last) {
      ctx.addIssue({
        code: "custom",
        path: ["date"],
        message: `impossible date "${date}": ${year}-${String(month).padStart(2, "0")} has ${last} days`,
      });
    }
  }
});
export type DateValue = z.infer<typeof DateValueSchema>;

const EntityRefListSchema = z.array(IdSchema).min(1);

/**
 * A named thing. `kind` states what the answer is, so the builder draws wrong options of the
 * same kind. `distractors` pins vetted wrong options (when "same kind" is too broad to be safe);
 * `alsoTrue` names entities that would also make the statement true, never to be offered as wrong.
 */
export const EntityValueSchema = strict({
  type: z.literal("entity"),
  kind: EntityKindSchema,
  entity: IdSchema,
  distractors: EntityRefListSchema.optional(),
  alsoTrue: EntityRefListSchema.optional(),
});
export type EntityValue = z.infer<typeof EntityValueSchema>;

export const CURRENCIES = ["USD", "EUR"] as const;

/** A sum of money, optionally spread over a period of whole years. */
export const AmountValueSchema = strict({
  type: z.literal("amount"),
  amount: z.number().positive({ error: "amount must be greater than 0" }),
  unit: z.enum(CURRENCIES),
  period: strict({ from: z.int(), to: z.int() })
    .refine((p) => p.from <= p.to, { error: '"from" must not be after "to"' })
    .optional(),
});
export type AmountValue = z.infer<typeof AmountValueSchema>;

/** One member of a declared list (for "select all that apply"); `detail` qualifies it. */
export const MembershipValueSchema = strict({
  type: z.literal("membership"),
  list: IdSchema,
  member: IdSchema,
  detail: IdSchema.optional(),
});
export type MembershipValue = z.infer<typeof MembershipValueSchema>;

export const FactValueSchema = z.discriminatedUnion("type", [
  DateValueSchema,
  EntityValueSchema,
  AmountValueSchema,
  MembershipValueSchema,
]);
export type FactValue = z.infer<typeof FactValueSchema>;
export type FactValueType = FactValue["type"];

// ---------------------------------------------------------------------------------------------
// Facts

/**
 * One atomic claim from the source. `statement` is a template: `{value}` (or a grammatical form
 * such as `{value:de}`) marks where the typed value goes, so the same text renders true, with a
 * swapped value, or with a blank. A fact without `value` is a plain statement (not quizzable
 * by swapping) and then has no `question` either.
 */
export const FactSchema = strict({
  id: IdSchema,
  topic: IdSchema,
  section: IdSchema,
  label: LocalizedTextSchema,
  statement: LocalizedTextSchema,
  question: LocalizedTextSchema.optional(),
  value: FactValueSchema.optional(),
  explanation: LocalizedTextSchema.optional(),
});
export type Fact = z.infer<typeof FactSchema>;


// ---------------------------------------------------------------------------------------------
// Module

export const TopicSchema = strict({
  id: IdSchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
});
export type Topic = z.infer<typeof TopicSchema>;

/** A part of the source document, so every fact can be traced back to where it is said. */
export const SectionSchema = strict({
  id: IdSchema,
  /** The heading as it appears in the (French) source. */
  heading: z.string().trim().min(1, { error: "heading is empty" }),
  /** Paragraphs of the source, counted from 1 over the whole text, headings excluded. */
  paragraphs: strict({ from: z.int().positive(), to: z.int().positive() })
    .refine((p) => p.from <= p.to, { error: '"from" must not be after "to"' })
    .optional(),
});
export type Section = z.infer<typeof SectionSchema>;

/** A closed set of members, declared once; each member is one fact with a membership value. */
export const ContentListSchema = strict({
  id: IdSchema,
  label: LocalizedTextSchema,
  /** The stem of the "select all that apply" question. */
  question: LocalizedTextSchema,
  memberKinds: z.array(EntityKindSchema).min(1),
  /** When set, every member fact names a `detail` entity of this kind (e.g. its project). */
  detailKind: EntityKindSchema.optional(),
  /** Vetted non-members to offer as wrong options; otherwise any non-member of `memberKinds`. */
  distractors: EntityRefListSchema.optional(),
});
export type ContentList = z.infer<typeof ContentListSchema>;

export const SourceInfoSchema = strict({
  title: z.string().trim().min(1, { error: "title is empty" }),
  language: z.enum(LOCALES),
});

const moduleHeaderShape = {
  slug: IdSchema,
  title: LocalizedTextSchema,
  description: LocalizedTextSchema,
  source: SourceInfoSchema,
};

/**
 * The files with their arrays left unparsed: items are then parsed one by one (with the item
 * schemas above) so that a bad item does not hide the problems of the others. `lists` may be
 * left out of module.yaml when a module has none.
 */
export const ModuleFileShellSchema = strict({
  ...moduleHeaderShape,
  topics: z.array(z.unknown()).min(1),
  sections: z.array(z.unknown()).min(1),
  lists: z.array(z.unknown()).min(1).optional(),
});
export const EntitiesFileShellSchema = strict({ entities: z.array(z.unknown()).min(1) });
export const FactsFileShellSchema = strict({ facts: z.array(z.unknown()).min(1) });

/** A whole validated module: the three files merged. */
export const ModuleSchema = strict({
  ...moduleHeaderShape,
  topics: z.array(TopicSchema),
  sections: z.array(SectionSchema),
  lists: z.array(ContentListSchema),
  entities: z.array(EntitySchema),
  facts: z.array(FactSchema),
});
export type Module = z.infer<typeof ModuleSchema>;
