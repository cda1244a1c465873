import type { z } from "zod";
import { distractorCandidates, MIN_DISTRACTORS } from "./distractors";
import {
  ContentListSchema,
  EntitiesFileShellSchema,
  EntitySchema,
  FactSchema,
  FactsFileShellSchema,
  LOCALES,
  ModuleFileShellSchema,
  SectionSchema,
  TopicSchema,
  type ContentList,
  type Entity,
  type Fact,
  type Module,
  type Section,
  type Topic,
} from "./schema";
import { parseTemplate } from "./template";

export type PathSegment = string | number;

/** One thing to fix, located as precisely as the input allows. */
export type Problem = {
  /** File as given by the caller, e.g. "content/nato-japan/facts.yaml". */
  file: string;
  /** Path inside the file, e.g. "facts[12].statement.en"; "" for the whole file. */
  path: string;
  /** 1-based line, when the caller can map a path to a line. */
  line?: number;
  /** One line, in English, saying what is wrong and how to fix it. */
  message: string;
};

/** A parsed file. `locate` maps a path inside `data` to a line (the loader uses YAML ranges). */
export type SourceFile = {
  path: string;
  data: unknown;
  locate?: (path: readonly PathSegment[]) => number | undefined;
};

export type ModuleFiles = { module: SourceFile; entities: SourceFile; facts: SourceFile };

export type ValidationResult = { ok: true; module: Module } | { ok: false; problems: Problem[] };

/** "content/x/facts.yaml:42 facts[12].topic: unknown topic ..." */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return problem.path ? `${where} ${problem.path}: ${problem.message}` : `${where}: ${problem.message}`;
}

export function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (out, seg) => (typeof seg === "number" ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg),
    "",
  );
}

// --- zod issues to problems ----------------------------------------------------------------

const DEFAULT_MESSAGE = /^(Invalid|Too small|Too big|Unrecognized key)/;

function describe(input: unknown): string {
  if (input === null) return "null";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "object") return "a mapping";
  if (typeof input === "string") return `the string ${JSON.stringify(input)}`;
  return `${typeof input} ${String(input)}`;
}

const EXPECTED: Record<string, string> = {
  object: "a mapping (key: value)",
  array: "a list",
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
};

type IssueProblem = { path: PathSegment[]; message: string };

function issueToProblems(issue: z.core.$ZodIssue, base: readonly PathSegment[]): IssueProblem[] {
  const path = [...base, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
  const custom = !DEFAULT_MESSAGE.test(issue.message);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown key "${key}"; ${custom ? issue.message : "remove it"}`,
      }));
    case "invalid_type": {
      if (custom) return [{ path, message: issue.message }];
      const last = path[path.length - 1];
      if (issue.input === undefined) {
        return [{ path, message: typeof last === "string" ? `missing required key "${last}"` : "missing value" }];
      }
      return [
        { path, message: `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describe(issue.input)}` },
      ];
    }
    case "invalid_value":
      return [
        {
          path,
          message: `invalid value ${JSON.stringify(issue.input)}; use one of: ${issue.values.map(String).join(", ")}`,
        },
      ];
    case "invalid_union": {
      const discriminator = "discriminator" in issue ? issue.discriminator : undefined;
      const options = "options" in issue && Array.isArray(issue.options) ? issue.options : [];
      if (typeof discriminator === "string") {
        return [
          { path, message: `missing or unknown ${discriminator}; use one of: ${options.map(String).join(", ")}` },
        ];
      }
      return [{ path, message: issue.message }];
    }
    case "too_small":
      if (custom) return [{ path, message: issue.message }];
      if (issue.origin === "array") return [{ path, message: "empty list; add at least one item or remove the key" }];
      return [{ path, message: `must be at least ${String(issue.minimum)}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

// --- collecting problems -------------------------------------------------------------------

class Reporter {
  readonly problems: Problem[] = [];

  add(file: SourceFile, path: readonly PathSegment[], message: string): void {
    const line = file.locate?.(path);
    this.problems.push({ file: file.path, path: formatPath(path), ...(line === undefined ? {} : { line }), message });
  }

  /** Parses with `schema`; reports every issue under `base` and returns the data or undefined. */
  parse<S extends z.ZodType>(file: SourceFile, schema: S, data: unknown, base: PathSegment[]): z.infer<S> | undefined {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      for (const p of issueToProblems(issue, base)) this.add(file, p.path, p.message);
    }
    return undefined;
  }
}

type Parsed<T> = { index: number; item: T };

function rawArray(data: unknown, key: string): unknown[] {
  if (data === null || typeof data !== "object") return [];
  const value = (data as Record<string, unknown>)[key];
  return Array.isArray(value) ? value : [];
}

function rawField(item: unknown, key: string): unknown {
  return item !== null && typeof item === "object" ? (item as Record<string, unknown>)[key] : undefined;
}

function parseItems<S extends z.ZodType>(r: Reporter, file: SourceFile, key: string, schema: S): Parsed<z.infer<S>>[] {
  return rawArray(file.data, key).flatMap((raw, index) => {
    const item = r.parse(file, schema, raw, [key, index]);
    return item === undefined ? [] : [{ index, item }];
  });
}

/**
 * Ids declared in a collection, read from the raw items so that an item with a shape problem
 * does not also make every reference to it look broken. Reports duplicates.
 */
function collectIds(r: Reporter, file: SourceFile, key: string, noun: string): Map<string, number> {
  const ids = new Map<string, number>();
  rawArray(file.data, key).forEach((raw, index) => {
    const id = rawField(raw, "id");
    if (typeof id !== "string") return;
    const first = ids.get(id);
    if (first === undefined) ids.set(id, index);
    else
      r.add(
        file,
        [key, index, "id"],
        `duplicate ${noun} id "${id}" (first declared at ${key}[${first}]); ids must be unique`,
      );
  });
  return ids;
}

function oneOf(ids: Iterable<string>): string {
  const all = [...ids];
  return all.length > 0 ? `use one of: ${all.join(", ")}` : "none is declared";
}

/**
 * Validates the three files of a module and merges them. Reports every problem found: shape
 * problems of each item (unknown keys, missing translations, impossible dates...) and
 * cross-file ones (duplicate ids, unknown references, wrong entity kinds, lists without
 * members, statements without their `{value}` slot, too few wrong options for a quiz).
 * Returns the module only when there is no problem at all.
 */
export function validateModule(files: ModuleFiles): ValidationResult {
  const r = new Reporter();
  const { module: moduleFile, entities: entitiesFile, facts: factsFile } = files;

  const header = r.parse(moduleFile, ModuleFileShellSchema, moduleFile.data, []);
  r.parse(entitiesFile, EntitiesFileShellSchema, entitiesFile.data, []);
  r.parse(factsFile, FactsFileShellSchema, factsFile.data, []);

  const topics = parseItems(r, moduleFile, "topics", TopicSchema);
  const sections = parseItems(r, moduleFile, "sections", SectionSchema);
  const lists = parseItems(r, moduleFile, "lists", ContentListSchema);
  const entities = parseItems(r, entitiesFile, "entities", EntitySchema);
  const facts = parseItems(r, factsFile, "facts", FactSchema);

  const topicIds = collectIds(r, moduleFile, "topics", "topic");
  const sectionIds = collectIds(r, moduleFile, "sections", "section");
  const listIds = collectIds(r, moduleFile, "lists", "list");
  const entityIds = collectIds(r, entitiesFile, "entities", "entity");
  collectIds(r, factsFile, "facts", "fact");

  // Kinds from the raw items too, for the same reason as ids.
  const entityKinds = new Map<string, string>();
  for (const raw of rawArray(entitiesFile.data, "entities")) {
    const id = rawField(raw, "id");
    const kind = rawField(raw, "kind");
    if (typeof id === "string" && typeof kind === "string" && !entityKinds.has(id)) entityKinds.set(id, kind);
  }
  const distractorOnly = new Set(entities.filter((e) => e.item.distractorOnly).map((e) => e.item.id));
  const listById = new Map(lists.map((l) => [l.item.id, l.item]));

  // What the facts use, read from the raw items: a fact with a shape problem still counts, so
  // its topic, list or entity is not reported as unused on top of its own problem.
  const rawFacts = rawArray(factsFile.data, "facts");
  const rawValues = rawFacts.map((f) => rawField(f, "value"));
  const strings = (items: unknown[]) => new Set(items.filter((x): x is string => typeof x === "string"));
  const usedTopics = strings(rawFacts.map((f) => rawField(f, "topic")));
  const usedSections = strings(rawFacts.map((f) => rawField(f, "section")));
  const answers = strings(
    rawValues.flatMap((v) => [rawField(v, "entity"), rawField(v, "member"), rawField(v, "detail")]),
  );
  const membersByList = new Map<string, Set<string>>();
  for (const v of rawValues) {
    const list = rawField(v, "list");
    const member = rawField(v, "member");
    if (rawField(v, "type") !== "membership" || typeof list !== "string" || typeof member !== "string") continue;
    membersByList.set(list, (membersByList.get(list) ?? new Set()).add(member));
  }

  // With no fact at all, "empty list" on facts says it all; usage checks would only repeat it.
  const hasFacts = rawFacts.length > 0;
  checkEntities(r, entitiesFile, entities);
  checkLists(r, moduleFile, lists, membersByList, entityIds, entityKinds, hasFacts);

  const membersSeen = new Map<string, number>();
  for (const { index, item: fact } of facts) {
    const at = (...path: PathSegment[]) => ["facts", index, ...path];
    if (!topicIds.has(fact.topic))
      r.add(factsFile, at("topic"), `unknown topic "${fact.topic}"; ${oneOf(topicIds.keys())}`);
    if (!sectionIds.has(fact.section))
      r.add(factsFile, at("section"), `unknown section "${fact.section}"; ${oneOf(sectionIds.keys())}`);
    checkTemplates(r, factsFile, fact, at);

    const refEntity = (path: PathSegment[], id: string): string | undefined => {
      if (!entityIds.has(id)) {
        r.add(factsFile, path, `unknown entity "${id}"; declare it in entities.yaml or fix the id`);
        return undefined;
      }
      return entityKinds.get(id);
    };
    const markAnswer = (path: PathSegment[], id: string) => {
      if (distractorOnly.has(id)) {
        r.add(
          factsFile,
          path,
          `entity "${id}" is marked distractorOnly but is an answer here; remove distractorOnly from it or choose another entity`,
        );
      }
    };

    const value = fact.value;
    if (value?.type === "entity") {
      const kind = refEntity(at("value", "entity"), value.entity);
      if (kind !== undefined && kind !== value.kind) {
        r.add(
          factsFile,
          at("value", "entity"),
          `entity "${value.entity}" is a ${kind}, but value.kind is "${value.kind}"; fix the kind or the entity`,
        );
      }
      markAnswer(at("value", "entity"), value.entity);
      const seen = new Set<string>();
      for (const key of ["distractors", "alsoTrue"] as const) {
        (value[key] ?? []).forEach((id, i) => {
          const path = at("value", key, i);
          if (id === value.entity) return r.add(factsFile, path, `"${id}" is the answer itself; remove it from ${key}`);
          if (seen.has(id))
            return r.add(
              factsFile,
              path,
              `"${id}" is listed twice in distractors/alsoTrue; a wrong option cannot also be true`,
            );
          seen.add(id);
          const k = refEntity(path, id);
          if (k !== undefined && k !== value.kind)
            r.add(factsFile, path, `entity "${id}" is a ${k}, but this value expects a ${value.kind}`);
        });
      }
    } else if (value?.type === "membership") {
      const list = listById.get(value.list);
      if (!listIds.has(value.list))
        r.add(factsFile, at("value", "list"), `unknown list "${value.list}"; ${oneOf(listIds.keys())}`);
      const kind = refEntity(at("value", "member"), value.member);
      markAnswer(at("value", "member"), value.member);
      if (list && kind !== undefined && !(list.memberKinds as readonly string[]).includes(kind)) {
        r.add(
          factsFile,
          at("value", "member"),
          `entity "${value.member}" is a ${kind}; list "${list.id}" takes ${list.memberKinds.join(" or ")}`,
        );
      }
      const pairKey = `${value.list}\u0000${value.member}`;
      const firstMember = membersSeen.get(pairKey);
      if (firstMember === undefined) membersSeen.set(pairKey, index);
      else
        r.add(
          factsFile,
          at("value", "member"),
          `"${value.member}" is already a member of list "${value.list}" (facts[${firstMember}])`,
        );
      if (list?.detailKind && value.detail === undefined) {
        r.add(
          factsFile,
          at("value", "detail"),
          `missing detail; list "${list.id}" needs a detail entity of kind ${list.detailKind}`,
        );
      }
      if (value.detail !== undefined) {
        markAnswer(at("value", "detail"), value.detail);
        const detailKind = refEntity(at("value", "detail"), value.detail);
        if (list && !list.detailKind) {
          r.add(
            factsFile,
            at("value", "detail"),
            `list "${list.id}" takes no detail; remove it or declare detailKind on the list`,
          );
        } else if (list?.detailKind && detailKind !== undefined && detailKind !== list.detailKind) {
          r.add(
            factsFile,
            at("value", "detail"),
            `entity "${value.detail}" is a ${detailKind}; list "${list.id}" expects a ${list.detailKind} as detail`,
          );
        }
      }
    }
  }

  for (const { index, item: entity } of hasFacts ? entities : []) {
    if (!entity.distractorOnly && !answers.has(entity.id)) {
      r.add(
        entitiesFile,
        ["entities", index, "id"],
        `entity "${entity.id}" is never an answer; use it in a fact or mark it distractorOnly: true`,
      );
    }
  }

  // Every topic and section must hold at least one fact: an empty one is a gap in the content.
  for (const { index, item } of hasFacts ? topics : []) {
    if (!usedTopics.has(item.id))
      r.add(
        moduleFile,
        ["topics", index, "id"],
        `topic "${item.id}" has no fact; add facts with topic: ${item.id} or remove the topic`,
      );
  }
  for (const { index, item } of hasFacts ? sections : []) {
    if (!usedSections.has(item.id))
      r.add(
        moduleFile,
        ["sections", index, "id"],
        `section "${item.id}" has no fact; add facts with section: ${item.id} or remove the section`,
      );
  }

  // Only meaningful once references resolve; otherwise the counts would repeat other problems.
  if (r.problems.length === 0) {
    const source = {
      entities: entities.map((e) => e.item),
      lists: lists.map((l) => l.item),
      facts: facts.map((f) => f.item),
    };
    for (const { index, item: fact } of facts) {
      if (fact.value?.type !== "entity" && fact.value?.type !== "membership") continue;
      const candidates = distractorCandidates(source, fact.value);
      if (candidates.length < MIN_DISTRACTORS) {
        const kind =
          fact.value.type === "entity" ? `kind ${fact.value.kind}` : `the kinds of list "${fact.value.list}"`;
        r.add(
          factsFile,
          ["facts", index, "value"],
          `only ${candidates.length} wrong option(s) available (${candidates.map((e) => e.id).join(", ") || "none"}); a quiz needs ${MIN_DISTRACTORS}: add entities of ${kind} or more distractors`,
        );
      }
    }
  }

  if (r.problems.length > 0 || !header) return { ok: false, problems: sortProblems(r.problems, files) };
  return {
    ok: true,
    module: {
      slug: header.slug,
      title: header.title,
      description: header.description,
      source: header.source,
      topics: topics.map((t) => t.item as Topic),
      sections: sections.map((s) => s.item as Section),
      lists: lists.map((l) => l.item as ContentList),
      entities: entities.map((e) => e.item as Entity),
      facts: facts.map((f) => f.item as Fact),
    },
  };
}

function sortProblems(problems: Problem[], files: ModuleFiles): Problem[] {
  const order = [files.module.path, files.entities.path, files.facts.path];
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        order.indexOf(a.p.file) - order.indexOf(b.p.file) ||
        (a.p.line ?? Infinity) - (b.p.line ?? Infinity) ||
        a.p.path.localeCompare(b.p.path, "en", { numeric: true }) ||
        a.i - b.i,
    )
    .map(({ p }) => p);
}

function checkEntities(r: Reporter, file: SourceFile, entities: Parsed<Entity>[]): void {
  for (const { index, item } of entities) {
    if (item.kind === "person" && !item.role)
      r.add(file, ["entities", index, "role"], `missing role; a person needs role.fr and role.en`);
    if (item.kind !== "person" && item.role)
      r.add(file, ["entities", index, "role"], `only persons have a role; remove it`);
  }
}

function checkLists(
  r: Reporter,
  file: SourceFile,
  lists: Parsed<ContentList>[],
  membersByList: Map<string, Set<string>>,
  entityIds: Map<string, number>,
  entityKinds: Map<string, string>,
  hasFacts: boolean,
): void {
  for (const { index, item: list } of lists) {
    const members = membersByList.get(list.id) ?? new Set<string>();
    if (members.size === 0 && hasFacts) {
      r.add(
        file,
        ["lists", index, "id"],
        `list "${list.id}" has no member fact; add facts with value.type membership and list: ${list.id}, or remove the list`,
      );
    }
    (list.distractors ?? []).forEach((id, i) => {
      const path = ["lists", index, "distractors", i];
      if (!entityIds.has(id))
        return r.add(file, path, `unknown entity "${id}"; declare it in entities.yaml or fix the id`);
      const kind = entityKinds.get(id);
      if (kind !== undefined && !(list.memberKinds as readonly string[]).includes(kind)) {
        r.add(file, path, `entity "${id}" is a ${kind}; list "${list.id}" takes ${list.memberKinds.join(" or ")}`);
      }
      if (members.has(id))
        r.add(file, path, `"${id}" is a member of list "${list.id}", so it cannot be a wrong option`);
    });
  }
}

const SLOT_OUTSIDE_STATEMENT = /\{[^{}]*\}/;

function checkTemplates(
  r: Reporter,
  file: SourceFile,
  fact: Fact,
  at: (...path: PathSegment[]) => PathSegment[],
): void {
  const value = fact.value;
  if (value && !fact.question)
    r.add(file, at("question"), `missing question; a fact with a value needs a question whose answer is the value`);
  if (!value && fact.question)
    r.add(file, at("question"), `a fact without a value cannot have a question; add a value or remove the question`);

  for (const locale of LOCALES) {
    for (const key of ["question", "label", "explanation"] as const) {
      const text = fact[key]?.[locale];
      if (text && SLOT_OUTSIDE_STATEMENT.test(text))
        r.add(file, at(key, locale), `slots such as {value} belong in the statement only; write the text out`);
    }

    const path = at("statement", locale);
    const tokens = parseTemplate(fact.statement[locale], locale);
    const counts = { value: 0, detail: 0, period: 0 };
    for (const token of tokens) {
      if (token.kind === "invalid") r.add(file, path, token.reason);
      else if (token.kind === "slot") counts[token.slot] += 1;
      else if (/[{}]/.test(token.text)) r.add(file, path, `unbalanced "{" or "}"; slots look like {value}`);
    }
    if (!value) {
      if (counts.value + counts.detail + counts.period > 0)
        r.add(file, path, `{value} slot in a fact without a value; add a value or remove the slot`);
      continue;
    }
    if (counts.value === 0)
      r.add(
        file,
        path,
        `statement has no {value} slot; mark where the value goes with {value} (or a form such as ${locale === "fr" ? "{value:de}" : "{value:in}"})`,
      );
    if (counts.value > 1) r.add(file, path, `{value} appears ${counts.value} times; use it once`);
    const hasDetail = value.type === "membership" && value.detail !== undefined;
    if (hasDetail && counts.detail !== 1)
      r.add(file, path, `the value has a detail; put exactly one {detail} slot in the statement`);
    if (!hasDetail && counts.detail > 0) r.add(file, path, `{detail} slot but the value has no detail`);
    const hasPeriod = value.type === "amount" && value.period !== undefined;
    if (hasPeriod && counts.period !== 1)
      r.add(file, path, `the amount has a period; put exactly one {period} slot in the statement`);
    if (!hasPeriod && counts.period > 0) r.add(file, path, `{period} slot but the value has no period`);
  }
}
