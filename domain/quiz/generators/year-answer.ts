import { yearDifficulty } from "../difficulty";
import type { FactEntry } from "../module-index";
import type { YearAnswerQuestion } from "../types";
import { makeQuestion, type GeneratorContext } from "./common";

export function canMakeYearAnswer(entry: FactEntry): boolean {
  return entry.year !== undefined && entry.fact.question !== undefined;
}

/**
 * The fact's question, answered by typing a year. Only the year is asked, even of a fact dated
 * to the day: a year reads the same in every language, and typed full dates would need a date
 * parser per locale for little gain. `tolerance` (years either side) is 0 unless set.
 */
export function makeYearAnswer(ctx: GeneratorContext, entry: FactEntry, tolerance = 0): YearAnswerQuestion | undefined {
  if (!canMakeYearAnswer(entry)) return undefined;
  return makeQuestion(
    ctx,
    "year-answer",
    [entry],
    {
      stem: entry.fact.question?.[ctx.index.locale] as string,
      explanation: entry.explanation,
      difficulty: yearDifficulty(tolerance),
      key: { year: entry.year as number, tolerance },
    },
    tolerance > 0 ? `tolerance-${tolerance}` : "",
  );
}
