import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { viewerFromHeaders, type Role, type Viewer } from "@/server/auth/viewer";
import { AppError, ERROR_STATUS, isAppError, isDatabaseUnavailable } from "@/server/errors";

export const MAX_JSON_BODY_BYTES = 16 * 1024;

type RouteOptions<S extends z.ZodType> = { name: string; schema: S; roles?: readonly Role[] };

type Context<P> = { params: Promise<P> };

function problem(status: number, code: string, message: string) {
  return Response.json({ ok: false, code, message }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * JSON endpoints for the browser's fetch calls (autosave): same-origin only (route handlers
 * get no CSRF check from Next.js), JSON only, small bodies only, a signed-in viewer, zod
 * validation, and coded errors mapped to their HTTP status with a message in the reader's
 * language. Unexpected errors are logged and answered with a generic 500.
 */
export function defineJsonRoute<S extends z.ZodType, P, T>(
  options: RouteOptions<S>,
  handler: (args: { input: z.infer<S>; params: P; viewer: Viewer }) => Promise<T>,
) {
  return async function route(request: Request, context: Context<P>): Promise<Response> {
    const t = await getTranslations("errors");
    try {
      assertSameOrigin(request);
      if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
        return problem(415, "UNSUPPORTED_MEDIA_TYPE", t("codes.INVALID"));
      }
      const declared = Number(request.headers.get("content-length") ?? 0);
      const text = declared > MAX_JSON_BODY_BYTES ? null : await readTextWithin(request, MAX_JSON_BODY_BYTES);
      if (text === null) {
        return problem(413, "PAYLOAD_TOO_LARGE", t("payloadTooLarge"));
      }

      const viewer = await viewerFromHeaders(request.headers);
      if (!viewer) throw new AppError("UNAUTHENTICATED");
      if (options.roles && !options.roles.includes(viewer.role)) throw new AppError("FORBIDDEN");

      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new AppError("INVALID", { messageKey: "malformedPayload" });
      }
      const parsed = options.schema.safeParse(body);
      if (!parsed.success) throw new AppError("INVALID", { messageKey: "malformedPayload" });
      const data = await handler({ input: parsed.data, params: await context.params, viewer });
      return Response.json({ ok: true, data }, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      if (isAppError(error)) {
        const key = error.messageKey && t.has(error.messageKey) ? error.messageKey : `codes.${error.code}`;
        return problem(ERROR_STATUS[error.code], error.code, t(key));
      }
      if (isDatabaseUnavailable(error)) {
        console.warn(`[route ${options.name}] database unavailable`);
        const response = problem(503, "UNAVAILABLE", t("codes.UNAVAILABLE"));
        response.headers.set("Retry-After", "5");
        return response;
      }
      console.error(`[route ${options.name}] unexpected error`, error);
      return problem(500, "UNEXPECTED", t("generic"));
    }
  };
}

/** Browsers send Origin on every cross-origin POST/PUT; a request from another site is refused. */
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("FORBIDDEN", { messageKey: "crossSite" });
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  // "null" (sandboxed frames, some redirects) and unparsable origins are not ours either.
  if (!host || originHost(origin) !== host) throw new AppError("FORBIDDEN", { messageKey: "crossSite" });
}

function originHost(origin: string): string | null {
  return URL.canParse(origin) ? new URL(origin).host : null;
}

/**
 * The body as text, or null as soon as it passes `limit` bytes: a body sent without (or with a
 * false) Content-Length is never held in memory beyond the limit.
 */
async function readTextWithin(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

