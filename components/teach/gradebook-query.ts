import type { GradebookFilter, GradebookSort } from "@/domain/teach";

/** What the gradebook's URL asks for: ?sort=name|average|<assignmentId>&dir=asc|desc&q=&status=all|late|missing&page= */
export type GradebookQuery = {
  /** "name", "average" or an assignment id of this class. */
  sort: string;
  dir: "asc" | "desc";
  q: string;
  status: NonNullable<GradebookFilter["status"]>;
  page: number;
};

export type GradebookSearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * Reads the query leniently: anything unknown falls back to the default (name, ascending, no
 * filter, page 1), so a stale or hand-edited link still shows the gradebook.
 */
export function readGradebookQuery(params: GradebookSearchParams, assignmentIds: readonly string[]): GradebookQuery {
  const sort = first(params.sort);
  const status = first(params.status);
  const page = Number.parseInt(first(params.page) ?? "", 10);
  return {
    sort: sort === "average" || (sort !== undefined && assignmentIds.includes(sort)) ? sort : "name",
    dir: first(params.dir) === "desc" ? "desc" : "asc",
    q: (first(params.q) ?? "").slice(0, 200),
    status: status === "late" || status === "missing" ? status : "all",
    page: Number.isFinite(page) ? page : 1,
  };
}

export function toGradebookSort(query: GradebookQuery, locale: string): GradebookSort {
  const by = query.sort === "name" || query.sort === "average" ? query.sort : { assignmentId: query.sort };
  return { by, direction: query.dir, locale };
}

/** The gradebook's URL for `query`, leaving out the defaults so links stay short. */
export function gradebookHref(classId: string, query: GradebookQuery): string {
  const params = new URLSearchParams();
  if (query.sort !== "name") params.set("sort", query.sort);
  if (query.dir !== "asc") params.set("dir", query.dir);
  if (query.q.trim()) params.set("q", query.q);
  if (query.status !== "all") params.set("status", query.status);
  if (query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return `/teach/classes/${classId}/gradebook${search ? `?${search}` : ""}`;
}

/** The link of a sortable header: the same column again flips the direction; another column starts ascending, on page 1. */
export function sortHref(classId: string, query: GradebookQuery, column: string): string {
  const dir = query.sort === column && query.dir === "asc" ? "desc" : "asc";
  return gradebookHref(classId, { ...query, sort: column, dir, page: 1 });
}
