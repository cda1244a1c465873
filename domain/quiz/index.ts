export * from "./types";
export { AnswerSchema, type Answer, type AnswerOf } from "./answer";
export { gradeAnswer, answerKey, type Grade } from "./grade";
export { toView } from "./view";
export { buildQuestionBank, type BankOptions } from "./bank";
export {
  buildQuiz,
  masteryWeight,
  QuizOptionsSchema,
  type BuildQuizInput,
  type FactMastery,
  type Quiz,
  type QuizOptions,
} from "./quiz";
export { normalizeAnswer } from "./normalize";
export { createRng, deriveSeed, hashString, shuffle, type Rng } from "./random";
export {
  DEFAULT_EXPORT_SEED,
  EXPORT_FORMATS,
  exportQuestionBank,
  escapeGift,
  escapeXml,
  toBankJson,
  toGift,
  toMoodleXml,
  BANK_JSON_VERSION,
  type BankHeader,
  type BankJson,
  type ExportFormat,
} from "./export";
