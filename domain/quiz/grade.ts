import { AnswerSchema, type Answer, type AnswerOf } from "./answer";
import { normalizeAnswer } from "./normalize";
import type {
  ClozeQuestion,
  MatchingQuestion,
  MultipleChoiceQuestion,
  OrderingQuestion,
  Question,
  SingleChoiceQuestion,
  TrueFalseQuestion,
  YearAnswerQuestion,
} from "./types";

/**
 * The mark for one answer: `score` in [0, 1], `correct` only for full marks. An answer that does
 * not fit the question (wrong shape, unknown option id, an id given twice) is `ok: false` with
 * a reason, and scores 0: it is a client error, not a wrong answer.
 */
export type Grade =
  { ok: true; score: number; correct: boolean } | { ok: false; score: 0; correct: false; reason: string };

type Marked = Grade | number;

function invalid(reason: string): Grade {
  return { ok: false, score: 0, correct: false, reason };
}

// Floating-point sums of fractions (1/3 + 1/3 + 1/3) must still count as full marks.
const EPSILON = 1e-9;

function mark(score: number): Grade {
  const clamped = Math.min(1, Math.max(0, score));
  const full = clamped > 1 - EPSILON;
  return { ok: true, score: full ? 1 : clamped, correct: full };
}

function unknownIds(ids: readonly string[], known: ReadonlySet<string>, noun: string): string | undefined {
  const unknown = ids.filter((id) => !known.has(id));
  return unknown.length > 0 ? `unknown ${noun} id(s): ${unknown.join(", ")}` : undefined;
}

function duplicateIds(ids: readonly string[]): string | undefined {
  const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
  return dup.length > 0 ? `option id(s) given more than once: ${[...new Set(dup)].join(", ")}` : undefined;
}

function gradeSingleChoice(q: SingleChoiceQuestion, a: AnswerOf<"single-choice">): Marked {
  const problem = unknownIds([a.optionId], new Set(q.options.map((o) => o.id)), "option");
  if (problem) return invalid(problem);
  return a.optionId === q.key.optionId ? 1 : 0;
}

/**
 * Right minus wrong, each side normalised: score = max(0, hits / |right| − false picks / |wrong|).
 * Ticking everything scores 0, as does ticking nothing; the key alone scores 1; any other
 * selection misses a right option or ticks a wrong one, so scores less. The same as Moodle's
 * multichoice with fractions +1/|right| and −1/|wrong|, so exports grade alike.
 */
function gradeMultipleChoice(q: MultipleChoiceQuestion, a: AnswerOf<"multiple-choice">): Marked {
  const problem = unknownIds(a.optionIds, new Set(q.options.map((o) => o.id)), "option") ?? duplicateIds(a.optionIds);
  if (problem) return invalid(problem);
  const right = new Set(q.key.optionIds);
  const wrongTotal = q.options.length - right.size;
  const hits = a.optionIds.filter((id) => right.has(id)).length;
  const falsePicks = a.optionIds.length - hits;
  return hits / right.size - (wrongTotal > 0 ? falsePicks / wrongTotal : 0);
}

function gradeTrueFalse(q: TrueFalseQuestion, a: AnswerOf<"true-false">): Marked {
  return a.value === q.key.value ? 1 : 0;
}

const YEAR = /\d+/g;

/**
 * The typed text must hold exactly one number, read as a year ("2013", "en 2013", "avril 2013"
 * all count); within `tolerance` years of the key it earns the mark. No number, or several
 * ("2012 ou 2013"), is a wrong answer: hedging earns nothing.
 */
function gradeYearAnswer(q: YearAnswerQuestion, a: AnswerOf<"year-answer">): Marked {
  const numbers = a.text.match(YEAR) ?? [];
  if (numbers.length !== 1) return 0;
  return Math.abs(Number(numbers[0]) - q.key.year) <= q.key.tolerance ? 1 : 0;
}

/** Compared after normalisation (case, accents, apostrophes, spaces, leading articles). */
function gradeCloze(q: ClozeQuestion, a: AnswerOf<"cloze">): Marked {
  const typed = normalizeAnswer(a.text);
  if (typed === "") return 0;
  return q.key.accepted.some((spelling) => normalizeAnswer(spelling) === typed) ? 1 : 0;
}

/** One point per prompt matched right, over the number of prompts (as Moodle's matching). */
function gradeMatching(q: MatchingQuestion, a: AnswerOf<"matching">): Marked {
  const promptIds = Object.keys(a.pairs);
  const problem =
    unknownIds(promptIds, new Set(q.prompts.map((p) => p.id)), "prompt") ??
    unknownIds(Object.values(a.pairs), new Set(q.options.map((o) => o.id)), "option");
  if (problem) return invalid(problem);
  const right = promptIds.filter((p) => q.key.pairs[p] === a.pairs[p]).length;
  return right / q.prompts.length;
}

/**
 * Pairs in the right relative order, over all pairs (Kendall's concordance): each of the
 * n(n−1)/2 pairs of items scores when the earlier event is placed first. Swapping two
 * neighbours costs one pair; the reverse order scores 0. Moodle's ordering question grades the
 * same with "relative to all the previous and next items", which the exports select.
 */
function gradeOrdering(q: OrderingQuestion, a: AnswerOf<"ordering">): Marked {
  const problem = unknownIds(a.optionIds, new Set(q.items.map((i) => i.id)), "item") ?? duplicateIds(a.optionIds);
  if (problem) return invalid(problem);
  if (a.optionIds.length !== q.items.length)
    return invalid(`order all ${q.items.length} items; got ${a.optionIds.length}`);
  const rank = new Map(q.key.order.map((id, i) => [id, i]));
  const placed = a.optionIds.map((id) => rank.get(id) as number);
  let concordant = 0;
  for (let i = 0; i < placed.length; i++) {
    for (let j = i + 1; j < placed.length; j++) if ((placed[i] as number) < (placed[j] as number)) concordant++;
  }
  return concordant / ((placed.length * (placed.length - 1)) / 2);
}

function gradeParsed(question: Question, answer: Answer): Marked {
  if (answer.type !== question.type)
    return invalid(`a ${answer.type} answer cannot answer a ${question.type} question`);
  switch (question.type) {
    case "single-choice":
      return gradeSingleChoice(question, answer as AnswerOf<"single-choice">);
    case "multiple-choice":
      return gradeMultipleChoice(question, answer as AnswerOf<"multiple-choice">);
    case "true-false":
      return gradeTrueFalse(question, answer as AnswerOf<"true-false">);
    case "year-answer":
      return gradeYearAnswer(question, answer as AnswerOf<"year-answer">);
    case "cloze":
      return gradeCloze(question, answer as AnswerOf<"cloze">);
    case "matching":
      return gradeMatching(question, answer as AnswerOf<"matching">);
    case "ordering":
      return gradeOrdering(question, answer as AnswerOf<"ordering">);
  }
}

/**
 * Grades an answer to a question. Pure and idempotent: the same question and answer always give
 * the same grade, and the question's own key (`answerKey`) always gives full marks. Accepts
 * unknown input (a request body) and validates it: a malformed answer is an invalid grade,
 * never an exception.
 */
export function gradeAnswer(question: Question, answer: unknown): Grade {
  const parsed = AnswerSchema.safeParse(answer);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? `${first.path.map(String).join(".")}: ` : "";
    return invalid(`malformed answer: ${where}${first?.message ?? "invalid"}`);
  }
  const result = gradeParsed(question, parsed.data);
  return typeof result === "number" ? mark(result) : result;
}

/** The answer that earns full marks: what "show the answer" displays and what tests grade. */
export function answerKey(question: Question): Answer {
  switch (question.type) {
    case "single-choice":
      return { type: "single-choice", optionId: question.key.optionId };
    case "multiple-choice":
      return { type: "multiple-choice", optionIds: [...question.key.optionIds] };
    case "true-false":
      return { type: "true-false", value: question.key.value };
    case "year-answer":
      return { type: "year-answer", text: String(question.key.year) };
    case "cloze":
      return { type: "cloze", text: question.key.answer };
    case "matching":
      return { type: "matching", pairs: { ...question.key.pairs } };
    case "ordering":
      return { type: "ordering", optionIds: [...question.key.order] };
  }
}
