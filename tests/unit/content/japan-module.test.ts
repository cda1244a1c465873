import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  distractorCandidates,
  listMemberIds,
  renderStatement,
  renderValue,
  type DateValue,
  type Fact,
  type FactValue,
  type Locale,
  type Module,
} from "@/domain/content";
import { JAPAN_DIR, loadJapanModule } from "./japan-fixture";
import { loadModuleDir } from "@/server/content/load";

const LOCALES: Locale[] = ["fr", "en"];

function factById(japan: Module, id: string): Fact {
  const fact = japan.facts.find((f) => f.id === id);
  if (!fact) throw new Error(`no fact "${id}"`);
  return fact;
}

describe("the nato-japan module", () => {
  test("loads with no problem", async () => {
    const result = await loadModuleDir(JAPAN_DIR);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.module.slug).toBe("nato-japan");
  });

  test("has between 40 and 80 facts, in the seven topics in teaching order", async () => {
    const japan = await loadJapanModule();
    expect(japan.facts.length).toBeGreaterThanOrEqual(40);
    expect(japan.facts.length).toBeLessThanOrEqual(80);
    expect(japan.topics.map((t) => t.id)).toEqual([
      "framework",
      "cooperation-areas",
      "maritime-interoperability",
      "operations",
      "trust-funds",
      "science-cyber",
      "political-dialogue",
    ]);
  });

  test("keeps facts without a quizzable value few", async () => {
    const japan = await loadJapanModule();
    const plain = japan.facts.filter((f) => !f.value);
    expect(plain.length / japan.facts.length).toBeLessThan(0.15);
  });

  test("declares the lists the quiz needs, each with its members", async () => {
    const japan = await loadJapanModule();
    const members = (id: string) => listMemberIds(japan, id).sort();
    expect(members("cooperation-areas")).toEqual(
      [
        "cyber-defence",
        "humanitarian-assistance",
        "human-security",
        "maritime-security",
        "non-proliferation",
        "science-technology",
        "women-peace-security",
      ].sort(),
    );
    expect(members("foreign-ministers-2020")).toEqual(
      ["australia", "eu-high-representative", "finland", "new-zealand", "republic-of-korea", "sweden"].sort(),
    );
    const projects = Object.fromEntries(
      japan.facts.flatMap((f) =>
        f.value?.type === "membership" && f.value.list === "trust-fund-beneficiaries"
          ? [[f.value.member, f.value.detail]]
          : [],
      ),
    );
    expect(projects).toEqual({
      afghanistan: "ammunition-stockpile-security",
      tajikistan: "ammunition-stockpile-security",
      moldova: "pesticide-destruction",
      georgia: "ammunition-depot-neutralisation",
      azerbaijan: "contaminated-land-clearance",
    });
    for (const list of japan.lists) expect(listMemberIds(japan, list.id).length).toBeGreaterThanOrEqual(1);
  });

  test("offers at least 3 wrong options of the answer's kind for every entity-valued fact", async () => {
    const japan = await loadJapanModule();
    const kindOf = new Map(japan.entities.map((e) => [e.id, e.kind]));
    for (const fact of japan.facts) {
      const value = fact.value;
      if (value?.type !== "entity" && value?.type !== "membership") continue;
      const answer = value.type === "entity" ? value.entity : value.member;
      const candidates = distractorCandidates(japan, value);
      expect(candidates.length, fact.id).toBeGreaterThanOrEqual(3);
      expect(
        candidates.map((e) => e.id),
        fact.id,
      ).not.toContain(answer);
      for (const candidate of candidates) {
        if (value.type === "entity") expect(candidate.kind, fact.id).toBe(kindOf.get(answer));
        else expect(japan.lists.find((l) => l.id === value.list)?.memberKinds, fact.id).toContain(candidate.kind);
      }
    }
  });

  test.each<[string, Locale, string]>([
    [
      "first-contacts",
      "fr",
      "L'OTAN et le Japon ont noué leurs premiers contacts au début des années 1990 et n'ont jamais cessé depuis de dialoguer et de coopérer.",
    ],
    [
      "first-contacts",
      "en",
      "NATO and Japan first made contact in the early 1990s and have kept up dialogue and cooperation ever since.",
    ],
    [
      "joint-political-declaration",
      "fr",
      "Dans une déclaration politique conjointe signée en avril 2013, l'OTAN et le Japon ont affirmé leur volonté d'approfondir leur coopération.",
    ],
    [
      "joint-political-declaration",
      "en",
      "In a joint political declaration signed in April 2013, NATO and Japan stated their resolve to deepen their cooperation.",
    ],
    [
      "kishida-stoltenberg-date",
      "en",
      "Japan's Prime Minister held talks with the NATO Secretary General at NATO Headquarters on 24 March 2022.",
    ],
    [
      "afghanistan-pledge",
      "fr",
      "Le Japon s'est engagé à consacrer 5 milliards de dollars à l'Afghanistan sur cinq ans, de 2009 à 2013.",
    ],
    [
      "afghanistan-pledge",
      "en",
      "Japan pledged 5 billion US dollars to Afghanistan over five years, from 2009 to 2013.",
    ],
    [
      "flotilla-baltic-sea",
      "fr",
      "Une flottille de la Force maritime d'autodéfense du Japon s'est aussi entraînée aux côtés de navires de l'OTAN en mer Baltique.",
    ],
    [
      "trust-fund-moldova",
      "fr",
      "La République de Moldova a bénéficié d'un projet de fonds d'affectation spéciale soutenu par le Japon et visant à la destruction de stocks dangereux de pesticides.",
    ],
    [
      "trust-fund-moldova",
      "en",
      "The Republic of Moldova benefited from a Japan-supported trust-fund project aimed at destroying dangerous stocks of pesticides.",
    ],
    [
      "balkans-nato-operations-since",
      "en",
      "NATO has been running peace-support operations in the Balkans since the mid-1990s.",
    ],
  ])("renders %s in %s", async (id, locale, expected) => {
    const japan = await loadJapanModule();
    expect(renderStatement(factById(japan, id), japan.entities, locale)).toBe(expected);
  });

  test("renders the values themselves as answer options", async () => {
    const japan = await loadJapanModule();
    const value = (id: string, locale: Locale) => renderValue(factById(japan, id).value!, japan.entities, locale);
    expect(value("joint-political-declaration", "fr")).toBe("avril 2013");
    expect(value("joint-political-declaration", "en")).toBe("April 2013");
    expect(value("kishida-stoltenberg-date", "fr")).toBe("24 mars 2022");
    expect(value("kishida-stoltenberg-date", "en")).toBe("24 March 2022");
    expect(value("ipcp-start", "fr")).toBe("2014");
    expect(value("afghanistan-pledge", "fr")).toBe("5 milliards de dollars");
    expect(value("afghanistan-pledge", "en")).toBe("5 billion US dollars");
    expect(value("ccdcoe-city", "fr")).toBe("Tallinn");
    expect(value("first-contacts", "en")).toBe("early 1990s");
  });

  test("renders a false statement with a swapped value", async () => {
    const japan = await loadJapanModule();
    const fact = factById(japan, "flotilla-off-spain");
    const norway: FactValue = { type: "entity", kind: "country", entity: "norway" };
    expect(renderStatement(fact, japan.entities, "fr", norway)).toBe(
      "Une flottille de la Force maritime d'autodéfense du Japon s'est entraînée avec des navires de l'OTAN au large de la Norvège.",
    );
    expect(renderStatement(fact, japan.entities, "en", norway)).toBe(
      "A flotilla of the Japan Maritime Self-Defense Force trained with NATO ships off the coast of Norway.",
    );
  });

  test("never leaves a slot unfilled, whatever entity of the same kind is swapped in", async () => {
    const japan = await loadJapanModule();
    const cases = japan.facts.flatMap((fact) => {
      const value = fact.value;
      if (value?.type === "entity") {
        return japan.entities
          .filter((e) => e.kind === value.kind)
          .map((e) => ({ fact, override: { ...value, entity: e.id } as FactValue, name: e.name }));
      }
      if (value?.type === "membership") {
        const kinds = japan.lists.find((l) => l.id === value.list)!.memberKinds;
        return japan.entities
          .filter((e) => kinds.includes(e.kind))
          .map((e) => ({ fact, override: { ...value, member: e.id } as FactValue, name: e.name }));
      }
      return [];
    });
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.constantFrom(...LOCALES), ({ fact, override, name }, locale) => {
        const text = renderStatement(fact, japan.entities, locale, override);
        expect(text).not.toMatch(/[{}]/);
        expect(text.toLowerCase()).toContain(name[locale].toLowerCase());
      }),
      { numRuns: 500 },
    );
  });

  test("never leaves a slot unfilled, whatever valid date is swapped in", async () => {
    const japan = await loadJapanModule();
    const dateFacts = japan.facts.filter((f) => f.value?.type === "date");
    const dateValue: fc.Arbitrary<DateValue> = fc
      .record({
        year: fc.integer({ min: 1900, max: 2099 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
        precision: fc.constantFrom("decade", "year", "month", "day") as fc.Arbitrary<DateValue["precision"]>,
        part: fc.constantFrom(undefined, "early", "mid", "late") as fc.Arbitrary<DateValue["part"]>,
      })
      .map(({ year, month, day, precision, part }) => {
        const pad = (n: number) => String(n).padStart(2, "0");
        if (precision === "decade")
          return { type: "date", date: String(year - (year % 10)), precision, ...(part ? { part } : {}) };
        const date =
          precision === "year"
            ? `${year}`
            : precision === "month"
              ? `${year}-${pad(month)}`
              : `${year}-${pad(month)}-${pad(day)}`;
        return { type: "date", date, precision };
      });
    fc.assert(
      fc.property(fc.constantFrom(...dateFacts), dateValue, fc.constantFrom(...LOCALES), (fact, value, locale) => {
        const text = renderStatement(fact, japan.entities, locale, value);
        expect(text).not.toMatch(/[{}]|undefined|NaN/);
        expect(text).toContain(value.date.slice(0, 4));
      }),
      { numRuns: 300 },
    );
  });

  test("uses one French typography throughout: straight apostrophes, « » quotes, no double spaces", async () => {
    const japan = await loadJapanModule();
    const frenchTexts = JSON.stringify(japan).match(/"fr":"(?:[^"\\]|\\.)*"/g) ?? [];
    expect(frenchTexts.length).toBeGreaterThan(100);
    for (const text of frenchTexts) {
      // French puts a space before ? : ; ! (slots such as {value:en} are not text).
      expect(text, text).not.toMatch(/[’“”]|\\"|  | [,.]/);
      expect(text.replace(/\{[^{}]*\}/g, ""), text).not.toMatch(/[^\s"][?:;!]/);
    }
  });

  test("does not give the answer away in a label (membership labels name the member on purpose)", async () => {
    const japan = await loadJapanModule();
    for (const fact of japan.facts) {
      const value = fact.value;
      if (!value || value.type === "membership") continue;
      for (const locale of LOCALES) {
        const answer = value.type === "date" ? value.date.slice(0, 4) : renderValue(value, japan.entities, locale);
        expect(fact.label[locale], `${fact.id} ${locale}`).not.toContain(answer);
      }
    }
  });
});
