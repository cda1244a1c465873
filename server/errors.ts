/**
 * Expected failures, each with one HTTP status. Anything else thrown is a bug: it is logged
 * with its context and shown to the person as a generic message.
 */
export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** A key under `errors.` in messages/*.json for a more specific message than the code's. */
  readonly messageKey?: string;

  constructor(code: ErrorCode, options: { messageKey?: string; cause?: unknown; detail?: string } = {}) {
    super(options.detail ?? options.messageKey ?? code, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.messageKey = options.messageKey;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

// Prisma: can't reach the server, transaction wait or pool timeout; PostgreSQL: shutting down,
// cannot connect now; pg: connection lost or timed out.
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1017", "P2024", "P2028", "57P01", "57P03", "ECONNREFUSED", "ECONNRESET"]);

/** True when the error means the database is unreachable for now (the request may succeed later). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  return typeof message === "string" && /Connection terminated|connection timeout|Can't reach database server/i.test(message);
}
