import type { FactValue, Locale } from "@/domain/content";

/**
 * Questions as the builder makes them (with their key) and as a learner sees them (without).
 * A question is plain data: it can be stored, sent, exported and graded later.
 */

export const QUESTION_TYPES = [
  "single-choice",
  "multiple-choice",
  "true-false",
  "year-answer",
  "cloze",
  "matching",
  "ordering",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Types made from one fact; the others need several facts at once. */
export const SINGLE_FACT_TYPES = [
  "single-choice",
  "true-false",
  "year-answer",
  "cloze",
] as const satisfies readonly QuestionType[];

export const DIFFICULTY_LEVELS = ["easy", "medium", "hard"] as const;
export type DifficultyLevel = (typeof DIFFICULTY_LEVELS)[number];

/** A prior estimate, before any learner has answered (see docs/decisions/0010). */
export type Difficulty = { score: number; level: DifficultyLevel };

/** Something the learner picks or places, named by an opaque id ("o1", "p2") that says nothing of the key. */
export type Item = { id: string; text: string };

/** A choice, with the value it stands for, so that an attempt can tell which distractor drew a learner. */
export type Option = Item & { value: FactValue };

/** A matching prompt or an ordering item, with the fact it comes from. */
export type SourcedItem = Item & { factId: string };

type QuestionBase = {
  /** Opaque and stable: the same module, locale, seed, type and facts give the same id. */
  id: string;
  module: string;
  locale: Locale;
  topic: string;
  factIds: string[];
  /** Sections of the source the facts come from, in module order. */
  sections: string[];
  stem: string;
  /** How to answer, in the learner's language ("Indiquez l'année."). */
  instruction: string;
  /** The facts in the project's words, shown after answering. */
  explanation: string;
  difficulty: Difficulty;
};

export type SingleChoiceQuestion = QuestionBase & {
  type: "single-choice";
  options: Option[];
  key: { optionId: string };
};

export type MultipleChoiceQuestion = QuestionBase & {
  type: "multiple-choice";
  list: string;
  options: Option[];
  key: { optionIds: string[] };
};

export type TrueFalseQuestion = QuestionBase & {
  type: "true-false";
  /** `shown` is the value written into the statement: the fact's own, or the one swapped in. */
  key: { value: boolean; shown: FactValue };
};

export type YearAnswerQuestion = QuestionBase & {
  type: "year-answer";
  key: { year: number; tolerance: number };
};

export type ClozeQuestion = QuestionBase & {
  type: "cloze";
  /** The statement around the blank; `stem` is the same with "_____" in the gap. */
  before: string;
  after: string;
  /** `answer` is the name as written; `accepted` lists every spelling that earns the mark. */
  key: { answer: string; accepted: string[] };
};

export type MatchingQuestion = QuestionBase & {
  type: "matching";
  prompts: SourcedItem[];
  options: Item[];
  /** Prompt id → option id. */
  key: { pairs: Record<string, string> };
};

export type OrderingQuestion = QuestionBase & {
  type: "ordering";
  /** In display order, which is never the answer. */
  items: SourcedItem[];
  /** Item ids from first to last. */
  key: { order: string[] };
};

export type Question =
  | SingleChoiceQuestion
  | MultipleChoiceQuestion
  | TrueFalseQuestion
  | YearAnswerQuestion
  | ClozeQuestion
  | MatchingQuestion
  | OrderingQuestion;

export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

// --- What the learner sees --------------------------------------------------------------------

type ViewBase = {
  id: string;
  locale: Locale;
  topic: string;
  stem: string;
  instruction: string;
};

export type SingleChoiceView = ViewBase & { type: "single-choice"; options: Item[] };
export type MultipleChoiceView = ViewBase & { type: "multiple-choice"; options: Item[] };
export type TrueFalseView = ViewBase & { type: "true-false" };
export type YearAnswerView = ViewBase & { type: "year-answer" };
export type ClozeView = ViewBase & { type: "cloze"; before: string; after: string };
export type MatchingView = ViewBase & { type: "matching"; prompts: Item[]; options: Item[] };
export type OrderingView = ViewBase & { type: "ordering"; items: Item[] };

/** A question without its key, explanation, facts or option values: safe to send to a browser. */
export type QuestionView =
  SingleChoiceView | MultipleChoiceView | TrueFalseView | YearAnswerView | ClozeView | MatchingView | OrderingView;
