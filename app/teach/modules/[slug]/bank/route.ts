import path from "node:path";
import { z } from "zod";
import type { Module } from "@/domain/content";
import { DEFAULT_EXPORT_SEED, exportQuestionBank } from "@/domain/quiz";
import { getAuth } from "@/server/auth/auth";
import { isRole } from "@/server/auth/roles";
import { loadContentDir } from "@/server/content/load";

export const dynamic = "force-dynamic";

const QuerySchema = z.object({
  format: z.enum(["gift", "moodle-xml"]),
  lang: z.enum(["fr", "en"]).default("fr"),
});

const FILES = {
  gift: { extension: "gift.txt", contentType: "text/plain; charset=utf-8" },
  "moodle-xml": { extension: "xml", contentType: "application/xml; charset=utf-8" },
} as const;

// The bank is built from the content files, as `npm run quiz:export` builds it, so both give
// the same file byte for byte: the database keeps facts by key, not in the files' order, and
// the bank's grouped questions depend on that order. Content only changes when the app
// restarts (which syncs it), so the files are read once per process.
let modules: Promise<Module[]> | null = null;

function loadModules(): Promise<Module[]> {
  modules ??= loadContentDir(path.resolve(/* turbopackIgnore: true */ process.env.ENTENTE_CONTENT_DIR || "content")).then((loaded) => {
    if (!loaded.ok) {
      modules = null;
      throw new Error(`content has ${loaded.problems.length} problem(s); run npm run content:check`);
    }
    return loaded.modules;
  });
  return modules;
}

const noStore = { "Cache-Control": "no-store" };

/**
 * A module's whole question bank for Moodle: ?format=gift|moodle-xml&lang=fr|en (French by
 * default), with the export's default seed. Instructors and admins only: signed out gets 401,
 * a learner 404 (as an unknown module does), a bad query 422.
 */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const session = await getAuth().api.getSession({ headers: request.headers });
  if (!session) return Response.json({ ok: false, code: "UNAUTHENTICATED" }, { status: 401, headers: noStore });
  const role = (session.user as { role?: unknown }).role;
  const notFound = Response.json({ ok: false, code: "NOT_FOUND" }, { status: 404, headers: noStore });
  if (!isRole(role) || role === "learner") return notFound;

  const query = QuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    return Response.json({ ok: false, code: "INVALID", message: "Use ?format=gift|moodle-xml&lang=fr|en." }, { status: 422, headers: noStore });
  }
  const { slug } = await params;
  const found = (await loadModules()).find((module) => module.slug === slug);
  if (!found) return notFound;

  const { format, lang } = query.data;
  const text = exportQuestionBank(found, { format, locale: lang, seed: DEFAULT_EXPORT_SEED });
  const file = FILES[format];
  return new Response(text, {
    headers: {
      ...noStore,
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${found.slug}-${lang}.${file.extension}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
