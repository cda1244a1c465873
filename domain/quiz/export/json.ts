import type { Question } from "../types";
import type { BankHeader } from "./moodle-common";

/** Bumped when the shape of `questions` changes in a way a reader must know about. */
export const BANK_JSON_VERSION = 1;

export type BankJson = BankHeader & {
  format: "entente-question-bank";
  version: typeof BANK_JSON_VERSION;
  questions: Question[];
};

/**
 * The bank as JSON: every question whole, keys, explanations, fact ids, sections, difficulty and
 * the value behind each option included, so nothing is lost on the way out.
 */
export function toBankJson(questions: readonly Question[], header: BankHeader): string {
  const doc: BankJson = {
    format: "entente-question-bank",
    version: BANK_JSON_VERSION,
    ...header,
    questions: [...questions],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
