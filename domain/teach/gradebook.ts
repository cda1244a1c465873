import type { AssignmentStatus } from "./assignment-status";

/**
 * Pure helpers for the gradebook grid (learners × assignments): sort, filter, page. They never
 * change the rows they are given; each returns new arrays of the same row objects.
 */

export type GradebookCell = {
  /** The counted score in [0, 1] (best, last or average of finished attempts); null before any. */
  counted: number | null;
  attemptsUsed: number;
  late: boolean;
  status: AssignmentStatus;
  lastActivity: Date | null;
};

export type GradebookRow = {
  learner: { id: string; name: string; email: string };
  /** By assignment id; an assignment without a cell is one the learner has no data for. */
  cells: Record<string, GradebookCell>;
  /** Mean of the counted scores, as the server computes it; null without any. */
  average: number | null;
};

export type GradebookSort = {
  by: "name" | "average" | { assignmentId: string };
  direction: "asc" | "desc";
  /** The language names are collated in; French by default. */
  locale?: string;
};

/**
 * The rows in the requested order. Names compare as people expect in `locale` (accents and
 * case ignored, "Émile" between "Emile" and "Eric", numbers by value); scores compare as
 * numbers, and a missing score (null, or no cell) sorts last in BOTH directions, so learners
 * with nothing to show never crowd the top. Ties fall back to name, then email, then id, all
 * ascending. Promises: the result is a permutation of the input; the same input always gives
 * the same order.
 */
export function sortGradebook<R extends GradebookRow>(
  rows: readonly R[],
  { by, direction, locale = "fr" }: GradebookSort,
): R[] {
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  const sign = direction === "asc" ? 1 : -1;
  const byIdentity = (a: R, b: R) =>
    collator.compare(a.learner.name, b.learner.name) ||
    collator.compare(a.learner.email, b.learner.email) ||
    (a.learner.id < b.learner.id ? -1 : a.learner.id > b.learner.id ? 1 : 0);

  if (by === "name") {
    return [...rows].sort((a, b) => sign * collator.compare(a.learner.name, b.learner.name) || byIdentity(a, b));
  }
  const score = (row: R): number | null =>
    by === "average" ? row.average : (row.cells[by.assignmentId]?.counted ?? null);
  return [...rows].sort((a, b) => {
    const x = score(a);
    const y = score(b);
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || byIdentity(a, b);
    return sign * (x - y) || byIdentity(a, b);
  });
}

export type GradebookFilter = {
  /** Words to find in the learner's name or email, ignoring case and accents; every word must match. */
  search?: string;
  /** "late": a late cell somewhere; "missing": a missed assignment somewhere; "all" (default): no filter. */
  status?: "late" | "missing" | "all";
};

/** Lower case without accents, ligatures spelled out: "Œuvre Hélène" → "oeuvre helene". */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss");
}

/**
 * The rows that match, in their original order. Promises: a subset of the input (same row
 * objects, same relative order); no filter (or a blank search) returns every row; searching
 * "helene" finds "Hélène", "HELENE" and "hélène@exemple.fr".
 */
export function filterGradebook<R extends GradebookRow>(
  rows: readonly R[],
  { search = "", status = "all" }: GradebookFilter,
): R[] {
  const words = foldForSearch(search).split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (words.length > 0) {
      const haystack = `${foldForSearch(row.learner.name)} ${foldForSearch(row.learner.email)}`;
      if (!words.every((word) => haystack.includes(word))) return false;
    }
    const cells = Object.values(row.cells);
    if (status === "late") return cells.some((cell) => cell.late);
    if (status === "missing") return cells.some((cell) => cell.status === "missed");
    return true;
  });
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export type Page<T> = {
  items: T[];
  /** 1-based, after clamping. */
  page: number;
  pageSize: number;
  /** At least 1, even with no rows, so "page 1 of 1" always reads right. */
  pageCount: number;
  total: number;
};

/**
 * One page of `rows`. Out-of-range input is brought into range, never an error (a stale link
 * to page 9 of a class that shrank shows the last page): `pageSize` is floored and clamped to
 * 1–500 (50 when not a number), `page` is floored and clamped to 1–pageCount (1 when not a
 * number). Promises: the pages 1..pageCount, concatenated, are `rows` exactly once each, in
 * order; every page but the last holds `pageSize` items.
 */
export function paginate<T>(rows: readonly T[], page: number, pageSize: number): Page<T> {
  const size = Number.isFinite(pageSize)
    ? Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize)))
    : DEFAULT_PAGE_SIZE;
  const total = rows.length;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const current = Number.isFinite(page) ? Math.min(pageCount, Math.max(1, Math.floor(page))) : 1;
  return { items: rows.slice((current - 1) * size, current * size), page: current, pageSize: size, pageCount, total };
}
