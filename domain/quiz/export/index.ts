import type { Locale, Module } from "@/domain/content";
import { buildQuestionBank } from "../bank";
import { toGift } from "./gift";
import { toBankJson } from "./json";
import type { BankHeader } from "./moodle-common";
import { toMoodleXml } from "./moodle-xml";

export const EXPORT_FORMATS = ["gift", "moodle-xml", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The seed exports use unless told otherwise, so that the same content gives the same file. */
export const DEFAULT_EXPORT_SEED = 1;

/**
 * The module's whole question bank in one of the export formats. Deterministic: the same
 * module, format, locale and seed give the same text, byte for byte.
 */
export function exportQuestionBank(
  module: Module,
  options: { format: ExportFormat; locale: Locale; seed?: number },
): string {
  const seed = options.seed ?? DEFAULT_EXPORT_SEED;
  const questions = buildQuestionBank(module, { locale: options.locale, seed });
  const header: BankHeader = {
    module: module.slug,
    moduleTitle: module.title[options.locale],
    locale: options.locale,
    seed,
  };
  switch (options.format) {
    case "gift":
      return toGift(questions, header);
    case "moodle-xml":
      return toMoodleXml(questions, header);
    case "json":
      return toBankJson(questions, header);
  }
}

export { escapeGift, toGift } from "./gift";
export { BANK_JSON_VERSION, toBankJson, type BankJson } from "./json";
export { escapeXml, toMoodleXml } from "./moodle-xml";
export type { BankHeader } from "./moodle-common";
