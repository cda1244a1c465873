import "server-only";
import { createPool } from "./pool";
import { createPrismaClient, type Database } from "./prisma";
import type pg from "pg";

type Connection = { pool: pg.Pool; db: Database };

// One client for the whole app. Kept on globalThis so that `next dev` reloads reuse it.
const globalForDb = globalThis as typeof globalThis & { __ententeDb?: Connection };

function connect(): Connection {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set. Start Entente with `npm start` or `npm run dev`.");
  }
  const pool = createPool(url);
  return { pool, db: createPrismaClient(pool) };
}

function connection(): Connection {
  globalForDb.__ententeDb ??= connect();
  return globalForDb.__ententeDb;
}

export function getDb(): Database {
  return connection().db;
}

export function getPool(): pg.Pool {
  return connection().pool;
}

/** Closes the app's connections; the next getDb() opens new ones from the current DATABASE_URL. */
export async function disconnectDb(): Promise<void> {
  const current = globalForDb.__ententeDb;
  globalForDb.__ententeDb = undefined;
  if (current) {
    await current.db.$disconnect();
    await current.pool.end().catch(() => undefined);
  }
}
