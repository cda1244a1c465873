import { describe, expect, test } from "vitest";
import {
  canonicalJson,
  computeContentHash,
  fnv1a64,
  renderEntity,
  renderStatement,
  renderValue,
  type Entity,
  type Fact,
  type FactValue,
  type Locale,
  type Module,
  type ValueForm,
} from "@/domain/content";

const entity = (id: string, fr: string, en: string, article?: Entity["article"]): Entity => ({
  id,
  kind: "country",
  name: { fr, en },
  ...(article ? { article } : {}),
});

const portugal = entity("portugal", "Portugal", "Portugal", { fr: "le" });
const spain = entity("spain", "Espagne", "Spain", { fr: "l'" });
const norway = entity("norway", "Norvège", "Norway", { fr: "la" });
const netherlands = entity("netherlands", "Pays-Bas", "Netherlands", { fr: "les", en: "the" });
const tokyo: Entity = { id: "tokyo", kind: "city", name: { fr: "Tokyo", en: "Tokyo" } };
const oslo: Entity = { id: "oslo", kind: "city", name: { fr: "Oslo", en: "Oslo" } };
const ipcp: Entity = {
  id: "ipcp",
  kind: "partnership-programme",
  name: { fr: "programme individuel", en: "Individual Programme" },
  article: { fr: "un", en: "an" },
};

describe("renderEntity: French contractions and English articles", () => {
  test.each<[Entity, Locale, ValueForm, string]>([
    [portugal, "fr", "name", "Portugal"],
    [portugal, "fr", "text", "le Portugal"],
    [portugal, "fr", "de", "du Portugal"],
    [portugal, "fr", "à", "au Portugal"],
    [portugal, "fr", "en", "au Portugal"],
    [spain, "fr", "text", "l'Espagne"],
    [spain, "fr", "de", "de l'Espagne"],
    [spain, "fr", "à", "à l'Espagne"],
    [spain, "fr", "en", "en Espagne"],
    [norway, "fr", "de", "de la Norvège"],
    [norway, "fr", "en", "en Norvège"],
    [netherlands, "fr", "de", "des Pays-Bas"],
    [netherlands, "fr", "à", "aux Pays-Bas"],
    [netherlands, "en", "text", "the Netherlands"],
    [netherlands, "en", "in", "in the Netherlands"],
    [netherlands, "en", "name", "Netherlands"],
    [tokyo, "fr", "en", "à Tokyo"],
    [tokyo, "fr", "de", "de Tokyo"],
    [oslo, "fr", "de", "d'Oslo"],
    [ipcp, "fr", "de", "d'un programme individuel"],
    [ipcp, "fr", "en", "dans un programme individuel"],
    [ipcp, "en", "text", "an Individual Programme"],
  ])("%s.id %s %s", (e, locale, form, expected) => {
    expect(renderEntity(e, locale, form)).toBe(expected);
  });
});

describe("renderValue", () => {
  const date = (
    d: string,
    precision: "decade" | "year" | "month" | "day",
    part?: "early" | "mid" | "late",
  ): FactValue => ({
    type: "date",
    date: d,
    precision,
    ...(part ? { part } : {}),
  });

  test.each<[FactValue, Locale, ValueForm, string]>([
    [date("2013-04", "month"), "fr", "name", "avril 2013"],
    [date("2022-03-24", "day"), "fr", "name", "24 mars 2022"],
    [date("2014", "year"), "fr", "name", "2014"],
    [date("2013-04", "month"), "en", "name", "April 2013"],
    [date("2022-03-24", "day"), "en", "name", "24 March 2022"],
    [date("2022-03-01", "day"), "fr", "name", "1er mars 2022"],
    [date("2022-03-24", "day"), "fr", "en", "le 24 mars 2022"],
    [date("2022-03-24", "day"), "fr", "de", "du 24 mars 2022"],
    [date("2022-03-24", "day"), "en", "in", "on 24 March 2022"],
    [date("2013-04", "month"), "fr", "en", "en avril 2013"],
    [date("2013-04", "month"), "fr", "de", "d'avril 2013"],
    [date("2014", "year"), "fr", "en", "en 2014"],
    [date("2014", "year"), "en", "in", "in 2014"],
    [date("1990", "decade"), "fr", "name", "années 1990"],
    [date("1990", "decade"), "fr", "en", "dans les années 1990"],
    [date("1990", "decade", "early"), "fr", "name", "début des années 1990"],
    [date("1990", "decade", "early"), "fr", "en", "au début des années 1990"],
    [date("1990", "decade", "mid"), "fr", "text", "le milieu des années 1990"],
    [date("1990", "decade", "late"), "fr", "en", "à la fin des années 1990"],
    [date("1990", "decade"), "en", "in", "in the 1990s"],
    [date("1990", "decade", "early"), "en", "name", "early 1990s"],
    [date("1990", "decade", "mid"), "en", "text", "the mid-1990s"],
    [{ type: "amount", amount: 5e9, unit: "USD" }, "fr", "name", "5 milliards de dollars"],
    [{ type: "amount", amount: 5e9, unit: "USD" }, "en", "name", "5 billion US dollars"],
    [{ type: "amount", amount: 1.5e9, unit: "EUR" }, "fr", "name", "1,5 milliard d'euros"],
    [{ type: "amount", amount: 2e6, unit: "EUR" }, "en", "name", "2 million euros"],
    [{ type: "amount", amount: 25000, unit: "USD" }, "fr", "name", "25 000 dollars"],
    [{ type: "amount", amount: 25000, unit: "USD" }, "en", "name", "25,000 US dollars"],
  ])("%j %s %s", (value, locale, form, expected) => {
    expect(renderValue(value, [], locale, form)).toBe(expected);
  });

  test("throws on an unknown entity id", () => {
    expect(() => renderValue({ type: "entity", kind: "city", entity: "atlantis" }, [tokyo], "fr")).toThrow(/atlantis/);
  });
});

describe("renderStatement", () => {
  const fact: Fact = {
    id: "hq",
    topic: "t",
    section: "s",
    label: { fr: "Siège", en: "Headquarters" },
    statement: { fr: "{value} accueille le siège.", en: "NATO Headquarters is in {value}." },
    question: { fr: "Où ?", en: "Where?" },
    value: { type: "entity", kind: "country", entity: "spain" },
  };

  test("fills the slot and capitalises a sentence that starts with it", () => {
    expect(renderStatement(fact, [spain, portugal], "fr")).toBe("L'Espagne accueille le siège.");
    expect(
      renderStatement(fact, [spain, portugal], "fr", { type: "entity", kind: "country", entity: "portugal" }),
    ).toBe("Le Portugal accueille le siège.");
  });

  test("refuses an override of another type", () => {
    expect(() => renderStatement(fact, [spain], "en", { type: "date", date: "2014", precision: "year" })).toThrow(
      /entity value/,
    );
  });

  test("renders {detail} and {period}", () => {
    const project: Entity = {
      id: "p",
      kind: "project",
      name: { fr: "destruction de pesticides", en: "destroying pesticides" },
      article: { fr: "la" },
    };
    const membership: Fact = {
      ...fact,
      statement: { fr: "{value} a eu un projet visant {detail:à}.", en: "{value} had a project aimed at {detail}." },
      value: { type: "membership", list: "l", member: "norway", detail: "p" },
    };
    expect(renderStatement(membership, [norway, project], "fr")).toBe(
      "La Norvège a eu un projet visant à la destruction de pesticides.",
    );
    const amount: Fact = {
      ...fact,
      statement: { fr: "Le Japon a promis {value} {period}.", en: "Japan pledged {value} {period}." },
      value: { type: "amount", amount: 5e9, unit: "USD", period: { from: 2009, to: 2013 } },
    };
    expect(renderStatement(amount, [], "fr")).toBe("Le Japon a promis 5 milliards de dollars de 2009 à 2013.");
    expect(renderStatement(amount, [], "en", { type: "amount", amount: 3e9, unit: "USD" })).toBe(
      "Japan pledged 3 billion US dollars from 2009 to 2013.",
    );
  });
});

describe("computeContentHash", () => {
  const sample: Module = {
    slug: "m",
    title: { fr: "M", en: "M" },
    description: { fr: "D", en: "D" },
    source: { title: "S", language: "fr" },
    topics: [],
    sections: [],
    lists: [],
    entities: [tokyo],
    facts: [],
  };

  test("FNV-1a 64 matches the published test vectors", () => {
    expect(fnv1a64("")).toBe("cbf29ce484222325");
    expect(fnv1a64("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64("foobar")).toBe("85944171f73967e8");
  });

  test("does not depend on key order, and changes with the content", () => {
    const reordered = JSON.parse(canonicalJson(sample)) as Module;
    const shuffled = Object.fromEntries(Object.entries(reordered).reverse()) as Module;
    expect(computeContentHash(shuffled)).toBe(computeContentHash(sample));
    expect(computeContentHash({ ...sample, entities: [{ ...tokyo, name: { fr: "Tōkyō", en: "Tokyo" } }] })).not.toBe(
      computeContentHash(sample),
    );
    expect(computeContentHash(sample)).toMatch(/^[0-9a-f]{16}$/);
  });
});
