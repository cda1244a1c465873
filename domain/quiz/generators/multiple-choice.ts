import { choiceDifficulty } from "../difficulty";
import { MAX_LIST_MEMBERS, MAX_LIST_OPTIONS, MIN_LIST_DISTRACTORS, MIN_LIST_MEMBERS } from "../groups";
import type { FactEntry, ListEntry } from "../module-index";
import { sample, shuffle } from "../random";
import type { MultipleChoiceQuestion, Option } from "../types";
import { itemId, makeQuestion, questionRng, type GeneratorContext } from "./common";

/**
 * "Select all that apply" on a list: `members` (two to four member facts) are the right
 * options, beside non-members of the list (its vetted distractors, else non-members of its
 * kinds). Every member of the list is true, so no other member may be offered as wrong, and
 * none is: wrong options come only from outside the list.
 */
export function makeMultipleChoice(
  ctx: GeneratorContext,
  list: ListEntry,
  members: readonly FactEntry[],
): MultipleChoiceQuestion | undefined {
  if (members.length < MIN_LIST_MEMBERS || members.length > MAX_LIST_MEMBERS) return undefined;
  const wrongCount = Math.min(list.distractors.length, MAX_LIST_OPTIONS - members.length);
  if (wrongCount < MIN_LIST_DISTRACTORS) return undefined;
  const rng = questionRng(
    ctx,
    "multiple-choice",
    members.map((m) => m.fact.id),
    list.list.id,
  );
  const wrong = sample(rng, list.distractors, wrongCount);
  // Positions 0..k-1 of `sources` are the right ones; the shuffle decides where each is shown.
  const sources = [...members.map((m) => ({ text: m.answerText, value: m.fact.value })), ...wrong];
  const order = shuffle(
    rng,
    sources.map((_, i) => i),
  );
  const options: Option[] = order.map((source, position) => {
    const { text, value } = sources[source] as { text: string; value: Option["value"] };
    return { id: itemId(position), text, value };
  });
  const optionIds = order.flatMap((source, position) => (source < members.length ? [itemId(position)] : []));
  const { locale } = ctx.index;
  const separator = locale === "fr" ? " : " : ": ";
  return makeQuestion(
    ctx,
    "multiple-choice",
    members,
    {
      list: list.list.id,
      stem: list.list.question[locale],
      explanation: `${list.list.label[locale]}${separator}${list.memberNames.join(", ")}.`,
      difficulty: choiceDifficulty(
        "multiple-choice",
        wrong.map((d) => d.near),
        options.length,
      ),
      options,
      key: { optionIds },
    },
    list.list.id,
  );
}
