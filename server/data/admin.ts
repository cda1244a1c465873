import "server-only";
import { z } from "zod";
import { plainText } from "@/domain/text/plain-text";
import { assertRole, type Viewer } from "@/server/auth/viewer";
import { ROLES, type Role } from "@/server/auth/roles";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";

export const USERS_PAGE_SIZE = 50;

export type UserRow = { id: string; name: string; email: string; role: Role; createdAt: Date };
export type RoleChangeRow = { id: string; user: string; changedBy: string; fromRole: Role; toRole: Role; at: Date };

/** Admins only: users matching `search` (name or email), a page at a time, and the latest role changes. */
export async function listUsersForAdmin(
  viewer: Viewer | null,
  options: { search?: string; page?: number },
): Promise<{ users: UserRow[]; total: number; changes: RoleChangeRow[] }> {
  assertRole(viewer, ["admin"]);
  const search = options.search?.trim().slice(0, 100);
  const where = search
    ? { OR: [{ name: { contains: search, mode: "insensitive" as const } }, { email: { contains: search, mode: "insensitive" as const } }] }
    : {};
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const db = getDb();
  const [users, total, changes] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { email: "asc" }],
      skip: (page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, name: true, email: true, role: true, createdAt: true },
    }),
    db.user.count({ where }),
    db.roleChange.findMany({
      orderBy: { createdAt: "desc" },
      take: 20,
      select: {
        id: true,
        fromRole: true,
        toRole: true,
        createdAt: true,
        user: { select: { email: true } },
        changedBy: { select: { email: true } },
      },
    }),
  ]);
  return {
    users,
    total,
    changes: changes.map((change) => ({
      id: change.id,
      user: change.user.email,
      changedBy: change.changedBy.email,
      fromRole: change.fromRole,
      toRole: change.toRole,
      at: change.createdAt,
    })),
  };
}

export const ChangeRoleSchema = z.object({
  userId: plainText().min(1).max(64),
  role: z.enum(ROLES, { error: "roleInvalid" }),
});
export type ChangeRoleInput = z.infer<typeof ChangeRoleSchema>;

/**
 * Admins only: sets a user's role and records who changed it, from what, and when, in one
 * transaction. An admin cannot change their own role (so the last admin cannot lock everyone out).
 */
export async function changeRole(viewer: Viewer | null, input: ChangeRoleInput, now = new Date()): Promise<{ changed: boolean }> {
  assertRole(viewer, ["admin"]);
  if (input.userId === viewer.id) throw new AppError("CONFLICT", { messageKey: "cannotChangeOwnRole" });
  return getDb().$transaction(async (tx) => {
    const [target] = await tx.$queryRaw<{ role: Role }[]>`SELECT role::text AS role FROM "User" WHERE id = ${input.userId} FOR UPDATE`;
    if (!target) throw new AppError("NOT_FOUND", { messageKey: "userNotFound" });
    if (target.role === input.role) return { changed: false };
    await tx.user.update({ where: { id: input.userId }, data: { role: input.role } });
    await tx.roleChange.create({
      data: { userId: input.userId, changedById: viewer.id, fromRole: target.role, toRole: input.role, createdAt: now },
    });
    return { changed: true };
  });
}
