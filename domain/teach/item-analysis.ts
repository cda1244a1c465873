import { AnswerSchema, type Question, type QuestionType } from "@/domain/quiz";

/**
 * Item statistics with Moodle's definitions (question/classes/statistics/questions/
 * calculator.php; docs/decisions/0008). Every question is worth one mark and scores in [0, 1],
 * so an attempt's total is the sum of its item scores. All statistics are percentages, as
 * Moodle shows them: facility and SD in 0–100, discrimination in −100–100, option shares in 0–100.
 */

/** One saved answer, as `Response` rows come out of the database; a position without a row was left blank. */
export type AnalysisResponse = {
  /** 0-based, as stored. */
  position: number;
  /** The stored JSON; validated here, so a malformed answer only counts as choosing nothing. */
  answer: unknown;
  /** The graded score in [0, 1]; null (not graded) counts as 0, as an unanswered question does. */
  score: number | null;
};

/** A FINISHED attempt. `attemptNumber` orders one learner's attempts (1 = first started). */
/** What the per-fact analysis reads of a question. */
export type FactQuestion = Pick<Question, "id" | "factIds" | "topic" | "type">;

export type AnalysisAttempt = {
  userId: string;
  attemptNumber: number;
  responses: readonly AnalysisResponse[];
};

/** Which attempts count: each learner's first (Moodle's default) or last, or every attempt as its own observation. */
export type AttemptSelection = "first" | "last" | "all";

export type OptionStats = {
  id: string;
  text: string;
  isKey: boolean;
  /** Respondents who chose (or, for multiple choice, ticked) this option. */
  count: number;
  /** `count` over all respondents, blanks included; null when there are none. */
  share: number | null;
  /** A distractor that fewer than `RARE_OPTION_SHARE` % of respondents chose: a candidate to replace. */
  rarelyChosen: boolean;
};

export type ItemStats = {
  /** 0-based, as stored; show position + 1. */
  position: number;
  questionId: string;
  type: QuestionType;
  stem: string;
  topic: string;
  factIds: string[];
  /** Attempts analysed (respondents), blanks included. */
  n: number;
  /** Of those, how many saved an answer to this question. */
  answered: number;
  /** 100 × mean item score; null when n = 0. */
  facility: number | null;
  /** 100 × sample standard deviation (n − 1) of the item score; null when n < 2. */
  sd: number | null;
  /** 100 × Pearson correlation of the item score with the rest of the test; null when n < 2 or either variance is 0. */
  discrimination: number | null;
  /** Single and multiple choice only, in the question's option order. */
  options?: OptionStats[];
};

export type ItemAnalysis = {
  /** Attempts analysed after the selection. */
  n: number;
  items: ItemStats[];
};

export const RARE_OPTION_SHARE = 5;
// Variances below this are rounding noise: an item everyone scored 1/3 on has no spread.
const ZERO_VARIANCE = 1e-12;

/** Each learner's first or last attempt (ties: the earlier in input order), or all of them, in input order. */
export function selectAttempts<T extends Pick<AnalysisAttempt, "userId" | "attemptNumber">>(
  attempts: readonly T[],
  include: AttemptSelection,
): T[] {
  if (include === "all") return [...attempts];
  const chosen = new Map<string, T>();
  for (const attempt of attempts) {
    const current = chosen.get(attempt.userId);
    const better =
      current === undefined ||
      (include === "first"
        ? attempt.attemptNumber < current.attemptNumber
        : attempt.attemptNumber > current.attemptNumber);
    if (better) chosen.set(attempt.userId, attempt);
  }
  return attempts.filter((attempt) => chosen.get(attempt.userId) === attempt);
}

function clampScore(score: number | null): number {
  if (score === null || !Number.isFinite(score)) return 0;
  return Math.min(1, Math.max(0, score));
}

/** Item scores of an attempt by position (blanks 0), and which positions have a saved answer. */
function scoresOf(attempt: AnalysisAttempt, size: number): { scores: number[]; answers: (unknown | undefined)[] } {
  const scores = new Array<number>(size).fill(0);
  const answers = new Array<unknown>(size).fill(undefined);
  for (const response of attempt.responses) {
    if (!Number.isInteger(response.position) || response.position < 0 || response.position >= size) continue;
    scores[response.position] = clampScore(response.score);
    answers[response.position] = response.answer;
  }
  return { scores, answers };
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Sample covariance (divided by n − 1), as Moodle computes every second moment. */
function covariance(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += (xs[i]! - mx) * (ys[i]! - my);
  return sum / (xs.length - 1);
}

/**
 * Moodle's discrimination index: 100 · cov(item, rest) / √(var(item) · var(rest)), where rest
 * is the attempt's total without this item; null below two respondents or when either
 * variance is 0 (everyone scored the same on the item, or on the rest).
 */
export function discriminationIndex(item: readonly number[], rest: readonly number[]): number | null {
  if (item.length < 2 || item.length !== rest.length) return null;
  const itemVariance = covariance(item, item);
  const restVariance = covariance(rest, rest);
  if (itemVariance < ZERO_VARIANCE || restVariance < ZERO_VARIANCE) return null;
  const r = covariance(item, rest) / Math.sqrt(itemVariance * restVariance);
  return 100 * Math.min(1, Math.max(-1, r));
}

function chosenOptionIds(question: Question, answer: unknown): Set<string> {
  if (answer === undefined || answer === null) return new Set();
  const parsed = AnswerSchema.safeParse(answer);
  if (!parsed.success) return new Set();
  if (question.type === "single-choice" && parsed.data.type === "single-choice") return new Set([parsed.data.optionId]);
  if (question.type === "multiple-choice" && parsed.data.type === "multiple-choice")
    return new Set(parsed.data.optionIds);
  return new Set();
}

function optionStats(question: Question, answers: readonly unknown[]): OptionStats[] | undefined {
  if (question.type !== "single-choice" && question.type !== "multiple-choice") return undefined;
  const keys = new Set(question.type === "single-choice" ? [question.key.optionId] : question.key.optionIds);
  const counts = new Map(question.options.map((option) => [option.id, 0]));
  for (const answer of answers) {
    for (const id of chosenOptionIds(question, answer)) if (counts.has(id)) counts.set(id, counts.get(id)! + 1);
  }
  const n = answers.length;
  return question.options.map((option) => {
    const count = counts.get(option.id)!;
    const share = n === 0 ? null : (100 * count) / n;
    const isKey = keys.has(option.id);
    return {
      id: option.id,
      text: option.text,
      isKey,
      count,
      share,
      rarelyChosen: !isKey && share !== null && share < RARE_OPTION_SHARE,
    };
  });
}

/**
 * Item analysis of an assignment whose learners all got the same questions, position by
 * position. `questions` are the frozen questions with their keys (in the language to show);
 * `attempts` are finished attempts at those questions, one row each as a single query can
 * return them (responses aggregated as JSON); `include` picks each learner's first attempt
 * unless told otherwise. Promises, per item: n is the number of attempts selected; facility =
 * 100 · mean score (100 when everyone has full marks); sd = 100 · sample SD (null for n < 2);
 * discrimination as `discriminationIndex`, against the sum of the attempt's other item scores;
 * option counts for single and multiple choice, with `rarelyChosen` on distractors under 5 %.
 * Responses at positions the questions do not have are ignored.
 */
export function itemAnalysis({
  questions,
  attempts,
  include = "first",
}: {
  questions: readonly Question[];
  attempts: readonly AnalysisAttempt[];
  include?: AttemptSelection;
}): ItemAnalysis {
  const selected = selectAttempts(attempts, include).map((attempt) => scoresOf(attempt, questions.length));
  const totals = selected.map(({ scores }) => scores.reduce((sum, s) => sum + s, 0));
  const n = selected.length;

  const items = questions.map((question, position): ItemStats => {
    const item = selected.map(({ scores }) => scores[position]!);
    const rest = item.map((score, i) => totals[i]! - score);
    const answers = selected.map(({ answers: saved }) => saved[position]);
    const options = optionStats(question, answers);
    return {
      position,
      questionId: question.id,
      type: question.type,
      stem: question.stem,
      topic: question.topic,
      factIds: [...question.factIds],
      n,
      answered: answers.filter((answer) => answer !== undefined).length,
      facility: n === 0 ? null : 100 * Math.min(1, Math.max(0, mean(item))),
      sd: n < 2 ? null : 100 * Math.sqrt(Math.max(0, covariance(item, item))),
      discrimination: discriminationIndex(item, rest),
      ...(options ? { options } : {}),
    };
  });
  return { n, items };
}

export type FactStats = {
  factId: string;
  topic: string;
  /** Questions on this fact across the attempts analysed. */
  n: number;
  /** 100 × mean score of those questions. */
  facility: number;
  /** The question types it was asked as (facility mixes them: a true/false is easier than a typed answer). */
  types: QuestionType[];
};

/**
 * Item analysis for per-learner draws, where position k holds a different question for each
 * learner: statistics per FACT instead, keyed by each question's first fact id (a matching or
 * ordering question counts for its first fact only). Facility only: a discrimination index
 * needs everyone to have answered the same item. Each attempt carries its own frozen
 * questions. Promises: every fact asked at least once appears once, hardest first (lowest
 * facility, then fact id); n counts questions, not learners.
 */
export function factAnalysis({
  attempts,
  include = "first",
}: {
  attempts: readonly (AnalysisAttempt & { questions: readonly FactQuestion[] })[];
  include?: AttemptSelection;
}): FactStats[] {
  const byFact = new Map<string, { topic: string; sum: number; n: number; types: Set<QuestionType> }>();
  for (const attempt of selectAttempts(attempts, include)) {
    const { scores } = scoresOf(attempt, attempt.questions.length);
    attempt.questions.forEach((question, position) => {
      const factId = question.factIds[0];
      if (factId === undefined) return;
      const entry = byFact.get(factId) ?? { topic: question.topic, sum: 0, n: 0, types: new Set<QuestionType>() };
      entry.sum += scores[position]!;
      entry.n += 1;
      entry.types.add(question.type);
      byFact.set(factId, entry);
    });
  }
  return [...byFact.entries()]
    .map(([factId, { topic, sum, n, types }]) => ({
      factId,
      topic,
      n,
      facility: Math.min(100, (100 * sum) / n),
      types: [...types].sort(),
    }))
    .sort((a, b) => a.facility - b.facility || (a.factId < b.factId ? -1 : a.factId > b.factId ? 1 : 0));
}
