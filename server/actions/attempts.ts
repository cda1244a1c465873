"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import {
  StartAttemptSchema,
  startAttempt as startAttemptData,
  startReview as startReviewData,
  submitAttempt as submitAttemptData,
} from "@/server/data/attempts";
import { getTimeZone } from "@/server/preferences/time-zone";
import { defineAction } from "./define-action";

/** From the quiz settings form: starts a practice attempt and opens it. */
export const startPractice = defineAction(
  { name: "startPractice", schema: StartAttemptSchema, auth: "required" },
  async ({ input, viewer }) => {
    const { id } = await startAttemptData(viewer, input);
    redirect(`/attempts/${id}`);
  },
);

const SubmitSchema = z.object({ attemptId: z.string().max(64) });

/** Idempotent: a second submit of the same attempt lands on the same results. */
export const submitAttempt = defineAction({ name: "submitAttempt", schema: SubmitSchema, auth: "required" }, async ({ input, viewer }) => {
  const { id } = await submitAttemptData(viewer, input.attemptId);
  redirect(`/attempts/${id}/results`);
});

const ReviewSchema = z.object({ module: z.string().min(1).max(64) });

/** "Review now": today's due facts first, then the weakest. */
export const startReviewSession = defineAction({ name: "startReview", schema: ReviewSchema, auth: "required" }, async ({ input, viewer }) => {
  const { id } = await startReviewData(viewer, input.module, await getTimeZone());
  redirect(`/attempts/${id}`);
});
