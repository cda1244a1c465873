import { compareIntervals } from "./dates";
import type { FactEntry, ListEntry, ModuleIndex } from "./module-index";

/**
 * Which facts can share a multi-fact question. A matching or ordering question has exactly one
 * right answer only if no two of its events could fall on the same date, and no item gives
 * another's answer away; a list-matching question needs each detail once.
 */

/** Items in a matching or ordering question: four, or three when no fourth fits. */
export const GROUP_SIZE = 4;
export const MIN_GROUP_SIZE = 3;

/** Correct options in a "select all that apply": between two (else it is single choice) and four. */
export const MIN_LIST_MEMBERS = 2;
export const MAX_LIST_MEMBERS = 4;
/** Options in a "select all that apply", correct and wrong together. */
export const MAX_LIST_OPTIONS = 6;
export const MIN_LIST_DISTRACTORS = 2;

function conflicting(index: ModuleIndex, a: FactEntry, b: FactEntry): boolean {
  return index.conflicts.get(a.fact.id)?.has(b.fact.id) ?? false;
}

/** A date fact that can join the events of a matching or ordering question. */
export function fitsDateGroup(index: ModuleIndex, group: readonly FactEntry[], candidate: FactEntry): boolean {
  const span = candidate.interval;
  if (!candidate.datable || !span) return false;
  return group.every(
    (member) =>
      member !== candidate &&
      member.interval !== undefined &&
      compareIntervals(member.interval, span) !== 0 &&
      !conflicting(index, member, candidate),
  );
}

/** Earliest first; only meaningful for entries that passed `fitsDateGroup`. */
export function chronological(entries: readonly FactEntry[]): FactEntry[] {
  return entries.slice().sort((a, b) => (a.interval && b.interval ? compareIntervals(a.interval, b.interval) : 0));
}

/** The list a membership fact belongs to, when that list has details (projects for countries). */
export function detailListOf(index: ModuleIndex, entry: FactEntry): ListEntry | undefined {
  const value = entry.fact.value;
  if (value.type !== "membership" || value.detail === undefined) return undefined;
  return index.lists.find((l) => l.list.id === value.list && l.list.detailKind !== undefined);
}

function detailOf(entry: FactEntry): string | undefined {
  const value = entry.fact.value;
  return value.type === "membership" ? value.detail : undefined;
}

/** A member that can join a list-matching question: same list, a detail not yet used. */
export function fitsDetailGroup(index: ModuleIndex, group: readonly FactEntry[], candidate: FactEntry): boolean {
  const list = detailListOf(index, candidate);
  const first = group[0];
  if (!list) return false;
  if (first && detailListOf(index, first) !== list) return false;
  return group.every(
    (m) => m !== candidate && detailOf(m) !== detailOf(candidate) && !conflicting(index, m, candidate),
  );
}

/** The list a membership fact is a member of, when a "select all that apply" can be made from it. */
export function memberListOf(index: ModuleIndex, entry: FactEntry): ListEntry | undefined {
  const value = entry.fact.value;
  if (value.type !== "membership") return undefined;
  const list = index.lists.find((l) => l.list.id === value.list);
  if (!list || list.members.length < MIN_LIST_MEMBERS || list.distractors.length < MIN_LIST_DISTRACTORS)
    return undefined;
  return list;
}

/** Adds candidates in the order given while they fit, up to `size`; stops drawing once full. */
export function growGroup(
  group: readonly FactEntry[],
  candidates: Iterable<FactEntry>,
  fits: (group: readonly FactEntry[], candidate: FactEntry) => boolean,
  size: number,
): FactEntry[] {
  const out = group.slice();
  for (const c of candidates) {
    if (out.length >= size) break;
    if (fits(out, c)) out.push(c);
  }
  return out;
}

/** Splits `n` list members into chunks of two to four, as even as can be: 7 → [4, 3], 5 → [3, 2]. */
export function chunkSizes(n: number): number[] {
  if (n < MIN_LIST_MEMBERS) return [];
  const chunks = Math.ceil(n / MAX_LIST_MEMBERS);
  const base = Math.floor(n / chunks);
  return Array.from({ length: chunks }, (_, i) => base + (i < n % chunks ? 1 : 0));
}
