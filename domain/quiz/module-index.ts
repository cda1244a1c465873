import {
  distractorCandidates,
  LOCALES,
  renderEntity,
  renderStatement,
  renderValue,
  type ContentList,
  type DateValue,
  type Entity,
  type Fact,
  type FactValue,
  type Locale,
  type Module,
} from "@/domain/content";
import { acceptedSpellings, clozeParts } from "./cloze-text";
import { compareDates, dateInterval, dateYear, hasSingleYear, type DateInterval } from "./dates";
import { candidateValues } from "./distractor-pool";
import { containsWords, normalizeAnswer, paddedWords } from "./normalize";
import { buildTruths, type Truth } from "./truth";

/**
 * Everything about a module that does not depend on the seed, computed once per module for
 * both languages and cached: the truth of each fact, its rendered distractors, which question
 * types it can make, and which facts give each other away. Building a quiz then only draws and
 * shuffles. Every decision that shapes a question is taken on both languages together, so the
 * French and English indexes differ in their texts only.
 */

/** A rendered wrong option, distinct from the answer and from every other one after normalisation. */
export type Candidate = { value: FactValue; text: string; near: boolean };

/** A wrong value with the false statement it makes, rendered once here rather than per quiz. */
export type Swap = Candidate & { statement: string };

export type FactEntry = {
  fact: Fact & { value: FactValue };
  /** Position in the module's facts: the teaching order. */
  order: number;
  truth: Truth;
  label: string;
  statement: string;
  explanation: string;
  answerText: string;
  distractors: Candidate[];
  /**
   * Values that make the statement false when swapped in: the distractors, except that after
   * "since" only earlier dates qualify ("since 2016" of something begun in 2014 is arguably
   * still true).
   */
  swaps: Swap[];
  /** The question's stem gives its own answer away: no choice or typed-year question then. */
  questionLeaks: boolean;
  /** Present when the learner can be asked to type the missing name. */
  cloze?: { before: string; after: string; accepted: string[]; shortestWords: number };
  /** Present when the learner can be asked to type the year. */
  year?: number;
  /** Dates only: the span the date covers. */
  interval?: DateInterval;
  /** A date fact whose label does not give its date away: usable in matching and ordering. */
  datable: boolean;
};

export type ListEntry = {
  list: ContentList;
  /** Member facts, in module order. */
  members: FactEntry[];
  /** Rendered non-members (the list's vetted distractors, else non-members of its kinds). */
  distractors: Candidate[];
  /** Member names, for the explanation. */
  memberNames: string[];
};

export type ModuleIndex = {
  module: Module;
  locale: Locale;
  entities: ReadonlyMap<string, Entity>;
  /** Facts that have a value, in module order. */
  facts: FactEntry[];
  byId: ReadonlyMap<string, FactEntry>;
  lists: ListEntry[];
  /** Fact id → facts whose texts give its answer away, or whose answer its texts give away (in either language). */
  conflicts: ReadonlyMap<string, ReadonlySet<string>>;
  sectionOrder: ReadonlyMap<string, number>;
};

// A cloze longer than this (after normalisation) is a spelling test, not a recall question.
const MAX_CLOZE_WORDS = 8;

const cache = new WeakMap<Module, Record<Locale, ModuleIndex>>();

/**
 * The index of `module` in `locale`; built on first use (both languages at once), then reused
 * while the module object lives.
 */
export function getModuleIndex(module: Module, locale: Locale): ModuleIndex {
  let indexes = cache.get(module);
  if (!indexes) {
    indexes = buildModuleIndexes(module);
    cache.set(module, indexes);
  }
  return indexes[locale];
}

type PerLocale<T> = Record<Locale, T>;

function perLocale<T>(make: (locale: Locale) => T): PerLocale<T> {
  return { fr: make("fr"), en: make("en") };
}

/**
 * The candidates to keep, with their text in each language: in the order given, each one that
 * reads differently, after normalisation, from the excluded texts and from those kept before,
 * in every language. Deciding on both languages at once keeps the options of a question the
 * same whichever language it is shown in, so an attempt can switch language midway.
 */
function selectCandidates(
  candidates: readonly { value: FactValue; near: boolean }[],
  entities: ReadonlyMap<string, Entity>,
  excluded: PerLocale<ReadonlySet<string>>,
): PerLocale<Candidate[]> {
  const seen = perLocale((l) => new Set(excluded[l]));
  const out = perLocale<Candidate[]>(() => []);
  for (const { value, near } of candidates) {
    const texts = perLocale((l) => renderValue(value, entities, l));
    const keys = perLocale((l) => normalizeAnswer(texts[l]));
    if (LOCALES.some((l) => !keys[l] || seen[l].has(keys[l]))) continue;
    for (const l of LOCALES) {
      seen[l].add(keys[l]);
      out[l].push({ value, text: texts[l], near });
    }
  }
  return out;
}

/** Texts of every true value, so that a wrong option never merely spells a right one differently. */
function trueTexts(truth: Truth, entities: ReadonlyMap<string, Entity>, locale: Locale): Set<string> {
  const texts = new Set<string>();
  for (const id of truth.entityIds) {
    const entity = entities.get(id);
    if (entity) texts.add(normalizeAnswer(renderEntity(entity, locale)));
  }
  for (const date of truth.dates) texts.add(normalizeAnswer(renderValue(date, entities, locale)));
  for (const amount of truth.amounts) texts.add(normalizeAnswer(renderValue(amount, entities, locale)));
  return texts;
}

// "depuis {value}", "Since {value}": the slot names when a still-true state began.
const SINCE_SLOT = /(?:depuis|since)\s*$/i;

/** In either language, so that a bank says the same in French and in English. */
function isSinceSlot(fact: Fact): boolean {
  return LOCALES.some((locale) => {
    const template = fact.statement[locale];
    const slot = template.indexOf("{value");
    return slot >= 0 && SINCE_SLOT.test(template.slice(0, slot));
  });
}

function isBefore(candidate: FactValue, value: FactValue): boolean {
  return candidate.type === "date" && value.type === "date" && compareDates(candidate, value) < 0;
}

/** The words that would give the fact's answer away if another question showed them. */
function answerNeedles(entry: FactEntry): string[] {
  return entry.cloze?.accepted ?? [entry.answerText];
}

/**
 * The fact's entries in both languages. What a question may be made of is decided on both
 * languages together (a stem that leaks its answer in either, a cloze that fails in either, is
 * not made in both), so that the same seed gives the same questions in French and English.
 */
function buildFactEntries(
  module: Module,
  fact: Fact & { value: FactValue },
  order: number,
  truth: Truth,
  entities: ReadonlyMap<string, Entity>,
): PerLocale<FactEntry> {
  const value = fact.value;
  const statement = perLocale((l) => renderStatement(fact, entities, l));
  const answerText = perLocale((l) => renderValue(value, entities, l));
  const question = perLocale((l) => fact.question?.[l] ?? "");
  const distractors = selectCandidates(
    candidateValues(module, fact, truth),
    entities,
    perLocale((l) => trueTexts(truth, entities, l)),
  );
  const since = isSinceSlot(fact);
  const questionLeaks = LOCALES.some((l) => containsWords(question[l], answerText[l]));

  let cloze: PerLocale<FactEntry["cloze"]> | undefined;
  if ((value.type === "entity" || value.type === "membership") && truth.entityIds.size === 1) {
    const made = perLocale((l) => clozeFor(fact, entities, l, answerText[l]));
    if (made.fr && made.en) {
      // Rated by the longer of the two, so the question is as hard in either language.
      const shortestWords = Math.max(made.fr.shortestWords, made.en.shortestWords);
      cloze = { fr: { ...made.fr, shortestWords }, en: { ...made.en, shortestWords } };
    }
  }

  let year: number | undefined;
  let interval: DateInterval | undefined;
  let datable = false;
  if (value.type === "date") {
    const y = dateYear(value);
    // Typed years are only asked when every true date falls in the same year.
    const unique = truth.dates.every((d: DateValue) => hasSingleYear(d) && dateYear(d) === y);
    const stated = LOCALES.some((l) => containsWords(question[l], String(y)));
    if (hasSingleYear(value) && unique && !stated && !questionLeaks) year = y;
    interval = dateInterval(value);
    datable = LOCALES.every(
      (l) => !containsWords(fact.label[l], answerText[l]) && !containsWords(fact.label[l], String(y)),
    );
  }

  return perLocale((l) => {
    const extra = fact.explanation?.[l];
    const entry: FactEntry = {
      fact,
      order,
      truth,
      label: fact.label[l],
      statement: statement[l],
      explanation: extra ? `${statement[l]} ${extra}` : statement[l],
      answerText: answerText[l],
      distractors: distractors[l],
      swaps: (since ? distractors[l].filter((d) => isBefore(d.value, value)) : distractors[l]).map((d) => ({
        ...d,
        statement: renderStatement(fact, entities, l, d.value),
      })),
      questionLeaks,
      datable,
    };
    if (cloze?.[l]) entry.cloze = cloze[l];
    if (year !== undefined) entry.year = year;
    if (interval) entry.interval = interval;
    return entry;
  });
}

/** The cloze of an entity fact in one language, or undefined when the name cannot fairly be asked there. */
function clozeFor(
  fact: Fact,
  entities: ReadonlyMap<string, Entity>,
  locale: Locale,
  answerText: string,
): FactEntry["cloze"] {
  const parts = clozeParts(fact, entities, locale);
  if (!parts) return undefined;
  const accepted = acceptedSpellings(answerText);
  const shortestWords = Math.min(...accepted.map((a) => normalizeAnswer(a).split(" ").length));
  const gapText = `${parts.before} ${parts.after}`;
  if (shortestWords > MAX_CLOZE_WORDS || accepted.some((a) => containsWords(gapText, a))) return undefined;
  return { ...parts, accepted, shortestWords };
}

function buildListEntries(
  module: Module,
  list: ContentList,
  facts: PerLocale<readonly FactEntry[]>,
  entities: ReadonlyMap<string, Entity>,
): PerLocale<ListEntry> {
  const members = perLocale((l) =>
    facts[l].filter((f) => f.fact.value.type === "membership" && f.fact.value.list === list.id),
  );
  const first = members.fr[0]?.fact.value;
  const memberIds = new Set(members.fr.map((m) => (m.fact.value.type === "membership" ? m.fact.value.member : "")));
  const candidates = (first ? distractorCandidates(module, first) : [])
    .filter((e) => !memberIds.has(e.id))
    .map((e) => ({ value: { type: "membership", list: list.id, member: e.id } as FactValue, near: false }));
  const distractors = selectCandidates(
    candidates,
    entities,
    perLocale((l) => new Set(members[l].map((m) => normalizeAnswer(m.answerText)))),
  );
  return perLocale((l) => ({
    list,
    members: members[l],
    distractors: distractors[l],
    memberNames: members[l].map((m) => m.answerText),
  }));
}

/**
 * Pairs of facts that must not meet in one quiz because one's stem, label or statement contains
 * the other's answer, in either language: "Sommet de Bruxelles" names the city of the June 2021
 * summit, "depuis 2014" dates the start of the partnership programme. Symmetric.
 */
function buildConflicts(facts: PerLocale<readonly FactEntry[]>): Map<string, Set<string>> {
  const conflicts = new Map(facts.fr.map((f) => [f.fact.id, new Set<string>()]));
  for (const locale of LOCALES) {
    const entries = facts[locale];
    const texts = entries.map((f) => paddedWords([f.fact.question?.[locale] ?? "", f.label, f.explanation].join(" ")));
    const needles = entries.map((f) =>
      answerNeedles(f)
        .map(paddedWords)
        .filter((n) => n.trim() !== ""),
    );
    entries.forEach((a, i) => {
      entries.forEach((b, j) => {
        if (i === j || !(needles[i] ?? []).some((n) => (texts[j] ?? "").includes(n))) return;
        conflicts.get(a.fact.id)?.add(b.fact.id);
        conflicts.get(b.fact.id)?.add(a.fact.id);
      });
    });
  }
  return conflicts;
}

function buildModuleIndexes(module: Module): PerLocale<ModuleIndex> {
  const entities = new Map(module.entities.map((e) => [e.id, e]));
  const truths = buildTruths(module);
  const facts = perLocale<FactEntry[]>(() => []);
  module.facts.forEach((fact, order) => {
    if (!fact.value) return;
    const entries = buildFactEntries(
      module,
      fact as Fact & { value: FactValue },
      order,
      truths.get(fact.id) as Truth,
      entities,
    );
    for (const l of LOCALES) facts[l].push(entries[l]);
  });
  const lists = module.lists.map((list) => buildListEntries(module, list, facts, entities));
  const conflicts = buildConflicts(facts);
  const sectionOrder = new Map(module.sections.map((s, i) => [s.id, i]));
  return perLocale((l) => ({
    module,
    locale: l,
    entities,
    facts: facts[l],
    byId: new Map(facts[l].map((f) => [f.fact.id, f])),
    lists: lists.map((entry) => entry[l]),
    conflicts,
    sectionOrder,
  }));
}
