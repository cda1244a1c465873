/**
 * Text normalisation for typed answers and for comparing options. Two texts that a reader
 * would call "the same answer" normalise to the same string: case, accents, ligatures,
 * apostrophe and dash variants, punctuation, extra spaces and leading articles do not count.
 */

// Typographic apostrophes and look-alikes that French keyboards, phones and word processors
// produce in place of the ASCII one.
const APOSTROPHES = /[\u2018\u2019\u201b\u02bc\u02b9\u0060\u00b4\u2032\uff07]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_WORD_OR_APOSTROPHE = /[^\p{L}\p{N}']+/gu;
const SPACES = /\s+/g;

// Leading articles, French or English, whether followed by a space or an apostrophe. "à" is
// included because, accents removed, it reads as "a": a learner who types "à Tokyo" for a
// place means "Tokyo". "du"/"de la" are left alone: prepositions fused with articles never
// start a name.
const LEADING_ARTICLES = /^(?:(?:l|le|la|les|un|une|des|the|a|an)(?:\s+|'\s*))+/;
// An apostrophe that does not follow a letter is punctuation, not an elision.
const STRAY_APOSTROPHES = /(^|[^\p{L}])'+/gu;

function foldCase(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss");
}

/**
 * The comparison key of a typed answer or an option: "  L’Espagne " → "espagne",
 * "la Mer Baltique" → "mer baltique", "Nouvelle-Zélande" → "nouvelle zelande",
 * "« Femmes, paix et sécurité »" → "femmes paix et securite", "à la Haye" → "haye".
 * Idempotent: every leading article goes at once, so normalising twice changes nothing.
 */
export function normalizeAnswer(text: string): string {
  const words = foldCase(text)
    .replace(APOSTROPHES, "'")
    .replace(NOT_WORD_OR_APOSTROPHE, " ")
    .replace(STRAY_APOSTROPHES, "$1 ")
    .replace(SPACES, " ")
    .trim();
  const withoutArticles = words.replace(LEADING_ARTICLES, "");
  // An answer made only of articles ("La") keeps them rather than becoming empty.
  const kept = withoutArticles.length > 0 ? withoutArticles : words;
  return kept.replace(/'/g, " ").replace(SPACES, " ").trim();
}

/** Normalised text padded with spaces, so `includes(" x ")` finds whole words only. */
export function paddedWords(text: string): string {
  return ` ${foldCase(text)
    .replace(APOSTROPHES, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(SPACES, " ")
    .trim()} `;
}

/** True when `needle`'s words appear, in order and whole, inside `haystack`. */
export function containsWords(haystack: string, needle: string): boolean {
  const words = paddedWords(needle);
  if (words.trim() === "") return false;
  return paddedWords(haystack).includes(words);
}
