"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AssignmentFormSchema } from "@/domain/teach";
import { createAssignment as createAssignmentData, openAssignment as openAssignmentData, updateAssignment as updateAssignmentData } from "@/server/data/assignments";
import { defineAction } from "./define-action";

const TEACHING = ["instructor", "admin"] as const;

const CreateSchema = z.object({ classId: z.uuid(), module: z.string().min(1).max(64) }).and(AssignmentFormSchema);
const UpdateSchema = z.object({ assignmentId: z.uuid(), module: z.string().min(1).max(64) }).and(AssignmentFormSchema);

export const createAssignment = defineAction({ name: "createAssignment", schema: CreateSchema, auth: "required", roles: TEACHING }, async ({ input, viewer }) => {
  const { classId, module: moduleSlug, ...settings } = input;
  await createAssignmentData(viewer, { classId, module: moduleSlug, settings });
  redirect(`/teach/classes/${classId}`);
});

export const updateAssignment = defineAction({ name: "updateAssignment", schema: UpdateSchema, auth: "required", roles: TEACHING }, async ({ input, viewer }) => {
  const { assignmentId, module: moduleSlug, ...settings } = input;
  await updateAssignmentData(viewer, { assignmentId, module: moduleSlug, settings });
  return { saved: true };
});

/** Starts or resumes the viewer's attempt at an assignment, then opens it. */
export const openAssignment = defineAction(
  { name: "openAssignment", schema: z.object({ assignmentId: z.string().max(64) }), auth: "required" },
  async ({ input, viewer }) => {
    const { attemptId } = await openAssignmentData(viewer, input.assignmentId);
    redirect(`/attempts/${attemptId}`);
  },
);
