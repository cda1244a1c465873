import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { GradebookFilters } from "@/components/teach/gradebook-filters";
import { GradebookPagination } from "@/components/teach/gradebook-pagination";
import { readGradebookQuery, toGradebookSort, type GradebookSearchParams } from "@/components/teach/gradebook-query";
import { GradebookTable } from "@/components/teach/gradebook-table";
import { DEFAULT_PAGE_SIZE, filterGradebook, paginate, sortGradebook } from "@/domain/teach";
import { getCurrentLocale } from "@/i18n/current-locale";
import { requireViewer } from "@/server/auth/viewer";
import { getGradebook, type Gradebook } from "@/server/data/gradebook";
import { isAppError } from "@/server/errors";
import { getTimeZone } from "@/server/preferences/time-zone";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ classId: string }>; searchParams: Promise<GradebookSearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("gradebook"))("title") };
}

export default async function GradebookPage({ params, searchParams }: Props) {
  const { classId } = await params;
  const viewer = await requireViewer(`/teach/classes/${classId}/gradebook`);
  if (viewer.role === "learner") notFound();
  const gradebook: Gradebook | "missing" = await getGradebook(viewer, classId).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return "missing" as const;
    throw error;
  });
  if (gradebook === "missing") notFound();

  const [t, locale, timeZone] = await Promise.all([getTranslations("gradebook"), getCurrentLocale(), getTimeZone()]);
  const query = readGradebookQuery(
    await searchParams,
    gradebook.assignments.map((assignment) => assignment.id),
  );
  const matching = filterGradebook(gradebook.rows, { search: query.q, status: query.status });
  const sorted = sortGradebook(matching, toGradebookSort(query, locale));
  const page = paginate(sorted, query.page, DEFAULT_PAGE_SIZE);
  const shownQuery = { ...query, page: page.page };

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <p>
          <Link href={`/teach/classes/${gradebook.classId}`} className="text-brand underline">
            {gradebook.className}
          </Link>
        </p>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
        <p>
          <a
            href={`/teach/classes/${gradebook.classId}/gradebook/csv`}
            download
            className="inline-block rounded-md border border-slate-300 bg-white px-3 py-2 font-medium text-brand-dark"
          >
            <span aria-hidden="true">⤓ </span>
            {t("downloadCsv")}
          </a>
        </p>
      </header>

      {gradebook.rows.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">{t("noLearners")}</p>
      ) : (
        <section aria-labelledby="gradebook-grid" className="space-y-4">
          <h2 id="gradebook-grid" className="sr-only">
            {t("title")}
          </h2>
          <GradebookFilters classId={gradebook.classId} query={shownQuery} />
          {gradebook.assignments.length === 0 ? <p className="rounded-md border border-slate-200 bg-white p-4">{t("noAssignments")}</p> : null}
          <p className="text-muted">
            {t("summary", { shown: page.total, total: gradebook.rows.length })}
          </p>
          {page.total === 0 ? (
            <p className="rounded-md border border-slate-200 bg-white p-4">{t("noMatch")}</p>
          ) : (
            <GradebookTable
              classId={gradebook.classId}
              classTitle={gradebook.className}
              assignments={gradebook.assignments}
              rows={page.items}
              query={shownQuery}
              timeZone={timeZone}
            />
          )}
          <GradebookPagination classId={gradebook.classId} query={shownQuery} page={page.page} pageCount={page.pageCount} />
        </section>
      )}
    </div>
  );
}
