import { describe, expect, test } from "vitest";
import { loadJapanModule } from "./japan-fixture";

/**
 * The source page ("Relations avec le Japon"), statement by statement, in short references of
 * our own, each mapped to the facts that carry it. Read it next to the source: a statement
 * missing here is a gap in the fact base; a fact missing here was not asked for by the source.
 */
type CoverageEntry = { section: string; ref: string; facts: string[] };

const COVERAGE: CoverageEntry[] = [
  // Lead paragraph and the four bullets under the title.
  {
    section: "intro",
    ref: "NATO and Japan resolved to strengthen relations against shared security challenges",
    facts: ["shared-security-challenges"],
  },
  { section: "intro", ref: "lead: practical cooperation in maritime security", facts: ["area-maritime-security"] },
  { section: "intro", ref: "lead: practical cooperation in cyber defence", facts: ["area-cyber-defence"] },
  { section: "intro", ref: "lead: practical cooperation in non-proliferation", facts: ["area-non-proliferation"] },
  { section: "intro", ref: "first contacts in the early 1990s", facts: ["first-contacts"] },
  { section: "intro", ref: "continuous dialogue and cooperation since then", facts: ["first-contacts"] },
  {
    section: "intro",
    ref: "Japan is outside the Euro-Atlantic area, one of the partners across the globe",
    facts: ["partners-across-the-globe"],
  },
  {
    section: "intro",
    ref: "NATO seeks to develop relations with these partners",
    facts: ["partners-across-the-globe"],
  },
  { section: "intro", ref: "joint political declaration signed in April 2013", facts: ["joint-political-declaration"] },
  {
    section: "intro",
    ref: "the declaration states the will to strengthen cooperation",
    facts: ["joint-political-declaration"],
  },
  { section: "intro", ref: "working together since 2014 under an IPCP", facts: ["ipcp-start", "ipcp-framework"] },
  { section: "intro", ref: "IPCP renewed in June 2020", facts: ["ipcp-renewal"] },
  { section: "intro", ref: "practical cooperation: cyber defence", facts: ["area-cyber-defence"] },
  { section: "intro", ref: "practical cooperation: maritime security", facts: ["area-maritime-security"] },
  {
    section: "intro",
    ref: "practical cooperation: humanitarian assistance and disaster relief",
    facts: ["area-humanitarian-assistance"],
  },
  { section: "intro", ref: "practical cooperation: non-proliferation", facts: ["area-non-proliferation"] },
  { section: "intro", ref: "practical cooperation: science and technology", facts: ["area-science-technology"] },
  { section: "intro", ref: "practical cooperation: human security", facts: ["area-human-security"] },
  {
    section: "intro",
    ref: "practical cooperation: women, peace and security agenda",
    facts: ["area-women-peace-security"],
  },

  // Principaux domaines de coopération
  { section: "main-areas", ref: "cooperation benefits both parties", facts: ["mutual-benefit"] },

  // Renforcement des capacités et de l'interopérabilité
  {
    section: "capacity-interoperability",
    ref: "Interoperability Platform under the Partnership Interoperability Initiative",
    facts: ["interoperability-platform-initiative"],
  },
  {
    section: "capacity-interoperability",
    ref: "Japan in the Interoperability Platform since 2014",
    facts: ["interoperability-platform-since"],
  },
  {
    section: "capacity-interoperability",
    ref: "the platform gathers Allies and partners contributing to operations",
    facts: ["interoperability-platform-since"],
  },
  {
    section: "capacity-interoperability",
    ref: "Japan keen on training and maritime-security interoperability",
    facts: ["maritime-training-interest"],
  },
  {
    section: "capacity-interoperability",
    ref: "JMSDF flotilla trained with NATO ships off Spain",
    facts: ["flotilla-off-spain"],
  },
  {
    section: "capacity-interoperability",
    ref: "JMSDF flotilla trained with NATO ships in the Baltic Sea",
    facts: ["flotilla-baltic-sea"],
  },
  {
    section: "capacity-interoperability",
    ref: "liaison officer at Allied Maritime Command",
    facts: ["liaison-officer-marcom"],
  },

  // Soutien aux opérations et missions dirigées par l'OTAN
  { section: "operations", ref: "Japan supported ISAF", facts: ["isaf-support"] },
  {
    section: "operations",
    ref: "Japan backed reconstruction and development in Afghanistan",
    facts: ["afghanistan-reconstruction"],
  },
  {
    section: "operations",
    ref: "Tokyo Conference in July 2012 to rally support for Afghanistan",
    facts: ["tokyo-conference-date", "tokyo-conference-city"],
  },
  {
    section: "operations",
    ref: "pledge of 5 billion dollars over five years (2009-2013)",
    facts: ["afghanistan-pledge"],
  },
  {
    section: "operations",
    ref: "earlier support to disarming, demobilising, reintegrating ex-combatants",
    facts: ["ddr-support"],
  },
  { section: "operations", ref: "reintegration of insurgents through the APRP", facts: ["aprp-reintegration"] },
  {
    section: "operations",
    ref: "human-security field projects in several regions of Afghanistan",
    facts: ["afghanistan-field-projects"],
  },
  { section: "operations", ref: "contribution to the Afghan National Army Trust Fund", facts: ["ana-trust-fund"] },
  {
    section: "operations",
    ref: "Japan helped stabilise the Balkans in the 1990s",
    facts: ["balkans-stabilisation-decade", "balkans-stabilisation-region"],
  },
  {
    section: "operations",
    ref: "NATO peace-support operations in the Balkans since the mid-1990s",
    facts: ["balkans-nato-operations-since"],
  },
  {
    section: "operations",
    ref: "major donor to Balkan recovery and European integration",
    facts: ["balkans-recovery-donor"],
  },

  // Autres domaines de coopération
  {
    section: "other-areas",
    ref: "generous contributions to trust-fund projects in partner countries",
    facts: [
      "trust-fund-afghanistan",
      "trust-fund-tajikistan",
      "trust-fund-moldova",
      "trust-fund-georgia",
      "trust-fund-azerbaijan",
    ],
  },
  {
    section: "other-areas",
    ref: "ammunition stockpile management and security in Afghanistan",
    facts: ["trust-fund-afghanistan"],
  },
  {
    section: "other-areas",
    ref: "ammunition stockpile management and security in Tajikistan",
    facts: ["trust-fund-tajikistan"],
  },
  { section: "other-areas", ref: "destruction of dangerous pesticides in Moldova", facts: ["trust-fund-moldova"] },
  { section: "other-areas", ref: "neutralisation of an ammunition depot in Georgia", facts: ["trust-fund-georgia"] },
  { section: "other-areas", ref: "clearance of contaminated land in Azerbaijan", facts: ["trust-fund-azerbaijan"] },
  { section: "other-areas", ref: "more recently, the DCB Trust Fund", facts: ["dcb-trust-fund"] },
  { section: "other-areas", ref: "Japan involved in the SPS Programme", facts: ["sps-participation"] },
  { section: "other-areas", ref: "SPS activities on counter-terrorism", facts: ["sps-counter-terrorism"] },
  {
    section: "other-areas",
    ref: "SPS activities on detecting and clearing mines and UXO",
    facts: ["sps-mine-detection"],
  },
  { section: "other-areas", ref: "multi-year research on safe landmine detection", facts: ["sps-landmine-projects"] },
  {
    section: "other-areas",
    ref: "semiconductor detector for CBRN at ports and borders, building on past work",
    facts: ["semiconductor-detector"],
  },
  {
    section: "other-areas",
    ref: "expert at the Cooperative Cyber Defence Centre of Excellence",
    facts: ["ccdcoe-expert"],
  },
  { section: "other-areas", ref: "the centre is in Tallinn, Estonia", facts: ["ccdcoe-city"] },
  {
    section: "other-areas",
    ref: "a sign of Japan's wish for more cyber defence cooperation",
    facts: ["cyber-cooperation-signal"],
  },
  {
    section: "other-areas",
    ref: "first NATO foreign ministers' meeting for Japan, December 2020",
    facts: ["foreign-ministers-2020-date"],
  },
  { section: "other-areas", ref: "December 2020 meeting: Australia", facts: ["foreign-ministers-2020-australia"] },
  { section: "other-areas", ref: "December 2020 meeting: Finland", facts: ["foreign-ministers-2020-finland"] },
  { section: "other-areas", ref: "December 2020 meeting: Republic of Korea", facts: ["foreign-ministers-2020-korea"] },
  { section: "other-areas", ref: "December 2020 meeting: New Zealand", facts: ["foreign-ministers-2020-new-zealand"] },
  { section: "other-areas", ref: "December 2020 meeting: Sweden", facts: ["foreign-ministers-2020-sweden"] },
  {
    section: "other-areas",
    ref: "December 2020 meeting: EU High Representative / Commission Vice-President",
    facts: ["foreign-ministers-2020-eu-high-representative"],
  },
  {
    section: "other-areas",
    ref: "meeting on the global balance of power and the rise of China",
    facts: ["foreign-ministers-2020-china"],
  },
  {
    section: "other-areas",
    ref: "one example of increasingly visible political interactions at many levels",
    facts: ["political-interactions"],
  },
  {
    section: "other-areas",
    ref: "Brussels Summit, June 2021: more dialogue and cooperation with partners",
    facts: ["brussels-summit-2021-date", "brussels-summit-2021-city"],
  },
  { section: "other-areas", ref: "Japan is one of NATO's Indo-Pacific partners", facts: ["indo-pacific-partner"] },
  {
    section: "other-areas",
    ref: "24 March 2022: Kishida met Stoltenberg",
    facts: ["kishida-stoltenberg-date", "kishida-meeting-prime-minister", "kishida-meeting-secretary-general"],
  },
  { section: "other-areas", ref: "the talks were at NATO Headquarters in Brussels", facts: ["kishida-meeting-city"] },
  { section: "other-areas", ref: "in the context of a G7 leaders' meeting", facts: ["kishida-meeting-g7"] },
  { section: "other-areas", ref: "an extraordinary summit earlier the same day", facts: ["extraordinary-summit-date"] },
  {
    section: "other-areas",
    ref: "the summit answered Russia's unprovoked invasion of Ukraine",
    facts: ["extraordinary-summit-ukraine", "extraordinary-summit-date"],
  },
];

describe("coverage of the source by the nato-japan facts", () => {
  test("lists the source statement by statement", () => {
    expect(COVERAGE.length).toBeGreaterThanOrEqual(45);
    expect(new Set(COVERAGE.map((e) => e.ref)).size).toBe(COVERAGE.length);
  });

  test.each(COVERAGE)("$section: $ref", async ({ section, facts }) => {
    const japan = await loadJapanModule();
    expect(facts.length).toBeGreaterThan(0);
    for (const id of facts) {
      const fact = japan.facts.find((f) => f.id === id);
      expect(fact, `unknown fact "${id}"`).toBeDefined();
      expect(fact!.section, id).toBe(section);
    }
  });

  test("every fact comes from the source: each is referenced by the coverage list", async () => {
    const japan = await loadJapanModule();
    const covered = new Set(COVERAGE.flatMap((e) => e.facts));
    expect(japan.facts.map((f) => f.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  test("every section of the module appears in the coverage list", async () => {
    const japan = await loadJapanModule();
    expect(new Set(COVERAGE.map((e) => e.section))).toEqual(new Set(japan.sections.map((s) => s.id)));
  });
});
