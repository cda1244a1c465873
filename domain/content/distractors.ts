import type { ContentList, Entity, Fact, FactValue } from "./schema";

export type DistractorSource = {
  entities: readonly Entity[];
  lists: readonly ContentList[];
  facts: readonly Fact[];
};

/** The quiz needs this many wrong options of the answer's kind for every entity-valued fact. */
export const MIN_DISTRACTORS = 3;

/** Ids of the entities that are members of a list, in fact order. */
export function listMemberIds(source: Pick<DistractorSource, "facts">, listId: string): string[] {
  return source.facts.flatMap((f) =>
    f.value?.type === "membership" && f.value.list === listId ? [f.value.member] : [],
  );
}

/**
 * Entities that may be offered as wrong answers for a value, i.e. that make its statement
 * false: the value's vetted `distractors` when given, otherwise every entity of the same kind
 * except the answer and those marked `alsoTrue`. For a membership: the list's `distractors`,
 * otherwise every entity of the list's kinds that is not a member. Dates and amounts have no
 * entity distractors (the builder derives them from other dates and magnitudes).
 */
export function distractorCandidates(source: DistractorSource, value: FactValue): Entity[] {
  const byId = new Map(source.entities.map((e) => [e.id, e]));
  const pick = (ids: readonly string[]) => ids.flatMap((id) => byId.get(id) ?? []);
  if (value.type === "entity") {
    if (value.distractors) return pick(value.distractors);
    const excluded = new Set([value.entity, ...(value.alsoTrue ?? [])]);
    return source.entities.filter((e) => e.kind === value.kind && !excluded.has(e.id));
  }
  if (value.type === "membership") {
    const list = source.lists.find((l) => l.id === value.list);
    if (!list) return [];
    if (list.distractors) return pick(list.distractors);
    const members = new Set(listMemberIds(source, list.id));
    return source.entities.filter((e) => list.memberKinds.includes(e.kind) && !members.has(e.id));
  }
  return [];
}
