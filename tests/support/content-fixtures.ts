import type { Fact, Module } from "@/domain/content";

const text = (fr: string, en: string) => ({ fr, en });

export function fixtureFact(id: string, overrides: Partial<Fact> = {}): Fact {
  return {
    id,
    topic: "basics",
    section: "intro",
    label: text(`Fait ${id}`, `Fact ${id}`),
    statement: text(`Le fait ${id} date de {value}.`, `Fact ${id} dates from {value}.`),
    question: text(`De quand date le fait ${id} ?`, `When does fact ${id} date from?`),
    value: { type: "date", date: "2014", precision: "year" },
    ...overrides,
  };
}

/** A tiny module, valid by construction, for tests that exercise the sync rather than the content. */
export function fixtureModule(slug: string, facts: Fact[] = [fixtureFact("a"), fixtureFact("b")]): Module {
  return {
    slug,
    title: text(`Module ${slug}`, `Module ${slug}`),
    description: text("Un module d’essai.", "A test module."),
    source: { title: "Source d’essai", language: "fr" },
    topics: [
      { id: "basics", title: text("Bases", "Basics"), description: text("Les bases.", "The basics.") },
      { id: "more", title: text("Suite", "More"), description: text("La suite.", "More of it.") },
    ],
    sections: [{ id: "intro", heading: "Introduction" }],
    lists: [],
    entities: [],
    facts,
  };
}
