import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { gradebookHref, type GradebookQuery } from "./gradebook-query";

/**
 * Search and status filter as a plain GET form: it works without JavaScript, the result has
 * its own URL, and submitting starts again from page 1 with the current sort kept.
 */
export async function GradebookFilters({ classId, query }: { classId: string; query: GradebookQuery }) {
  const t = await getTranslations("gradebook");
  const filtered = query.q.trim() !== "" || query.status !== "all";
  return (
    <form method="get" action={`/teach/classes/${classId}/gradebook`} role="search" className="flex flex-wrap items-end gap-3">
      {query.sort !== "name" ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <div className="min-w-56 flex-1 space-y-1 sm:flex-none">
        <label htmlFor="gradebook-search" className="block font-medium">
          {t("searchLabel")}
        </label>
        <input
          id="gradebook-search"
          type="search"
          name="q"
          defaultValue={query.q}
          placeholder={t("searchHint")}
          maxLength={200}
          className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="gradebook-status" className="block font-medium">
          {t("statusLabel")}
        </label>
        <select
          id="gradebook-status"
          name="status"
          defaultValue={query.status}
          className="block rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
        >
          <option value="all">{t("filterAll")}</option>
          <option value="late">{t("filterLate")}</option>
          <option value="missing">{t("filterMissing")}</option>
        </select>
      </div>
      <button type="submit" className="rounded-md bg-brand px-4 py-2 font-medium text-white">
        {t("apply")}
      </button>
      {filtered ? (
        <Link href={gradebookHref(classId, { ...query, q: "", status: "all", page: 1 })} className="py-2 font-medium text-brand underline">
          {t("reset")}
        </Link>
      ) : null}
    </form>
  );
}
