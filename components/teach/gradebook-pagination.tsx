import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { gradebookHref, type GradebookQuery } from "./gradebook-query";

/** "Page x of y" with previous and next links that keep the sort and the filters. */
export async function GradebookPagination({ classId, query, page, pageCount }: { classId: string; query: GradebookQuery; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations("gradebook");
  const link = "rounded-md border border-slate-300 bg-white px-3 py-2 font-medium text-brand-dark";
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link href={gradebookHref(classId, { ...query, page: page - 1 })} className={link} rel="prev">
          <span aria-hidden="true">← </span>
          {t("previous")}
        </Link>
      ) : null}
      <p className="font-medium">
        {t("pageOf", { page, pages: pageCount })}
      </p>
      {page < pageCount ? (
        <Link href={gradebookHref(classId, { ...query, page: page + 1 })} className={link} rel="next">
          {t("next")}
          <span aria-hidden="true"> →</span>
        </Link>
      ) : null}
    </nav>
  );
}
