"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { StartAttemptSchema, startAttempt as startAttemptData, submitAttempt as submitAttemptData } from "@/server/data/attempts";
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
