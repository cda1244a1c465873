import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import {
  ASSIGNMENT_STATUSES,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  filterGradebook,
  foldForSearch,
  paginate,
  sortGradebook,
  type GradebookCell,
  type GradebookRow,
} from "@/domain/teach";

const cell = (counted: number | null, extra: Partial<GradebookCell> = {}): GradebookCell => ({
  counted,
  attemptsUsed: counted === null ? 0 : 1,
  late: false,
  status: counted === null ? "to-do" : "done",
  lastActivity: null,
  ...extra,
});

const row = (
  id: string,
  name: string,
  email: string,
  cells: Record<string, GradebookCell>,
  average: number | null,
): GradebookRow => ({
  learner: { id, name, email },
  cells,
  average,
});

const rows: GradebookRow[] = [
  row("u1", "Émile Zola", "emile@exemple.fr", { a1: cell(0.8), a2: cell(null, { status: "missed" }) }, 0.8),
  row("u2", "anne Dupont", "anne@exemple.fr", { a1: cell(0.5, { late: true, status: "late" }), a2: cell(0.9) }, 0.7),
  row("u3", "Chloé Martin", "chloe.martin@exemple.fr", { a1: cell(null) }, null),
  row("u4", "Bruno Œlsner", "bruno@exemple.fr", { a1: cell(0.8), a2: cell(0.4) }, 0.6),
  row("u5", "Hélène Faure", "HELENE.F@exemple.fr", {}, null),
  row("u6", "Eric Ng", "eric@exemple.fr", { a1: cell(1), a2: cell(1) }, 1),
];
const ids = (list: readonly GradebookRow[]) => list.map((r) => r.learner.id);

describe("sortGradebook", () => {
  test.each<[string, Parameters<typeof sortGradebook>[1], string[]]>([
    // Anne, Bruno, Chloé, Émile, Eric, Hélène: accents and case ignored, as in a French list.
    ["by name, ascending", { by: "name", direction: "asc" }, ["u2", "u4", "u3", "u1", "u6", "u5"]],
    ["by name, descending", { by: "name", direction: "desc" }, ["u5", "u6", "u1", "u3", "u4", "u2"]],
    [
      "by average, ascending; no average last",
      { by: "average", direction: "asc" },
      ["u4", "u2", "u1", "u6", "u3", "u5"],
    ],
    [
      "by average, descending; no average still last",
      { by: "average", direction: "desc" },
      ["u6", "u1", "u2", "u4", "u3", "u5"],
    ],
    // a1: Anne 0.5, Bruno 0.8, Émile 0.8 (tie: by name), Eric 1; Chloé null and Hélène without a cell last.
    [
      "by one assignment, ascending",
      { by: { assignmentId: "a1" }, direction: "asc" },
      ["u2", "u4", "u1", "u6", "u3", "u5"],
    ],
    [
      "by one assignment, descending; ties still by name ascending",
      { by: { assignmentId: "a1" }, direction: "desc" },
      ["u6", "u4", "u1", "u2", "u3", "u5"],
    ],
    [
      "by an assignment nobody has a score in",
      { by: { assignmentId: "zz" }, direction: "desc" },
      ["u2", "u4", "u3", "u1", "u6", "u5"],
    ],
  ])("%s", (_label, sort, expected) => {
    expect(ids(sortGradebook(rows, sort))).toEqual(expected);
  });

  test("does not change the input", () => {
    const before = ids(rows);
    sortGradebook(rows, { by: "name", direction: "desc" });
    expect(ids(rows)).toEqual(before);
  });

  test("numbers in names sort by value", () => {
    const numbered = [row("a", "Groupe 10", "a@x", {}, null), row("b", "Groupe 9", "b@x", {}, null)];
    expect(ids(sortGradebook(numbered, { by: "name", direction: "asc" }))).toEqual(["b", "a"]);
  });

  const cellArb = fc.record({
    counted: fc.option(fc.constantFrom(0, 0.25, 0.5, 1)),
    attemptsUsed: fc.nat(5),
    late: fc.boolean(),
    status: fc.constantFrom(...ASSIGNMENT_STATUSES),
    lastActivity: fc.constant(null),
  });
  const rowsArb = fc
    .array(
      fc.record({
        name: fc.constantFrom("Anne", "anne", "Émile", "Emile", "Zoé", "Bruno", ""),
        email: fc.constantFrom("a@x", "b@x", "c@x"),
        cells: fc.dictionary(fc.constantFrom("a1", "a2"), cellArb),
        average: fc.option(fc.constantFrom(0, 0.3, 0.5, 1)),
      }),
      { maxLength: 30 },
    )
    .map((list) => list.map((r, i) => row(`u${i}`, r.name, r.email, r.cells, r.average)));
  const sortArb = fc.record({
    by: fc.oneof(
      fc.constant("name" as const),
      fc.constant("average" as const),
      fc.constantFrom("a1", "a2", "a3").map((assignmentId) => ({ assignmentId })),
    ),
    direction: fc.constantFrom("asc" as const, "desc" as const),
  });

  prop.prop([rowsArb, sortArb])(
    "sorting is a permutation, is stable under reshuffling, and sorted scores are monotone",
    (list, sort) => {
      const sorted = sortGradebook(list, sort);
      expect(sorted).toHaveLength(list.length);
      expect(new Set(sorted)).toEqual(new Set(list));
      expect(ids(sortGradebook([...list].reverse(), sort))).toEqual(ids(sorted));
      if (sort.by !== "name") {
        const by = sort.by;
        const scores = sorted.map((r) => (by === "average" ? r.average : (r.cells[by.assignmentId]?.counted ?? null)));
        const present = scores.filter((s): s is number => s !== null);
        // Nulls only at the end.
        expect(scores.slice(present.length).every((s) => s === null)).toBe(true);
        for (let i = 1; i < present.length; i++) {
          if (sort.direction === "asc") expect(present[i]!).toBeGreaterThanOrEqual(present[i - 1]!);
          else expect(present[i]!).toBeLessThanOrEqual(present[i - 1]!);
        }
      }
    },
  );

  prop.prop([rowsArb])("sorting twice is sorting once", (list) => {
    const once = sortGradebook(list, { by: "average", direction: "desc" });
    expect(ids(sortGradebook(once, { by: "average", direction: "desc" }))).toEqual(ids(once));
  });
});

describe("filterGradebook", () => {
  test.each<[string, Parameters<typeof filterGradebook>[1], string[]]>([
    ["no filter", {}, ["u1", "u2", "u3", "u4", "u5", "u6"]],
    ["a blank search", { search: "   " }, ["u1", "u2", "u3", "u4", "u5", "u6"]],
    ["without accents finds accented names", { search: "helene" }, ["u5"]],
    ["upper case finds lower case", { search: "ANNE" }, ["u2"]],
    ["with accents finds plain e-mail addresses", { search: "émile@" }, ["u1"]],
    ["a ligature spelled out", { search: "oelsner" }, ["u4"]],
    ["a ligature typed", { search: "Œl" }, ["u4"]],
    ["part of an e-mail address", { search: "martin@" }, ["u3"]],
    ["every word must match, in name or e-mail", { search: "chloe exemple" }, ["u3"]],
    ["words that match different learners match nobody", { search: "chloe bruno" }, []],
    ["a common fragment", { search: "e" }, ["u1", "u2", "u3", "u4", "u5", "u6"]],
    ["nothing matches", { search: "xyz" }, []],
    ["late somewhere", { status: "late" }, ["u2"]],
    ["missing somewhere", { status: "missing" }, ["u1"]],
    ["all", { status: "all" }, ["u1", "u2", "u3", "u4", "u5", "u6"]],
    ["search and status together", { search: "anne", status: "missing" }, []],
  ])("%s", (_label, filter, expected) => {
    expect(ids(filterGradebook(rows, filter))).toEqual(expected);
  });

  test.each([
    ["Hélène", "helene"],
    ["ÉMILE", "emile"],
    ["Œuvre", "oeuvre"],
    ["Ægir", "aegir"],
    ["Straße", "strasse"],
    ["ﬁnal", "final"],
  ])("foldForSearch(%s) = %s", (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  prop.prop([fc.string({ maxLength: 4 }), fc.constantFrom("late" as const, "missing" as const, "all" as const)])(
    "the result is a subset of the rows, in their order",
    (search, status) => {
      const filtered = filterGradebook(rows, { search, status });
      const positions = filtered.map((r) => rows.indexOf(r));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(new Set(positions).size).toBe(positions.length);
    },
  );
});

describe("paginate", () => {
  const items = Array.from({ length: 23 }, (_, i) => i);

  test.each<
    [string, number, number, { page: number; pageSize: number; pageCount: number; first?: number; length: number }]
  >([
    ["the first page", 1, 10, { page: 1, pageSize: 10, pageCount: 3, first: 0, length: 10 }],
    ["the last, partial page", 3, 10, { page: 3, pageSize: 10, pageCount: 3, first: 20, length: 3 }],
    ["past the end: the last page", 9, 10, { page: 3, pageSize: 10, pageCount: 3, first: 20, length: 3 }],
    ["page 0: the first page", 0, 10, { page: 1, pageSize: 10, pageCount: 3, first: 0, length: 10 }],
    ["a negative page", -4, 10, { page: 1, pageSize: 10, pageCount: 3, first: 0, length: 10 }],
    ["a fractional page is floored", 2.7, 10, { page: 2, pageSize: 10, pageCount: 3, first: 10, length: 10 }],
    ["page NaN", Number.NaN, 10, { page: 1, pageSize: 10, pageCount: 3, first: 0, length: 10 }],
    ["page size 0 becomes 1", 1, 0, { page: 1, pageSize: 1, pageCount: 23, first: 0, length: 1 }],
    [
      "page size NaN becomes the default",
      1,
      Number.NaN,
      { page: 1, pageSize: DEFAULT_PAGE_SIZE, pageCount: 1, first: 0, length: 23 },
    ],
    ["a huge page size is capped", 1, 10_000, { page: 1, pageSize: MAX_PAGE_SIZE, pageCount: 1, first: 0, length: 23 }],
    ["exactly one full page", 1, 23, { page: 1, pageSize: 23, pageCount: 1, first: 0, length: 23 }],
  ])("%s", (_label, page, pageSize, expected) => {
    const result = paginate(items, page, pageSize);
    expect({
      page: result.page,
      pageSize: result.pageSize,
      pageCount: result.pageCount,
      length: result.items.length,
    }).toEqual({
      page: expected.page,
      pageSize: expected.pageSize,
      pageCount: expected.pageCount,
      length: expected.length,
    });
    expect(result.items[0]).toBe(expected.first);
    expect(result.total).toBe(23);
  });

  test("no rows: one empty page", () => {
    expect(paginate([], 5, 10)).toEqual({ items: [], page: 1, pageSize: 10, pageCount: 1, total: 0 });
  });

  prop.prop([fc.array(fc.nat(), { maxLength: 120 }), fc.integer({ min: 1, max: 40 })])(
    "the pages cover every row exactly once, in order; only the last may be short",
    (list, pageSize) => {
      const first = paginate(list, 1, pageSize);
      const pages = Array.from({ length: first.pageCount }, (_, i) => paginate(list, i + 1, pageSize));
      expect(pages.flatMap((p) => p.items)).toEqual(list);
      pages.slice(0, -1).forEach((p) => expect(p.items).toHaveLength(pageSize));
      expect(first.pageCount).toBe(Math.max(1, Math.ceil(list.length / pageSize)));
    },
  );

  prop.prop([
    fc.array(fc.nat(), { maxLength: 60 }),
    fc.integer({ min: -5, max: 100 }),
    fc.integer({ min: -5, max: 700 }),
  ])("any page and size give a page within bounds", (list, page, pageSize) => {
    const result = paginate(list, page, pageSize);
    expect(result.page).toBeGreaterThanOrEqual(1);
    expect(result.page).toBeLessThanOrEqual(result.pageCount);
    expect(result.pageSize).toBeGreaterThanOrEqual(1);
    expect(result.pageSize).toBeLessThanOrEqual(MAX_PAGE_SIZE);
    expect(result.items.length).toBeLessThanOrEqual(result.pageSize);
  });
});
