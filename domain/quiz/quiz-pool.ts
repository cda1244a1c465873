import { detailListOf, memberListOf } from "./groups";
import { canMakeCloze, canMakeSingleChoice, canMakeYearAnswer } from "./generators";
import type { FactEntry, ModuleIndex } from "./module-index";
import { QUESTION_TYPES, SINGLE_FACT_TYPES, type QuestionType } from "./types";

/**
 * Which facts a quiz request may draw from, and what each can make. Depends on the module, the
 * allowed types and the topics, never on the seed, so it is computed once and cached with the
 * module's index.
 */

export const isSingleType = (t: QuestionType): t is (typeof SINGLE_FACT_TYPES)[number] =>
  (SINGLE_FACT_TYPES as readonly QuestionType[]).includes(t);

/** Whether `entry` can be the fact a question of `type` is built around. */
export function canAnchor(index: ModuleIndex, type: QuestionType, entry: FactEntry): boolean {
  switch (type) {
    case "single-choice":
      return canMakeSingleChoice(entry);
    case "true-false":
      return true;
    case "year-answer":
      return canMakeYearAnswer(entry);
    case "cloze":
      return canMakeCloze(entry);
    case "multiple-choice":
      return memberListOf(index, entry) !== undefined;
    case "matching":
      return entry.datable || detailListOf(index, entry) !== undefined;
    case "ordering":
      return entry.datable;
  }
}

const anchorCache = new WeakMap<ModuleIndex, Map<string, FactEntry[]>>();

/** Facts that can anchor each type, by "type|topic"; depends on the module only, so cached with its index. */
export function anchorsByTypeAndTopic(index: ModuleIndex): Map<string, FactEntry[]> {
  const cached = anchorCache.get(index);
  if (cached) return cached;
  const anchors = new Map<string, FactEntry[]>();
  for (const type of QUESTION_TYPES) {
    for (const entry of index.facts) {
      if (!canAnchor(index, type, entry)) continue;
      const key = `${type}|${entry.fact.topic}`;
      const list = anchors.get(key) ?? [];
      list.push(entry);
      anchors.set(key, list);
    }
  }
  anchorCache.set(index, anchors);
  return anchors;
}

/**
 * The facts a request may draw from and what they can make. Depends on the module, the allowed
 * types and the topics, not on the seed, so it is cached with the module's index.
 */
export type Pool = {
  entries: readonly FactEntry[];
  contains: ReadonlySet<FactEntry>;
  /** Allowed types that at least one fact of the pool can make. */
  types: readonly QuestionType[];
  topicIds: readonly string[];
  /** Facts per topic, in `topicIds` order: the shares topics get. */
  topicSizes: readonly number[];
  datable: readonly FactEntry[];
  /** Facts that an allowed single-fact type can ask: what guarantees the size. */
  singleCapable: ReadonlySet<string>;
};

const poolCache = new WeakMap<ModuleIndex, Map<string, Pool>>();
// Requests vary by types and topics only; this bounds the cache should callers vary them a lot.
const MAX_CACHED_POOLS = 256;

export function poolFor(
  index: ModuleIndex,
  allowed: readonly QuestionType[],
  topics: readonly string[] | undefined,
): Pool {
  const key = `${allowed.join(",")}|${topics ? [...topics].sort().join(",") : "*"}`;
  const cache = poolCache.get(index) ?? new Map<string, Pool>();
  poolCache.set(index, cache);
  const cached = cache.get(key);
  if (cached) return cached;

  const topicFilter = topics ? new Set(topics) : undefined;
  const entries = index.facts.filter(
    (e) => (!topicFilter || topicFilter.has(e.fact.topic)) && allowed.some((t) => canAnchor(index, t, e)),
  );
  const topicIds = index.module.topics.map((t) => t.id).filter((id) => !topicFilter || topicFilter.has(id));
  const pool: Pool = {
    entries,
    contains: new Set(entries),
    types: allowed.filter((t) => entries.some((e) => canAnchor(index, t, e))),
    topicIds,
    topicSizes: topicIds.map((id) => entries.filter((e) => e.fact.topic === id).length),
    datable: entries.filter((e) => e.datable),
    singleCapable: new Set(
      entries.filter((e) => allowed.some((t) => isSingleType(t) && canAnchor(index, t, e))).map((e) => e.fact.id),
    ),
  };
  if (cache.size >= MAX_CACHED_POOLS) cache.clear();
  cache.set(key, pool);
  return pool;
}
