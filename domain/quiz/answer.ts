import { z } from "zod";
import { plainText } from "@/domain/text/plain-text";

/**
 * A learner's answer, as it arrives from the browser: it names options by their ids, never by
 * their text. Validated with zod before grading; the checks that need the question (do these
 * ids exist in it?) are made by `gradeAnswer`.
 */
const ItemIdSchema = plainText().min(1).max(16);
// Far above any question's size; only there to bound what an attacker can make us parse.
const MAX_ITEMS = 32;
const MAX_TEXT = 500;

export const AnswerSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("single-choice"), optionId: ItemIdSchema }),
  z.strictObject({ type: z.literal("multiple-choice"), optionIds: z.array(ItemIdSchema).max(MAX_ITEMS) }),
  z.strictObject({ type: z.literal("true-false"), value: z.boolean() }),
  z.strictObject({ type: z.literal("year-answer"), text: plainText().max(MAX_TEXT) }),
  z.strictObject({ type: z.literal("cloze"), text: plainText().max(MAX_TEXT) }),
  z.strictObject({
    type: z.literal("matching"),
    /** Prompt id → option id; prompts left out count as unanswered. */
    pairs: z.record(ItemIdSchema, ItemIdSchema),
  }),
  z.strictObject({ type: z.literal("ordering"), optionIds: z.array(ItemIdSchema).max(MAX_ITEMS) }),
]);
export type Answer = z.infer<typeof AnswerSchema>;
export type AnswerOf<T extends Answer["type"]> = Extract<Answer, { type: T }>;
