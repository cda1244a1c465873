import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { GradebookCell, GradebookRow, ScoringMode } from "@/domain/teach";
import { sortHref, type GradebookQuery } from "./gradebook-query";

export type GradebookColumn = { id: string; title: string; dueAt: Date; scoring: ScoringMode };

type Props = {
  classId: string;
  classTitle: string;
  assignments: readonly GradebookColumn[];
  /** The rows of the current page, already filtered and sorted. */
  rows: readonly GradebookRow[];
  query: GradebookQuery;
  timeZone: string;
};

const percent = (value: number) => Math.round(value * 100);

function latest(row: GradebookRow): Date | null {
  let found: Date | null = null;
  for (const cell of Object.values(row.cells)) {
    if (cell.lastActivity && (!found || cell.lastActivity > found)) found = cell.lastActivity;
  }
  return found;
}

/**
 * The grid, learners × assignments, as a real table: sortable headers are links (the state is
 * in the URL, and aria-sort on the header says it), the header row and the learner column stay
 * in view while the wrapper scrolls both ways, and every flag is written out, never colour only.
 */
export async function GradebookTable({ classId, classTitle, assignments, rows, query, timeZone }: Props) {
  const [t, format] = await Promise.all([getTranslations("gradebook"), getFormatter()]);
  const shortDate = (date: Date) => format.dateTime(date, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone });
  const columnName = (column: string) =>
    column === "name" ? t("colLearner") : column === "average" ? t("colAverage") : (assignments.find((a) => a.id === column)?.title ?? "");
  const ariaSort = (column: string) => (query.sort === column ? (query.dir === "asc" ? "ascending" : "descending") : undefined);
  const arrow = (column: string) => (query.sort === column ? (query.dir === "asc" ? "▲" : "▼") : "↕");

  const sortLink = (column: string, label: string) => (
    <Link href={sortHref(classId, query, column)} className="font-semibold text-brand-dark underline decoration-slate-300 underline-offset-2 hover:decoration-brand">
      {label}
      <span aria-hidden="true" className="ml-1 whitespace-nowrap text-xs text-muted">
        {arrow(column)}
      </span>
    </Link>
  );

  const score = (value: number | null) =>
    value === null ? (
      <>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t("noScore")}</span>
      </>
    ) : (
      <span className="whitespace-nowrap">{t("percent", { value: percent(value) })}</span>
    );

  const flag = (cell: GradebookCell) => {
    if (cell.late) {
      return (
        <span className="inline-flex items-center gap-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
          <span aria-hidden="true">⚠</span>
          {t("late")}
        </span>
      );
    }
    if (cell.status === "done") return null;
    return <span className={`text-xs font-medium ${cell.status === "missed" ? "text-red-800" : "text-muted"}`}>{t(`status.${cell.status}`)}</span>;
  };

  const headerCell = "sticky top-0 border-b border-slate-300 bg-slate-100 p-2 align-bottom";
  const bodyCell = "border-b border-slate-200 p-2 align-top";

  return (
    // Positioned, so that the visually hidden texts inside are clipped by the scroll box instead
    // of widening the page; on wide screens the grid uses more than the text column.
    <div
      role="region"
      aria-label={t("tableRegion")}
      tabIndex={0}
      className="relative max-h-[75vh] overflow-auto rounded-lg border border-slate-200 bg-white xl:left-1/2 xl:w-[min(96rem,calc(100vw-4rem))] xl:-translate-x-1/2"
    >
      <table className="min-w-full border-separate border-spacing-0 text-left text-sm">
        <caption className="sr-only">
          {t("caption", { className: classTitle })} {t("sortedBy", { column: columnName(query.sort), direction: query.dir })}
        </caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={ariaSort("name")} className={`${headerCell} left-0 z-30 min-w-32 border-r sm:min-w-40`}>
              {sortLink("name", t("colLearner"))}
            </th>
            <th scope="col" aria-sort={ariaSort("average")} className={`${headerCell} z-20 min-w-24`}>
              {sortLink("average", t("colAverage"))}
            </th>
            {assignments.map((assignment) => (
              <th key={assignment.id} scope="col" aria-sort={ariaSort(assignment.id)} className={`${headerCell} z-20 min-w-36 max-w-52 font-normal`}>
                {sortLink(assignment.id, assignment.title)}
                <span className="mt-1 block text-xs font-normal text-muted">
                  {t("due", { date: shortDate(assignment.dueAt) })} · {t("scoring", { scoring: assignment.scoring })}
                </span>
                <Link
                  href={`/teach/assignments/${assignment.id}/analysis`}
                  aria-label={t("analysisOfLabel", { title: assignment.title })}
                  className="mt-1 inline-block text-xs font-medium text-brand underline"
                >
                  {t("analysisOf")}
                </Link>
              </th>
            ))}
            <th scope="col" className={`${headerCell} z-20 min-w-32 font-semibold`}>
              {t("colLastActivity")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const last = latest(row);
            return (
              <tr key={row.learner.id} className="group">
                <th scope="row" className={`${bodyCell} sticky left-0 z-10 max-w-40 border-r bg-white sm:max-w-56 font-normal group-hover:bg-slate-50`}>
                  <Link href={`/teach/classes/${classId}/learners/${row.learner.id}`} className="font-medium text-brand underline">
                    {row.learner.name}
                  </Link>
                  <span className="block break-all text-xs text-muted">{row.learner.email}</span>
                </th>
                <td className={`${bodyCell} font-semibold group-hover:bg-slate-50`}>{score(row.average)}</td>
                {assignments.map((assignment) => {
                  const cell = row.cells[assignment.id];
                  if (!cell) {
                    return (
                      <td key={assignment.id} className={`${bodyCell} group-hover:bg-slate-50`}>
                        {score(null)}
                      </td>
                    );
                  }
                  return (
                    <td key={assignment.id} className={`${bodyCell} group-hover:bg-slate-50`}>
                      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                        <span className="font-semibold">{score(cell.counted)}</span>
                        {flag(cell)}
                      </span>
                      <span className="block text-xs text-muted">{t("attempts", { count: cell.attemptsUsed })}</span>
                      {cell.lastActivity ? <span className="block text-xs text-muted">{shortDate(cell.lastActivity)}</span> : null}
                    </td>
                  );
                })}
                <td className={`${bodyCell} whitespace-nowrap text-muted group-hover:bg-slate-50`}>{last ? shortDate(last) : t("never")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
