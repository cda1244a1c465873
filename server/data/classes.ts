import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import { generateJoinCode, parseJoinCode } from "@/domain/teach";
import { plainText } from "@/domain/text/plain-text";
import type { Prisma } from "@/generated/prisma/client";
import { assertRole, type Viewer } from "@/server/auth/viewer";
import { getDb } from "@/server/db/client";
import { AppError } from "@/server/errors";

const TEACHING_ROLES = ["instructor", "admin"] as const;

/** The rows a viewer may teach: classes where they are one of the instructors. */
export function taughtBy(viewer: Viewer): Prisma.ClassWhereInput {
  return { instructors: { some: { userId: viewer.id } } };
}

const secureRandom = () => randomInt(0, 2 ** 32) / 2 ** 32;

export const ClassNameSchema = z.object({
  name: plainText().trim().min(1, { error: "classNameRequired" }).max(80, { error: "classNameTooLong" }),
});

/** Retries on the (rare) collision of a new join code with an existing one. */
async function withFreshJoinCode<T>(create: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      return await create(generateJoinCode(secureRandom));
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  throw new Error("could not find a free join code in 5 tries");
}

export async function createClass(viewer: Viewer | null, input: z.infer<typeof ClassNameSchema>): Promise<{ id: string }> {
  assertRole(viewer, TEACHING_ROLES);
  return withFreshJoinCode((joinCode) =>
    getDb().class.create({
      data: { name: input.name, joinCode, ownerId: viewer.id, instructors: { create: { userId: viewer.id } } },
      select: { id: true },
    }),
  );
}

/** Throws NOT_FOUND unless the viewer teaches this class (so another instructor learns nothing of it). */
async function assertTeaches(viewer: Viewer, classId: string): Promise<void> {
  const found = await getDb().class.count({ where: { id: classId, ...taughtBy(viewer) } });
  if (found === 0) throw new AppError("NOT_FOUND", { messageKey: "classNotFound" });
}

export const ClassIdSchema = z.object({ classId: z.uuid() });

export async function renameClass(viewer: Viewer | null, input: { classId: string; name: string }): Promise<void> {
  assertRole(viewer, TEACHING_ROLES);
  const { count } = await getDb().class.updateMany({ where: { id: input.classId, ...taughtBy(viewer) }, data: { name: input.name } });
  if (count === 0) throw new AppError("NOT_FOUND", { messageKey: "classNotFound" });
}

export async function setClassArchived(viewer: Viewer | null, input: { classId: string; archived: boolean }, now = new Date()): Promise<void> {
  assertRole(viewer, TEACHING_ROLES);
  const { count } = await getDb().class.updateMany({
    where: { id: input.classId, ...taughtBy(viewer) },
    data: { archivedAt: input.archived ? now : null },
  });
  if (count === 0) throw new AppError("NOT_FOUND", { messageKey: "classNotFound" });
}

/** A new join code; the old one stops working at once. */
export async function regenerateJoinCode(viewer: Viewer | null, input: { classId: string }): Promise<{ joinCode: string }> {
  assertRole(viewer, TEACHING_ROLES);
  await assertTeaches(viewer, input.classId);
  return withFreshJoinCode((joinCode) =>
    getDb().class.update({ where: { id: input.classId }, data: { joinCode }, select: { joinCode: true } }),
  );
}

export const JoinClassSchema = z.object({ code: z.string().max(32, { error: "joinCodeUnknown" }) });

/** A learner joins with a code (or the link that carries it); joining twice is harmless. */
export async function joinClass(viewer: Viewer | null, input: { code: string }, now = new Date()): Promise<{ classId: string; name: string }> {
  assertRole(viewer, ["learner", "instructor", "admin"]);
  const code = parseJoinCode(input.code);
  const found = code ? await getDb().class.findUnique({ where: { joinCode: code }, select: { id: true, name: true, archivedAt: true } }) : null;
  if (!found) throw new AppError("NOT_FOUND", { messageKey: "joinCodeUnknown" });
  if (found.archivedAt) throw new AppError("CONFLICT", { messageKey: "classArchived" });
  await getDb().enrollment.upsert({
    where: { classId_userId: { classId: found.id, userId: viewer.id } },
    create: { classId: found.id, userId: viewer.id, joinedAt: now },
    update: {},
  });
  return { classId: found.id, name: found.name };
}

export async function removeLearner(viewer: Viewer | null, input: { classId: string; userId: string }): Promise<void> {
  assertRole(viewer, TEACHING_ROLES);
  const { count } = await getDb().enrollment.deleteMany({
    where: { classId: input.classId, userId: input.userId, class: taughtBy(viewer) },
  });
  if (count === 0) throw new AppError("NOT_FOUND", { messageKey: "learnerNotInClass" });
}

/** The owner adds another instructor (who must have the instructor or admin role) by email. */
export async function addInstructor(viewer: Viewer | null, input: { classId: string; email: string }): Promise<void> {
  assertRole(viewer, TEACHING_ROLES);
  const owned = await getDb().class.count({ where: { id: input.classId, ownerId: viewer.id } });
  if (owned === 0) throw new AppError("NOT_FOUND", { messageKey: "classNotFound" });
  const user = await getDb().user.findUnique({ where: { email: input.email.trim().toLowerCase() }, select: { id: true, role: true } });
  if (!user || user.role === "learner") throw new AppError("INVALID", { messageKey: "notAnInstructor" });
  await getDb().classInstructor.upsert({
    where: { classId_userId: { classId: input.classId, userId: user.id } },
    create: { classId: input.classId, userId: user.id },
    update: {},
  });
}

export type TaughtClass = { id: string; name: string; joinCode: string; archived: boolean; isOwner: boolean; learners: number; assignments: number };

export async function listTaughtClasses(viewer: Viewer | null): Promise<TaughtClass[]> {
  assertRole(viewer, TEACHING_ROLES);
  const rows = await getDb().class.findMany({
    where: taughtBy(viewer),
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      joinCode: true,
      archivedAt: true,
      ownerId: true,
      _count: { select: { enrollments: true, assignments: { where: { archivedAt: null } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    joinCode: row.joinCode,
    archived: row.archivedAt !== null,
    isOwner: row.ownerId === viewer.id,
    learners: row._count.enrollments,
    assignments: row._count.assignments,
  }));
}

export type ClassDetail = {
  id: string;
  name: string;
  joinCode: string;
  archived: boolean;
  isOwner: boolean;
  instructors: { id: string; name: string; email: string; isOwner: boolean }[];
  learners: { id: string; name: string; email: string; joinedAt: Date }[];
  assignments: { id: string; title: string; opensAt: Date; dueAt: Date; moduleTitle: { fr: string; en: string } }[];
};

export async function getClassForInstructor(viewer: Viewer | null, classId: string): Promise<ClassDetail> {
  assertRole(viewer, TEACHING_ROLES);
  if (!z.uuid().safeParse(classId).success) throw new AppError("NOT_FOUND", { messageKey: "classNotFound" });
  const row = await getDb().class.findFirst({
    where: { id: classId, ...taughtBy(viewer) },
    select: {
      id: true,
      name: true,
      joinCode: true,
      archivedAt: true,
      ownerId: true,
      instructors: { select: { user: { select: { id: true, name: true, email: true } } } },
      enrollments: { orderBy: { user: { name: "asc" } }, select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } } },
      assignments: {
        where: { archivedAt: null },
        orderBy: { dueAt: "asc" },
        select: { id: true, title: true, opensAt: true, dueAt: true, module: { select: { titleFr: true, titleEn: true } } },
      },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", { messageKey: "classNotFound" });
  return {
    id: row.id,
    name: row.name,
    joinCode: row.joinCode,
    archived: row.archivedAt !== null,
    isOwner: row.ownerId === viewer.id,
    instructors: row.instructors.map(({ user }) => ({ ...user, isOwner: user.id === row.ownerId })),
    learners: row.enrollments.map(({ user, joinedAt }) => ({ ...user, joinedAt })),
    assignments: row.assignments.map((a) => ({ id: a.id, title: a.title, opensAt: a.opensAt, dueAt: a.dueAt, moduleTitle: { fr: a.module.titleFr, en: a.module.titleEn } })),
  };
}
