import { describe, expect, test } from "vitest";
import { formatProblem, validateModule, type ModuleFiles, type Problem } from "@/domain/content";

// A small valid module held in memory; each case breaks one thing in a fresh copy.
// Cases reach into arbitrary paths to write content a schema would refuse, hence `any`.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
type Data = {
  module: Record<string, Loose>;
  entities: { entities: Record<string, Loose>[] };
  facts: { facts: Record<string, Loose>[] };
};

const text = (fr: string, en: string) => ({ fr, en });

function validData(): Data {
  return {
    module: {
      slug: "mini",
      title: text("Mini", "Mini"),
      description: text("Module d'essai.", "Test module."),
      source: { title: "Essai", language: "fr" },
      topics: [{ id: "basics", title: text("Bases", "Basics"), description: text("Les bases.", "The basics.") }],
      sections: [{ id: "all", heading: "Tout" }],
      lists: [
        {
          id: "founders",
          label: text("Fondateurs", "Founders"),
          question: text("Lesquels sont fondateurs ?", "Which are founders?"),
          memberKinds: ["country"],
        },
      ],
    },
    entities: {
      entities: [
        { id: "brussels", kind: "city", name: text("Bruxelles", "Brussels") },
        { id: "mons", kind: "city", name: text("Mons", "Mons"), distractorOnly: true },
        { id: "paris", kind: "city", name: text("Paris", "Paris"), distractorOnly: true },
        { id: "london", kind: "city", name: text("Londres", "London"), distractorOnly: true },
        { id: "belgium", kind: "country", name: text("Belgique", "Belgium"), article: { fr: "la" } },
        { id: "japan", kind: "country", name: text("Japon", "Japan"), article: { fr: "le" }, distractorOnly: true },
        {
          id: "australia",
          kind: "country",
          name: text("Australie", "Australia"),
          article: { fr: "l'" },
          distractorOnly: true,
        },
        { id: "sweden", kind: "country", name: text("Suède", "Sweden"), article: { fr: "la" }, distractorOnly: true },
      ],
    },
    facts: {
      facts: [
        {
          id: "hq-city",
          topic: "basics",
          section: "all",
          label: text("Siège de l'OTAN", "NATO Headquarters"),
          statement: text("Le siège de l'OTAN se trouve {value:en}.", "NATO Headquarters is in {value}."),
          question: text("Où se trouve le siège de l'OTAN ?", "Where is NATO Headquarters?"),
          value: { type: "entity", kind: "city", entity: "brussels" },
        },
        {
          id: "treaty-date",
          topic: "basics",
          section: "all",
          label: text("Traité de l'Atlantique Nord", "North Atlantic Treaty"),
          statement: text("Le traité a été signé {value:en}.", "The treaty was signed {value:in}."),
          question: text("Quand le traité a-t-il été signé ?", "When was the treaty signed?"),
          value: { type: "date", date: "1949-04-04", precision: "day" },
        },
        {
          id: "founder-belgium",
          topic: "basics",
          section: "all",
          label: text("Fondateur : Belgique", "Founder: Belgium"),
          statement: text("{value} est membre fondateur.", "{value} is a founding member."),
          question: text("Lequel est membre fondateur ?", "Which is a founding member?"),
          value: { type: "membership", list: "founders", member: "belgium" },
        },
      ],
    },
  };
}

const FILES = {
  module: "content/mini/module.yaml",
  entities: "content/mini/entities.yaml",
  facts: "content/mini/facts.yaml",
};

function toFiles(data: Data): ModuleFiles {
  return {
    module: { path: FILES.module, data: data.module },
    entities: { path: FILES.entities, data: data.entities },
    facts: { path: FILES.facts, data: data.facts },
  };
}

function problemsAfter(mutate: (d: Data) => void): Problem[] {
  const data = validData();
  mutate(data);
  const result = validateModule(toFiles(data));
  return result.ok ? [] : result.problems;
}

const fact = (d: Data, i: number) => d.facts.facts[i]!;

describe("validateModule", () => {
  test("accepts the valid fixture", () => {
    const result = validateModule(toFiles(validData()));
    expect(result.ok).toBe(true);
  });

  type Case = {
    name: string;
    mutate: (d: Data) => void;
    file: keyof typeof FILES;
    path: string;
    message: string | RegExp;
  };

  const cases: Case[] = [
    {
      name: "unknown key",
      mutate: (d) => (fact(d, 0).colour = "red"),
      file: "facts",
      path: "facts[0].colour",
      message: 'unknown key "colour"; allowed keys: id, topic, section, label, statement, question, value, explanation',
    },
    {
      name: "missing translation",
      mutate: (d) => delete fact(d, 0).statement.en,
      file: "facts",
      path: "facts[0].statement.en",
      message: 'missing English text; add "en: ..."',
    },
    {
      name: "empty translation",
      mutate: (d) => (fact(d, 0).label.fr = "   "),
      file: "facts",
      path: "facts[0].label.fr",
      message: "French text is empty",
    },
    {
      name: "impossible day",
      mutate: (d) => (fact(d, 1).value.date = "2013-02-30"),
      file: "facts",
      path: "facts[1].value.date",
      message: 'impossible date "2013-02-30": 2013-02 has 28 days',
    },
    {
      name: "impossible month",
      mutate: (d) => (fact(d, 1).value = { type: "date", date: "2013-13", precision: "month" }),
      file: "facts",
      path: "facts[1].value.date",
      message: 'impossible date "2013-13": month 13 does not exist',
    },
    {
      name: "precision not matching the date",
      mutate: (d) => (fact(d, 1).value.date = "2013-04"),
      file: "facts",
      path: "facts[1].value.date",
      message: /^"2013-04" does not match precision "day"; use YYYY-MM-DD for day/,
    },
    {
      name: "decade part on a day",
      mutate: (d) => (fact(d, 1).value.part = "early"),
      file: "facts",
      path: "facts[1].value.part",
      message: '"part" only applies to precision "decade", not "day"',
    },
    {
      name: "duplicate fact id",
      mutate: (d) => (fact(d, 1).id = "hq-city"),
      file: "facts",
      path: "facts[1].id",
      message: 'duplicate fact id "hq-city" (first declared at facts[0]); ids must be unique',
    },
    {
      name: "duplicate entity id",
      mutate: (d) => (d.entities.entities[3]!.id = "paris"),
      file: "entities",
      path: "entities[3].id",
      message: 'duplicate entity id "paris" (first declared at entities[2]); ids must be unique',
    },
    {
      name: "duplicate topic id",
      mutate: (d) => d.module.topics.push({ ...d.module.topics[0] }),
      file: "module",
      path: "topics[1].id",
      message: 'duplicate topic id "basics" (first declared at topics[0]); ids must be unique',
    },
    {
      name: "duplicate list id",
      mutate: (d) => d.module.lists.push({ ...d.module.lists[0] }),
      file: "module",
      path: "lists[1].id",
      message: 'duplicate list id "founders" (first declared at lists[0]); ids must be unique',
    },
    {
      name: "id not in kebab-case",
      mutate: (d) => (fact(d, 0).id = "HQ_city"),
      file: "facts",
      path: "facts[0].id",
      message: 'must be kebab-case (a-z, 0-9, single hyphens), e.g. "first-contacts"',
    },
    {
      name: "unknown entity",
      mutate: (d) => (fact(d, 0).value.entity = "atlantis"),
      file: "facts",
      path: "facts[0].value.entity",
      message: 'unknown entity "atlantis"; declare it in entities.yaml or fix the id',
    },
    {
      name: "unknown topic",
      mutate: (d) => (fact(d, 0).topic = "trust-fund"),
      file: "facts",
      path: "facts[0].topic",
      message: 'unknown topic "trust-fund"; use one of: basics',
    },
    {
      name: "unknown section",
      mutate: (d) => (fact(d, 0).section = "intro"),
      file: "facts",
      path: "facts[0].section",
      message: 'unknown section "intro"; use one of: all',
    },
    {
      name: "unknown list",
      mutate: (d) => (fact(d, 2).value.list = "members"),
      file: "facts",
      path: "facts[2].value.list",
      message: 'unknown list "members"; use one of: founders',
    },
    {
      name: "declared list without members",
      mutate: (d) => d.module.lists.push({ ...d.module.lists[0], id: "hosts" }),
      file: "module",
      path: "lists[1].id",
      message:
        'list "hosts" has no member fact; add facts with value.type membership and list: hosts, or remove the list',
    },
    {
      name: "empty array",
      mutate: (d) => (d.module.lists[0].memberKinds = []),
      file: "module",
      path: "lists[0].memberKinds",
      message: "empty list; add at least one item or remove the key",
    },
    {
      name: "empty facts file",
      mutate: (d) => (d.facts.facts = []),
      file: "facts",
      path: "facts",
      message: "empty list; add at least one item or remove the key",
    },
    {
      name: "statement without {value} slot",
      mutate: (d) => (fact(d, 0).statement.fr = "Le siège de l'OTAN se trouve à Bruxelles."),
      file: "facts",
      path: "facts[0].statement.fr",
      message: "statement has no {value} slot; mark where the value goes with {value} (or a form such as {value:de})",
    },
    {
      name: "unknown slot form",
      mutate: (d) => (fact(d, 0).statement.fr = "Le siège de l'OTAN se trouve {value:du}."),
      file: "facts",
      path: "facts[0].statement.fr",
      message: 'unknown slot form "{value:du}"; French forms: {value}, {value:name}, {value:de}, {value:à}, {value:en}',
    },
    {
      name: "entity of the wrong kind for a list",
      mutate: (d) => (fact(d, 2).value.member = "brussels"),
      file: "facts",
      path: "facts[2].value.member",
      message: 'entity "brussels" is a city; list "founders" takes country',
    },
    {
      name: "entity of the wrong kind for the value",
      mutate: (d) => (fact(d, 0).value.entity = "belgium"),
      file: "facts",
      path: "facts[0].value.entity",
      message: 'entity "belgium" is a country, but value.kind is "city"; fix the kind or the entity',
    },
    {
      name: "unknown value type",
      mutate: (d) => (fact(d, 0).value.type = "number"),
      file: "facts",
      path: "facts[0].value.type",
      message: "missing or unknown type; use one of: date, entity, amount, membership",
    },
    {
      name: "unknown entity kind",
      mutate: (d) => (d.entities.entities[0]!.kind = "planet"),
      file: "entities",
      path: "entities[0].kind",
      message: /^invalid value "planet"; use one of: country, region, sea, city, /,
    },
    {
      name: "a distractor-only entity used as the answer",
      mutate: (d) => (fact(d, 0).value.entity = "mons"),
      file: "facts",
      path: "facts[0].value.entity",
      message:
        'entity "mons" is marked distractorOnly but is an answer here; remove distractorOnly from it or choose another entity',
    },
    {
      name: "an entity that is neither an answer nor a distractor",
      mutate: (d) => delete d.entities.entities[1]!.distractorOnly,
      file: "entities",
      path: "entities[1].id",
      message: 'entity "mons" is never an answer; use it in a fact or mark it distractorOnly: true',
    },
    {
      name: "too few wrong options",
      mutate: (d) => d.entities.entities.splice(2, 2),
      file: "facts",
      path: "facts[0].value",
      message: "only 1 wrong option(s) available (mons); a quiz needs 3: add entities of kind city or more distractors",
    },
    {
      name: "a fact with a value but no question",
      mutate: (d) => delete fact(d, 1).question,
      file: "facts",
      path: "facts[1].question",
      message: "missing question; a fact with a value needs a question whose answer is the value",
    },
  ];

  test.each(cases)("reports $name", ({ mutate, file, path, message }) => {
    const problems = problemsAfter(mutate);
    const match = problems.find((p) => p.path === path);
    expect(match, `no problem at ${path}; got ${JSON.stringify(problems)}`).toBeDefined();
    expect(match!.file).toBe(FILES[file]);
    if (typeof message === "string") expect(match!.message).toBe(message);
    else expect(match!.message).toMatch(message);
  });

  test.each(cases)("$name is the only problem reported, or comes with its direct consequences", ({ mutate }) => {
    // Guards against cascades: one mistake should not flood the author with unrelated lines.
    const problems = problemsAfter(mutate);
    expect(problems.length).toBeGreaterThanOrEqual(1);
    expect(problems.length).toBeLessThanOrEqual(3);
  });

  test("reports every problem, not only the first", () => {
    const problems = problemsAfter((d) => {
      fact(d, 0).topic = "trust-fund";
      delete fact(d, 1).statement.en;
      fact(d, 1).value.date = "2013-02-30";
    });
    const lines = problems.map(formatProblem);
    expect(lines).toEqual([
      'content/mini/facts.yaml facts[0].topic: unknown topic "trust-fund"; use one of: basics',
      'content/mini/facts.yaml facts[1].statement.en: missing English text; add "en: ..."',
      'content/mini/facts.yaml facts[1].value.date: impossible date "2013-02-30": 2013-02 has 28 days',
    ]);
    for (const line of lines) expect(line).not.toContain("\n");
  });

  test("problems from several files are all reported", () => {
    const problems = problemsAfter((d) => {
      d.module.topics[0].title = { fr: "Bases" };
      d.entities.entities[0]!.name.fr = "";
      fact(d, 0).section = "intro";
    });
    expect(problems.map((p) => [p.file, p.path])).toEqual([
      [FILES.module, "topics[0].title.en"],
      [FILES.entities, "entities[0].name.fr"],
      [FILES.facts, "facts[0].section"],
    ]);
  });

  test("formats a problem with the line the caller's locator gives", () => {
    const data = validData();
    fact(data, 0).topic = "trust-fund";
    const files = toFiles(data);
    files.facts.locate = (path) => (path.join("/") === "facts/0/topic" ? 42 : undefined);
    const result = validateModule(files);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([
      'content/mini/facts.yaml:42 facts[0].topic: unknown topic "trust-fund"; use one of: basics',
    ]);
  });

  test("accepts a year written as a YAML number and normalises it to a string", () => {
    const data = validData();
    fact(data, 1).value = { type: "date", date: 1949, precision: "year" };
    const result = validateModule(toFiles(data));
    expect(result.ok && result.module.facts[1]!.value).toEqual({ type: "date", date: "1949", precision: "year" });
  });
});
