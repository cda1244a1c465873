import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { findViewer, type Role, type Viewer } from "@/server/auth/viewer";
import { AppError, isAppError, isDatabaseUnavailable, type ErrorCode } from "@/server/errors";

export type FieldErrors = Record<string, string[]>;

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode | "UNEXPECTED"; formError?: string; fieldErrors?: FieldErrors; values?: Record<string, string> };

type Access = { auth: "public" } | { auth: "required"; roles?: readonly Role[] };

type Body<S extends z.ZodType, A extends Access, T> = (args: {
  input: z.infer<S>;
  viewer: A extends { auth: "required" } ? Viewer : Viewer | null;
}) => Promise<T>;

/** Single-valued fields as strings, repeated fields (checkboxes) as arrays. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).filter((value): value is string => typeof value === "string");
    object[key] = values.length > 1 ? values : values[0];
  }
  return object;
}

/** Text fields to give back to the form after a failure (never passwords). */
function echoValues(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => typeof value === "string" && !/password/i.test(key)),
  ) as Record<string, string>;
}

/**
 * Builds every server action the same way: read the session, check the role, validate the
 * input with zod (reporting every field at once), run the body, and turn expected failures
 * into messages in the reader's language. Unexpected errors are logged and shown generically.
 * `redirect()` and `notFound()` pass through.
 *
 * Zod messages in schemas are keys under `validation.` in messages/*.json.
 */
export function defineAction<S extends z.ZodType, A extends Access, T>(
  options: { name: string; schema: S } & A,
  body: Body<S, A, T>,
) {
  return async function action(_previous: unknown, payload: FormData | unknown): Promise<ActionResult<T>> {
    const raw = payload instanceof FormData ? formDataToObject(payload) : payload;
    const values = raw && typeof raw === "object" ? echoValues(raw as Record<string, unknown>) : undefined;
    const t = await getTranslations("errors");
    const tv = await getTranslations("validation");
    try {
      const viewer = await findViewer();
      if (options.auth === "required") {
        if (!viewer) throw new AppError("UNAUTHENTICATED");
        if (options.roles && !options.roles.includes(viewer.role)) throw new AppError("FORBIDDEN");
      }
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors: FieldErrors = {};
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? "form");
          const message = tv.has(issue.message) ? tv(issue.message) : tv("invalid");
          (fieldErrors[field] ??= []).push(message);
        }
        return { ok: false, code: "INVALID", formError: t("fixFields"), fieldErrors, values };
      }
      const data = await body({ input: parsed.data, viewer: viewer as never });
      return { ok: true, data };
    } catch (error) {
      unstable_rethrow(error);
      if (isAppError(error)) {
        const key = error.messageKey && t.has(error.messageKey) ? error.messageKey : `codes.${error.code}`;
        return { ok: false, code: error.code, formError: t(key), values };
      }
      if (isDatabaseUnavailable(error)) {
        console.warn(`[action ${options.name}] database unavailable`);
        return { ok: false, code: "UNAVAILABLE", formError: t("codes.UNAVAILABLE"), values };
      }
      console.error(`[action ${options.name}] unexpected error`, error);
      return { ok: false, code: "UNEXPECTED", formError: t("generic"), values };
    }
  };
}
