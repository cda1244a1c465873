/**
 * A start-up problem the person running Entente can fix. The launcher prints its message as one
 * line, without a stack trace.
 */
export class SetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SetupError";
  }
}

type PgLikeError = { code?: string; message?: string };

/** Turns a connection failure into one line naming the host and saying what to do. */
export function describeConnectionError(url: string, error: unknown): string {
  const { host } = parseDatabaseUrl(url);
  const { code, message } = (error ?? {}) as PgLikeError;
  switch (code) {
    case "ECONNREFUSED":
      return `Cannot reach PostgreSQL at ${host}: connection refused. Start that server or correct DATABASE_URL.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `Cannot reach PostgreSQL at ${host}: the host name does not resolve. Correct DATABASE_URL.`;
    case "ETIMEDOUT":
      return `Cannot reach PostgreSQL at ${host}: the connection timed out. Check the host, port and firewall in DATABASE_URL.`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${host} refused the user name or password in DATABASE_URL. Correct the credentials.`;
    case "3D000":
      return `PostgreSQL at ${host} has no database named "${parseDatabaseUrl(url).database}". Create it or correct DATABASE_URL.`;
    default:
      return `Cannot use PostgreSQL at ${host}: ${message ?? String(error)}. Check DATABASE_URL.`;
  }
}

/** Host, port and database of a connection string, without the password, for messages. */
export function parseDatabaseUrl(url: string): { host: string; database: string } {
  try {
    const parsed = new URL(url);
    const host = `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`;
    return { host, database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) };
  } catch {
    throw new SetupError(
      "DATABASE_URL is not a valid connection string. Use postgresql://user:password@host:5432/database.",
    );
  }
}
