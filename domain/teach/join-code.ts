import { z } from "zod";

/**
 * Class join codes: short, read aloud in a classroom and typed on a phone. The alphabet holds
 * neither member of any lookalike pair (0/O, 1/I/l; upper-case L goes too, since a code typed
 * in lower case is upper-cased), so a code read from a projector cannot be mistyped as another
 * valid code by confusing those glyphs.
 */
export const JOIN_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** 31⁶ ≈ 887 million codes: collisions are rare and retried by the caller. */
export const JOIN_CODE_LENGTH = 6;

const GROUP = 3;
const MAX_ROUNDS = 8;
const ALLOWED = new Set(JOIN_CODE_ALPHABET);
// Spaces of every kind, and hyphen-like dashes (hyphen, non-breaking hyphen, figure dash,
// en and em dashes, minus sign): people type or paste the code as "ABC DEF" or "ABC-DEF".
const SEPARATORS = /[\s\u2010-\u2015\u2212_-]+/gu;

/**
 * A new code of `length` characters from `JOIN_CODE_ALPHABET`, drawing each character from
 * `random` (a source of floats in [0, 1); pass a cryptographic one, codes grant access to a
 * class). Promises: the result is well-formed for that length; the same sequence of draws
 * gives the same code. Throws a RangeError for a length that is not a positive integer.
 */
export function generateJoinCode(random: () => number, length: number = JOIN_CODE_LENGTH): string {
  if (!Number.isInteger(length) || length < 1)
    throw new RangeError(`join code length must be a positive integer, got ${length}`);
  let code = "";
  for (let i = 0; i < length; i++) {
    const draw = random();
    // A source that returns exactly 1 (or a hair above through rounding) still picks the last character.
    const index = Math.min(JOIN_CODE_ALPHABET.length - 1, Math.max(0, Math.floor(draw * JOIN_CODE_ALPHABET.length)));
    code += JOIN_CODE_ALPHABET[index];
  }
  return code;
}

/**
 * The canonical form of what a learner typed: Unicode-compatibility folded (full-width
 * "ＡＢＣ" from a Japanese keyboard becomes "ABC"), spaces and dashes removed, upper-cased.
 * Lookalikes are NOT mapped: the alphabet has no 0, O, 1, I or L, so a typed "O" or "0" could
 * stand for nothing valid and is left in place, and the code stays malformed. Promises:
 * idempotent (`normalizeJoinCode(normalizeJoinCode(x)) === normalizeJoinCode(x)`), and
 * `normalizeJoinCode(formatJoinCode(code)) === code` for every well-formed code. The result
 * may still be malformed; `parseJoinCode` says whether it is a code at all.
 */
export function normalizeJoinCode(input: string): string {
  // Upper-casing can leave a string that NFKC changes again (Greek "ΐ"), and removing a space
  // can bring a combining mark next to a letter: repeat the step until nothing changes.
  let current = input;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = current.normalize("NFKC").toUpperCase().replace(SEPARATORS, "");
    if (next === current) break;
    current = next;
  }
  return current;
}

/** Whether `code` is already canonical and well-formed: exactly `length` characters of the alphabet. */
export function isWellFormedJoinCode(code: string, length: number = JOIN_CODE_LENGTH): boolean {
  if (code.length !== length) return false;
  for (const char of code) if (!ALLOWED.has(char)) return false;
  return true;
}

/** What the learner typed as a canonical code, or null when it cannot be a code (so no lookup is needed). */
export function parseJoinCode(input: string, length: number = JOIN_CODE_LENGTH): string | null {
  const code = normalizeJoinCode(input);
  return isWellFormedJoinCode(code, length) ? code : null;
}

/** A code as shown to people: groups of three joined by a hyphen ("K7M-Q2X"). Normalising it gives the code back. */
export function formatJoinCode(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += GROUP) groups.push(code.slice(i, i + GROUP));
  return groups.join("-");
}

/** The join form's field: normalises, then refuses anything that cannot be a code with the message key "joinCodeMalformed". */
export const JoinCodeSchema = z
  .string({ error: "joinCodeMalformed" })
  .transform(normalizeJoinCode)
  .refine((code) => isWellFormedJoinCode(code), { error: "joinCodeMalformed" });
