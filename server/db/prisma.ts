import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";

export type Database = PrismaClient;

/** A Prisma client on a pool we own, so the pool's error listener and size stay ours. */
export function createPrismaClient(pool: pg.Pool): Database {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}
