import { z } from "zod";
import { AnswerSchema } from "@/domain/quiz";
import { getCurrentLocale } from "@/i18n/current-locale";
import { saveAnswer } from "@/server/data/attempts";
import { AppError } from "@/server/errors";
import { defineJsonRoute } from "@/server/http/json-route";

const BodySchema = z.strictObject({ answer: AnswerSchema });

/** Autosave of one answer: PUT is idempotent, so the browser can retry it safely. */
export const PUT = defineJsonRoute<typeof BodySchema, { attemptId: string; position: string }, { savedAt: string }>(
  { name: "saveAnswer", schema: BodySchema },
  async ({ input, params, viewer }) => {
    const position = Number(params.position);
    if (!Number.isInteger(position) || position < 0) throw new AppError("INVALID", { messageKey: "questionOutOfRange" });
    const { savedAt } = await saveAnswer(viewer, {
      attemptId: params.attemptId,
      position,
      answer: input.answer,
      locale: await getCurrentLocale(),
    });
    return { savedAt: savedAt.toISOString() };
  },
);
