import { validateModule, type Module } from "@/domain/content";

/**
 * A small module made of the traps the builder must avoid, validated like real content:
 * - two facts answering the same question (Berlin and Bonn were both capitals);
 * - an `alsoTrue` entity (Spain also hosted);
 * - overlapping dates ("2014" and "April 2014"; "the 1990s" and "the early 1990s");
 * - a "since" statement, where a later date would still read as true;
 * - a question that states its own year, and a label that states its date;
 * - a list without details (any member answers) and one with details (shared by two members).
 */

const t = (fr: string, en: string) => ({ fr, en });

const country = (id: string, fr: string, en: string, article: "le" | "la" | "l'", distractorOnly = false) => ({
  id,
  kind: "country",
  name: t(fr, en),
  article: { fr: article },
  ...(distractorOnly ? { distractorOnly: true } : {}),
});

const city = (id: string, name: string, distractorOnly = false) => ({
  id,
  kind: "city",
  name: t(name, name),
  ...(distractorOnly ? { distractorOnly: true } : {}),
});

const entities = [
  country("france", "France", "France", "la"),
  country("spain", "Espagne", "Spain", "l'"),
  country("italy", "Italie", "Italy", "l'"),
  country("greece", "Grèce", "Greece", "la"),
  country("norway", "Norvège", "Norway", "la"),
  country("sweden", "Suède", "Sweden", "la"),
  country("poland", "Pologne", "Poland", "la", true),
  country("chile", "Chili", "Chile", "le", true),
  country("peru", "Pérou", "Peru", "le", true),
  country("japan", "Japon", "Japan", "le", true),
  city("berlin", "Berlin"),
  city("bonn", "Bonn"),
  city("munich", "Munich", true),
  city("hamburg", "Hamburg", true),
  city("cologne", "Cologne", true),
  { id: "project-a", kind: "project", name: t("projet A", "project A"), article: { fr: "le" } },
  { id: "project-b", kind: "project", name: t("projet B", "project B"), article: { fr: "le" } },
  { id: "project-c", kind: "project", name: t("projet C", "project C"), article: { fr: "le" } },
];

type RawFact = Record<string, unknown>;

function fact(
  id: string,
  value: Record<string, unknown>,
  statement: [string, string],
  question: [string, string],
  label?: [string, string],
): RawFact {
  return {
    id,
    topic: id.startsWith("club") || id.startsWith("project") ? "lists" : "events",
    section: "main",
    label: t(...(label ?? [`Fait ${id}`, `Fact ${id}`])),
    statement: t(...statement),
    question: t(...question),
    value,
  };
}

const date = (d: string | number, precision: string, part?: string) => ({
  type: "date",
  date: d,
  precision,
  ...(part ? { part } : {}),
});

const facts: RawFact[] = [
  fact(
    "capital-berlin",
    { type: "entity", kind: "city", entity: "berlin" },
    ["La capitale était {value}.", "The capital was {value}."],
    ["Quelle ville était la capitale ?", "Which city was the capital?"],
  ),
  fact(
    "capital-bonn",
    { type: "entity", kind: "city", entity: "bonn" },
    ["La capitale a été {value}.", "The capital has been {value}."],
    ["Quelle ville était la capitale ?", "Which city was the capital?"],
  ),
  fact(
    "host",
    { type: "entity", kind: "country", entity: "france", alsoTrue: ["spain"] },
    ["{value} a accueilli le sommet.", "{value} hosted the summit."],
    ["Quel pays a accueilli le sommet ?", "Which country hosted the summit?"],
  ),
  fact(
    "founded",
    date(2014, "year"),
    ["L'alliance existe depuis {value}.", "The alliance has existed since {value}."],
    ["Depuis quand l'alliance existe-t-elle ?", "Since when has the alliance existed?"],
    ["Naissance de l'alliance", "Birth of the alliance"],
  ),
  fact(
    "signed",
    date("2014-04", "month"),
    ["Le traité a été signé {value:en}.", "The treaty was signed {value:in}."],
    ["Quand le traité a-t-il été signé ?", "When was the treaty signed?"],
    ["Signature du traité", "Signing of the treaty"],
  ),
  fact(
    "opened",
    date(2016, "year"),
    ["Le siège a ouvert en {value}.", "The headquarters opened in {value}."],
    ["Quand le siège a-t-il ouvert ?", "When did the headquarters open?"],
    ["Ouverture du siège", "Opening of the headquarters"],
  ),
  fact(
    "talks",
    date("2018-05-03", "day"),
    ["Les pourparlers ont eu lieu {value:en}.", "The talks took place {value:in}."],
    ["Quel jour les pourparlers ont-ils eu lieu ?", "On what day did the talks take place?"],
    ["Pourparlers", "Talks"],
  ),
  fact(
    "early",
    date(1990, "decade", "early"),
    ["Les contacts ont commencé {value:en}.", "Contacts began {value:in}."],
    ["Quand les contacts ont-ils commencé ?", "When did contacts begin?"],
    ["Premiers contacts", "First contacts"],
  ),
  fact(
    "nineties",
    date(1990, "decade"),
    ["La coopération s'est développée {value:en}.", "Cooperation grew {value:in}."],
    ["Quand la coopération s'est-elle développée ?", "When did cooperation grow?"],
    ["Essor de la coopération", "Growth of cooperation"],
  ),
  fact(
    "leaky",
    date(2012, "year"),
    ["La conférence de 2012 s'est tenue en {value}.", "The 2012 conference was held in {value}."],
    ["En quelle année la conférence de 2012 s'est-elle tenue ?", "In what year was the 2012 conference held?"],
    ["Conférence", "Conference"],
  ),
  fact(
    "labelled",
    date(2010, "year"),
    ["Le forum s'est réuni en {value}.", "The forum met in {value}."],
    ["Quand le forum s'est-il réuni ?", "When did the forum meet?"],
    ["Forum de 2010", "2010 forum"],
  ),
  ...["italy", "greece", "norway"].map((member) =>
    fact(
      `club-${member}`,
      { type: "membership", list: "club", member },
      ["{value} fait partie du club.", "{value} belongs to the club."],
      ["Lequel de ces pays fait partie du club ?", "Which of these countries belongs to the club?"],
    ),
  ),
  ...[
    ["sweden", "project-a"],
    ["spain", "project-a"],
    ["france", "project-b"],
    ["italy", "project-c"],
  ].map(([member, detail]) =>
    fact(
      `project-${member}`,
      { type: "membership", list: "projects", member, detail },
      ["{value} a bénéficié {detail:de}.", "{value} benefited from {detail}."],
      [
        `Quel pays a bénéficié ${detail === "project-a" ? "du projet A" : detail === "project-b" ? "du projet B" : "du projet C"} ?`,
        `Which country benefited from ${detail} ?`,
      ],
    ),
  ),
];

const moduleFile = {
  slug: "tricky",
  title: t("Pièges", "Traps"),
  description: t("Des faits piégeux.", "Tricky facts."),
  source: { title: "Essai", language: "fr" },
  topics: [
    { id: "events", title: t("Événements", "Events"), description: t("Dates et lieux.", "Dates and places.") },
    { id: "lists", title: t("Listes", "Lists"), description: t("Membres.", "Members.") },
  ],
  sections: [{ id: "main", heading: "Principal" }],
  lists: [
    {
      id: "club",
      label: t("Membres du club", "Club members"),
      question: t("Lesquels de ces pays font partie du club ?", "Which of these countries belong to the club?"),
      memberKinds: ["country"],
      distractors: ["poland", "chile", "peru", "japan"],
    },
    {
      id: "projects",
      label: t("Bénéficiaires des projets", "Project beneficiaries"),
      question: t(
        "Lesquels de ces pays ont bénéficié d'un projet ?",
        "Which of these countries benefited from a project?",
      ),
      memberKinds: ["country"],
      detailKind: "project",
      distractors: ["poland", "chile", "peru", "japan"],
    },
  ],
};

/** The module, validated by the same code as real content (it throws if the fixture drifts). */
export function trickyModule(): Module {
  const result = validateModule({
    module: { path: "tricky/module.yaml", data: moduleFile },
    entities: { path: "tricky/entities.yaml", data: { entities } },
    facts: { path: "tricky/facts.yaml", data: { facts } },
  });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join("\n"));
  return result.module;
}
