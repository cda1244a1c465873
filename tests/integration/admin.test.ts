import { afterAll, beforeEach, describe, expect, test } from "vitest";
import type { Viewer } from "@/server/auth/viewer";
import { ChangeRoleSchema, changeRole, listUsersForAdmin } from "@/server/data/admin";
import { disconnectDb, getDb } from "@/server/db/client";

const people: Record<string, Viewer> = {};

beforeEach(async () => {
  for (const [id, role] of [["ada", "admin"], ["ines", "instructor"], ["leo", "learner"], ["mia", "learner"]] as const) {
    await getDb().user.create({ data: { id, name: id, email: `${id}@example.org`, role } });
    people[id] = { id, name: id, email: `${id}@example.org`, role };
  }
});

afterAll(async () => {
  await disconnectDb();
});

describe("role changes", () => {
  test("an admin promotes a learner; the change is recorded with who, whose, from, to and when", async () => {
    const at = new Date("2026-11-24T10:00:00Z");
    expect(await changeRole(people.ada!, { userId: "leo", role: "instructor" }, at)).toEqual({ changed: true });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: "leo" } })).role).toBe("instructor");
    expect(await getDb().roleChange.findMany({ select: { userId: true, changedById: true, fromRole: true, toRole: true, createdAt: true } })).toEqual([
      { userId: "leo", changedById: "ada", fromRole: "learner", toRole: "instructor", createdAt: at },
    ]);
    // Setting the same role again records nothing.
    expect(await changeRole(people.ada!, { userId: "leo", role: "instructor" })).toEqual({ changed: false });
    expect(await getDb().roleChange.count()).toBe(1);
  });

  test.each([
    ["anonymous", null, "UNAUTHENTICATED"],
    ["a learner", "mia", "FORBIDDEN"],
    ["an instructor", "ines", "FORBIDDEN"],
  ])("%s cannot change roles, and nothing is written", async (_label, who, code) => {
    const viewer = who ? people[who]! : null;
    await expect(changeRole(viewer, { userId: "leo", role: "admin" })).rejects.toMatchObject({ code });
    await expect(listUsersForAdmin(viewer, {})).rejects.toMatchObject({ code });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: "leo" } })).role).toBe("learner");
    expect(await getDb().roleChange.count()).toBe(0);
  });

  test("an admin cannot change their own role, nor an unknown user's", async () => {
    await expect(changeRole(people.ada!, { userId: "ada", role: "learner" })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "cannotChangeOwnRole" });
    await expect(changeRole(people.ada!, { userId: "nobody", role: "learner" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getDb().roleChange.count()).toBe(0);
  });

  test("an unknown role is refused by the schema", () => {
    expect(ChangeRoleSchema.safeParse({ userId: "leo", role: "superuser" }).success).toBe(false);
  });

  test("the admin list searches names and emails, case-insensitively", async () => {
    const { users, total } = await listUsersForAdmin(people.ada!, { search: "INES" });
    expect(total).toBe(1);
    expect(users.map((u) => u.email)).toEqual(["ines@example.org"]);
  });
});
