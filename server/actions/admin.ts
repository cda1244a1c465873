"use server";
import { revalidatePath } from "next/cache";
import { ChangeRoleSchema, changeRole as changeRoleData } from "@/server/data/admin";
import { defineAction } from "./define-action";

export const changeRole = defineAction(
  { name: "changeRole", schema: ChangeRoleSchema, auth: "required", roles: ["admin"] },
  async ({ input, viewer }) => {
    const result = await changeRoleData(viewer, input);
    revalidatePath("/admin/users");
    return result;
  },
);
