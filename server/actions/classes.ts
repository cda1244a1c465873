"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { plainText } from "@/domain/text/plain-text";
import {
  ClassNameSchema,
  JoinClassSchema,
  addInstructor as addInstructorData,
  createClass as createClassData,
  joinClass as joinClassData,
  regenerateJoinCode as regenerateJoinCodeData,
  removeLearner as removeLearnerData,
  renameClass as renameClassData,
  setClassArchived,
} from "@/server/data/classes";
import { defineAction } from "./define-action";

const TEACHING = ["instructor", "admin"] as const;
const ClassId = z.uuid();

export const createClass = defineAction({ name: "createClass", schema: ClassNameSchema, auth: "required", roles: TEACHING }, async ({ input, viewer }) => {
  const { id } = await createClassData(viewer, input);
  redirect(`/teach/classes/${id}`);
});

export const renameClass = defineAction(
  { name: "renameClass", schema: ClassNameSchema.extend({ classId: ClassId }), auth: "required", roles: TEACHING },
  async ({ input, viewer }) => {
    await renameClassData(viewer, input);
    revalidatePath(`/teach/classes/${input.classId}`);
    return { renamed: true };
  },
);

export const archiveClass = defineAction(
  { name: "archiveClass", schema: z.object({ classId: ClassId, archived: z.enum(["true", "false"]) }), auth: "required", roles: TEACHING },
  async ({ input, viewer }) => {
    await setClassArchived(viewer, { classId: input.classId, archived: input.archived === "true" });
    revalidatePath(`/teach/classes/${input.classId}`);
    revalidatePath("/teach");
    return { archived: input.archived === "true" };
  },
);

export const regenerateJoinCode = defineAction(
  { name: "regenerateJoinCode", schema: z.object({ classId: ClassId }), auth: "required", roles: TEACHING },
  async ({ input, viewer }) => {
    const result = await regenerateJoinCodeData(viewer, input);
    revalidatePath(`/teach/classes/${input.classId}`);
    return result;
  },
);

export const removeLearner = defineAction(
  { name: "removeLearner", schema: z.object({ classId: ClassId, userId: plainText().min(1).max(64) }), auth: "required", roles: TEACHING },
  async ({ input, viewer }) => {
    await removeLearnerData(viewer, input);
    revalidatePath(`/teach/classes/${input.classId}`);
    return { removed: true };
  },
);

export const addInstructor = defineAction(
  { name: "addInstructor", schema: z.object({ classId: ClassId, email: z.string().trim().toLowerCase().pipe(z.email({ error: "email" })) }), auth: "required", roles: TEACHING },
  async ({ input, viewer }) => {
    await addInstructorData(viewer, input);
    revalidatePath(`/teach/classes/${input.classId}`);
    return { added: true };
  },
);

/** A learner joins a class with its code, then lands on their home with the class's assignments. */
export const joinClass = defineAction({ name: "joinClass", schema: JoinClassSchema, auth: "required" }, async ({ input, viewer }) => {
  await joinClassData(viewer, input);
  redirect("/?joined=1");
});
