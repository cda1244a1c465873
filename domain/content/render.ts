import type { AmountValue, DateValue, Entity, Fact, FactValue, Locale } from "./schema";
import { parseTemplate, type SlotForm } from "./template";

/** Entities by id; an array is accepted for convenience. */
export type EntityLookup = ReadonlyMap<string, Entity> | readonly Entity[];

/** The form a value takes: `name` for an answer option, the others for running text. */
export type ValueForm = SlotForm;

type Phrase = { article?: string; name: string };

const FRENCH_MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
const ENGLISH_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const STARTS_WITH_VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/iu;

export function indexEntities(entities: EntityLookup): ReadonlyMap<string, Entity> {
  if (entities instanceof Map) return entities;
  return new Map((entities as readonly Entity[]).map((e) => [e.id, e]));
}

function requireEntity(entities: ReadonlyMap<string, Entity>, id: string): Entity {
  const entity = entities.get(id);
  if (!entity) throw new Error(`unknown entity "${id}"`);
  return entity;
}

// --- French grammar ------------------------------------------------------------------------

function frenchText({ article, name }: Phrase): string {
  if (!article) return name;
  return article === "l'" ? `l'${name}` : `${article} ${name}`;
}

/** "de" + phrase, with the contractions French requires (du, des, d'). */
function frenchDe(phrase: Phrase): string {
  switch (phrase.article) {
    case "le":
      return `du ${phrase.name}`;
    case "les":
      return `des ${phrase.name}`;
    case undefined:
      return STARTS_WITH_VOWEL.test(phrase.name) ? `d'${phrase.name}` : `de ${phrase.name}`;
    default: {
      const text = frenchText(phrase);
      return STARTS_WITH_VOWEL.test(text) ? `d'${text}` : `de ${text}`;
    }
  }
}

/** "à" + phrase, with au / aux. */
function frenchA(phrase: Phrase): string {
  if (phrase.article === "le") return `au ${phrase.name}`;
  if (phrase.article === "les") return `aux ${phrase.name}`;
  return `à ${frenchText(phrase)}`;
}

/** Where: "en Espagne", "en mer Baltique", "au Tadjikistan", "aux Balkans", "à Tokyo". */
function frenchIn(phrase: Phrase): string {
  switch (phrase.article) {
    case "la":
    case "l'":
      return `en ${phrase.name}`;
    case "un":
    case "une":
      return `dans ${frenchText(phrase)}`;
    default:
      return frenchA(phrase);
  }
}

function frenchForm(phrase: Phrase, form: ValueForm): string {
  switch (form) {
    case "name":
      return phrase.name;
    case "de":
      return frenchDe(phrase);
    case "à":
      return frenchA(phrase);
    case "en":
      return frenchIn(phrase);
    default:
      return frenchText(phrase);
  }
}

function englishForm(phrase: Phrase, form: ValueForm): string {
  const text = phrase.article ? `${phrase.article} ${phrase.name}` : phrase.name;
  if (form === "name") return phrase.name;
  if (form === "in") return `in ${text}`;
  return text;
}

// --- Values --------------------------------------------------------------------------------

function entityPhrase(entity: Entity, locale: Locale): Phrase {
  const article = entity.article?.[locale];
  return article ? { article, name: entity.name[locale] } : { name: entity.name[locale] };
}

function renderEntityPhrase(entity: Entity, locale: Locale, form: ValueForm): string {
  const phrase = entityPhrase(entity, locale);
  return locale === "fr" ? frenchForm(phrase, form) : englishForm(phrase, form);
}

function renderDate(value: DateValue, locale: Locale, form: ValueForm): string {
  const [yearText = "", monthText, dayText] = value.date.split("-");
  const month = monthText === undefined ? undefined : Number(monthText);
  const day = dayText === undefined ? undefined : Number(dayText);
  if (locale === "fr") {
    const monthName = month === undefined ? "" : (FRENCH_MONTHS[month - 1] ?? "");
    switch (value.precision) {
      case "day": {
        const phrase = { article: "le", name: `${day === 1 ? "1er" : day} ${monthName} ${yearText}` };
        return form === "en" ? frenchText(phrase) : frenchForm(phrase, form);
      }
      case "month":
      case "year": {
        const phrase = { name: value.precision === "month" ? `${monthName} ${yearText}` : yearText };
        return form === "en" ? `en ${phrase.name}` : frenchForm(phrase, form);
      }
      case "decade": {
        const decade = `années ${yearText}`;
        const phrase: Phrase =
          value.part === "early"
            ? { article: "le", name: `début des ${decade}` }
            : value.part === "mid"
              ? { article: "le", name: `milieu des ${decade}` }
              : value.part === "late"
                ? { article: "la", name: `fin des ${decade}` }
                : { article: "les", name: decade };
        if (form === "en") return value.part ? frenchA(phrase) : `dans ${frenchText(phrase)}`;
        return frenchForm(phrase, form);
      }
    }
  }
  const monthName = month === undefined ? "" : (ENGLISH_MONTHS[month - 1] ?? "");
  switch (value.precision) {
    case "day": {
      const name = `${day} ${monthName} ${yearText}`;
      return form === "in" ? `on ${name}` : name;
    }
    case "month":
    case "year": {
      const name = value.precision === "month" ? `${monthName} ${yearText}` : yearText;
      return form === "in" ? `in ${name}` : name;
    }
    case "decade": {
      const name =
        value.part === "mid" ? `mid-${yearText}s` : value.part ? `${value.part} ${yearText}s` : `${yearText}s`;
      return englishForm({ article: "the", name }, form);
    }
  }
}

function formatNumber(n: number, locale: Locale): string {
  // Spaces as French thousands separators are written as plain spaces so tests and
  // search do not depend on which of the several Unicode spaces Intl picks.
  const text = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 2 }).format(n);
  return text.replace(/[\u202f\u00a0]/g, " ");
}

function renderAmount(value: AmountValue, locale: Locale, form: ValueForm): string {
  const { amount, unit } = value;
  const scales =
    locale === "fr"
      ? ([
          [1e9, "milliard", "milliards"],
          [1e6, "million", "millions"],
        ] as const)
      : ([
          [1e9, "billion", "billion"],
          [1e6, "million", "million"],
        ] as const);
  const currency = locale === "fr" ? (unit === "USD" ? "dollars" : "euros") : unit === "USD" ? "US dollars" : "euros";
  let name = `${formatNumber(amount, locale)} ${currency}`;
  for (const [scale, one, many] of scales) {
    if (amount >= scale) {
      const count = amount / scale;
      const word = count < 2 ? one : many;
      const of = STARTS_WITH_VOWEL.test(currency) ? "d'" : "de ";
      name =
        locale === "fr"
          ? `${formatNumber(count, locale)} ${word} ${of}${currency}`
          : `${formatNumber(count, locale)} ${word} ${currency}`;
      break;
    }
  }
  const phrase = { name };
  if (locale === "fr") return form === "en" ? name : frenchForm(phrase, form);
  return form === "in" ? name : englishForm(phrase, form);
}

function renderPeriod(period: { from: number; to: number }, locale: Locale): string {
  return locale === "fr" ? `de ${period.from} à ${period.to}` : `from ${period.from} to ${period.to}`;
}

/** An entity in a given form, e.g. "la mer Baltique", "du Portugal", "in the Balkans". */
export function renderEntity(entity: Entity, locale: Locale, form: ValueForm = "name"): string {
  return renderEntityPhrase(entity, locale, form);
}

/**
 * A typed value as text. By default the bare form used for an answer option: "avril 2013",
 * "24 mars 2022", "2014", "5 milliards de dollars", "Espagne"; a membership renders its member.
 * Throws on an entity id that is not in `entities` (validated content never has one).
 */
export function renderValue(
  value: FactValue,
  entities: EntityLookup,
  locale: Locale,
  form: ValueForm = "name",
): string {
  switch (value.type) {
    case "date":
      return renderDate(value, locale, form);
    case "amount":
      return renderAmount(value, locale, form);
    case "entity":
      return renderEntityPhrase(requireEntity(indexEntities(entities), value.entity), locale, form);
    case "membership":
      return renderEntityPhrase(requireEntity(indexEntities(entities), value.member), locale, form);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * The fact's statement with its slots filled: by the fact's own value, or by `valueOverride`
 * (same `type`) to build a false statement. A swapped membership or amount keeps the fact's
 * `detail` / `period` unless the override carries its own. The first letter is capitalised,
 * since a slot may open the sentence. Throws if the override has another type.
 */
export function renderStatement(fact: Fact, entities: EntityLookup, locale: Locale, valueOverride?: FactValue): string {
  const template = fact.statement[locale];
  const original = fact.value;
  if (!original) return template;
  if (valueOverride && valueOverride.type !== original.type) {
    throw new Error(`fact "${fact.id}" holds a ${original.type} value; cannot render it with a ${valueOverride.type}`);
  }
  const value = valueOverride ?? original;
  const lookup = indexEntities(entities);
  const parts = parseTemplate(template, locale).map((token) => {
    if (token.kind === "text") return token.text;
    if (token.kind === "invalid") throw new Error(`fact "${fact.id}": ${token.reason}`);
    switch (token.slot) {
      case "value":
        return renderValue(value, lookup, locale, token.form);
      case "detail": {
        const detail =
          (value.type === "membership" ? value.detail : undefined) ??
          (original.type === "membership" ? original.detail : undefined);
        if (!detail) throw new Error(`fact "${fact.id}" has a {detail} slot but no detail`);
        return renderEntityPhrase(requireEntity(lookup, detail), locale, token.form);
      }
      case "period": {
        const period =
          (value.type === "amount" ? value.period : undefined) ??
          (original.type === "amount" ? original.period : undefined);
        if (!period) throw new Error(`fact "${fact.id}" has a {period} slot but no period`);
        return renderPeriod(period, locale);
      }
    }
  });
  return capitalize(parts.join(""));
}
