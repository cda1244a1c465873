import { choiceDifficulty } from "../difficulty";
import type { Candidate, FactEntry } from "../module-index";
import { randomInt, sample } from "../random";
import type { Option, SingleChoiceQuestion } from "../types";
import { itemId, makeQuestion, questionRng, type GeneratorContext } from "./common";

/** Wrong options beside the key: four options in all, the usual MCQ (Kilgour and Tayyaba: 3–4 keep reliability). */
export const SINGLE_CHOICE_DISTRACTORS = 3;

export function canMakeSingleChoice(entry: FactEntry): boolean {
  return (
    !entry.questionLeaks && entry.fact.question !== undefined && entry.distractors.length >= SINGLE_CHOICE_DISTRACTORS
  );
}

/**
 * The fact's question with its value and three wrong values of the same type, shuffled. The
 * distractors come from the fact's pool, which holds nothing true and nothing that reads like
 * the answer, so exactly one option is right.
 */
export function makeSingleChoice(ctx: GeneratorContext, entry: FactEntry): SingleChoiceQuestion | undefined {
  if (!canMakeSingleChoice(entry)) return undefined;
  const rng = questionRng(ctx, "single-choice", [entry.fact.id]);
  // Distractors in random order, the key at a random place among them: a uniform shuffle.
  const wrong = sample(rng, entry.distractors, SINGLE_CHOICE_DISTRACTORS);
  const keyPosition = randomInt(rng, wrong.length + 1);
  const options: Option[] = [];
  for (let i = 0, w = 0; i <= wrong.length; i++) {
    const source = i === keyPosition ? { text: entry.answerText, value: entry.fact.value } : (wrong[w++] as Candidate);
    options.push({ id: itemId(i), text: source.text, value: source.value });
  }
  const keyId = itemId(keyPosition);
  return makeQuestion(ctx, "single-choice", [entry], {
    stem: entry.fact.question?.[ctx.index.locale] as string,
    explanation: entry.explanation,
    difficulty: choiceDifficulty(
      "single-choice",
      wrong.map((d) => d.near),
      options.length,
    ),
    options,
    key: { optionId: keyId },
  });
}
