import { renderStatement, type Entity, type Fact, type FactValue, type Locale } from "@/domain/content";
import { normalizeAnswer } from "./normalize";

// A private-use character: it cannot occur in content, so splitting on it is exact.
const BLANK_MARK = "\ue000";
const BLANK_ID = "__blank__";

/**
 * The statement of an entity-valued fact with its name left out, split around the gap. The
 * article and preposition stay, rendered for the real entity ("auprès du _____", "à _____"), so
 * the sentence still reads; only the name is asked. Undefined for other values, or when the
 * template would not leave exactly one gap.
 */
export function clozeParts(
  fact: Fact,
  entities: ReadonlyMap<string, Entity>,
  locale: Locale,
): { before: string; after: string } | undefined {
  const value = fact.value;
  if (value?.type !== "entity" && value?.type !== "membership") return undefined;
  const answerId = value.type === "entity" ? value.entity : value.member;
  const answer = entities.get(answerId);
  if (!answer) return undefined;
  const blank: Entity = { ...answer, id: BLANK_ID, name: { fr: BLANK_MARK, en: BLANK_MARK } };
  const lookup = new Map(entities).set(BLANK_ID, blank);
  const override: FactValue = value.type === "entity" ? { ...value, entity: BLANK_ID } : { ...value, member: BLANK_ID };
  const parts = renderStatement(fact, lookup, locale, override).split(BLANK_MARK);
  if (parts.length !== 2) return undefined;
  return { before: parts[0] as string, after: parts[1] as string };
}

const PARENTHESISED = /^(.*?)\s*\(([^()]+)\)\s*$/;
const ACRONYM = /^[\p{Lu}\d&.-]{2,}$/u;

/**
 * Every spelling of a name that earns the mark in a typed answer: the name as written, without
 * its parenthesised acronym, and the acronym alone ("Commandement maritime allié (MARCOM)",
 * "Commandement maritime allié", "MARCOM"). Case, accents and articles are dealt with by
 * normalisation, so they need no variants here. Distinct after normalisation, first is the name.
 */
export function acceptedSpellings(name: string): string[] {
  const variants = [name];
  const match = PARENTHESISED.exec(name);
  if (match) {
    const [, base = "", inner = ""] = match;
    if (base) variants.push(base);
    if (ACRONYM.test(inner.trim())) variants.push(inner.trim());
  }
  const seen = new Set<string>();
  return variants.filter((v) => {
    const key = normalizeAnswer(v);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
