import type { EntityKind, Locale } from "@/domain/content";
import type { QuestionType } from "./types";

/**
 * The builder's own words, for the parts of a question that no fact supplies (instructions,
 * stems of matching and ordering). Kept here, beside the domain, because they are part of the
 * question data that is stored and exported, not of the page around it.
 */

const INSTRUCTIONS: Record<Locale, Record<QuestionType, string>> = {
  fr: {
    "single-choice": "Choisissez la bonne réponse.",
    "multiple-choice": "Cochez toutes les bonnes réponses.",
    "true-false": "Vrai ou faux ?",
    "year-answer": "Indiquez l'année.",
    cloze: "Complétez la phrase par le nom qui manque.",
    matching: "Associez chaque élément de gauche à un élément de droite.",
    ordering: "Classez les éléments du plus ancien au plus récent.",
  },
  en: {
    "single-choice": "Choose the correct answer.",
    "multiple-choice": "Select all the correct answers.",
    "true-false": "True or false?",
    "year-answer": "Type the year.",
    cloze: "Fill in the missing name.",
    matching: "Match each item on the left with one on the right.",
    ordering: "Put the items in order, earliest first.",
  },
};

export function instructionFor(type: QuestionType, locale: Locale): string {
  return INSTRUCTIONS[locale][type];
}

export function matchingDatesStem(locale: Locale): string {
  return locale === "fr" ? "Associez chaque événement à sa date." : "Match each event with its date.";
}

export function orderingStem(locale: Locale): string {
  return locale === "fr"
    ? "Classez ces événements dans l'ordre chronologique, du plus ancien au plus récent."
    : "Put these events in chronological order, earliest first.";
}

type FrenchNoun = { noun: string; feminine: boolean };

const FRENCH_NOUNS: Record<EntityKind, FrenchNoun> = {
  country: { noun: "pays", feminine: false },
  region: { noun: "région", feminine: true },
  sea: { noun: "mer", feminine: true },
  city: { noun: "ville", feminine: true },
  organisation: { noun: "organisation", feminine: true },
  "nato-command": { noun: "commandement", feminine: false },
  "centre-of-excellence": { noun: "centre d'excellence", feminine: false },
  operation: { noun: "opération", feminine: true },
  "partnership-framework": { noun: "cadre de partenariat", feminine: false },
  "partnership-programme": { noun: "programme de partenariat", feminine: false },
  initiative: { noun: "initiative", feminine: true },
  programme: { noun: "programme", feminine: false },
  fund: { noun: "fonds", feminine: false },
  project: { noun: "projet", feminine: false },
  "cooperation-area": { noun: "domaine de coopération", feminine: false },
  "research-field": { noun: "domaine de recherche", feminine: false },
  technology: { noun: "technologie", feminine: true },
  person: { noun: "personne", feminine: true },
  office: { noun: "fonction", feminine: true },
};

const ENGLISH_NOUNS: Record<EntityKind, string> = {
  country: "country",
  region: "region",
  sea: "sea",
  city: "city",
  organisation: "organisation",
  "nato-command": "command",
  "centre-of-excellence": "centre of excellence",
  operation: "operation",
  "partnership-framework": "partnership framework",
  "partnership-programme": "partnership programme",
  initiative: "initiative",
  programme: "programme",
  fund: "fund",
  project: "project",
  "cooperation-area": "area of cooperation",
  "research-field": "research field",
  technology: "technology",
  person: "person",
  office: "office",
};

const STARTS_WITH_VOWEL = /^[aeiouyàâéèêëîïôûœh]/i;

/** "au pays correspondant", "à la ville correspondante", "à l'organisation correspondante". */
function frenchToTheMatching({ noun, feminine }: FrenchNoun): string {
  const adjective = feminine ? "correspondante" : "correspondant";
  if (STARTS_WITH_VOWEL.test(noun)) return `à l'${noun} ${adjective}`;
  return feminine ? `à la ${noun} ${adjective}` : `au ${noun} ${adjective}`;
}

/**
 * Stem of a matching question on a list with details: "<list label> : associez chaque projet
 * au pays correspondant." When the list mixes kinds, the nouns give way to neutral ones.
 */
export function matchingListStem(
  locale: Locale,
  listLabel: string,
  promptKind: EntityKind,
  choiceKinds: readonly EntityKind[],
): string {
  const choiceKind = choiceKinds.length === 1 ? choiceKinds[0] : undefined;
  if (locale === "fr") {
    const target = choiceKind ? frenchToTheMatching(FRENCH_NOUNS[choiceKind]) : "à l'élément correspondant";
    return `${listLabel} : associez chaque ${FRENCH_NOUNS[promptKind].noun} ${target}.`;
  }
  const target = choiceKind ? ENGLISH_NOUNS[choiceKind] : "item";
  return `${listLabel}: match each ${ENGLISH_NOUNS[promptKind]} with its ${target}.`;
}
