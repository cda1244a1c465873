import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { renderEntity, renderValue, type Fact, type FactValue, type Locale, type Module } from "@/domain/content";
import { answerKey, buildQuestionBank, gradeAnswer, normalizeAnswer, type Question } from "@/domain/quiz";
import { nearMisses } from "./support/answers";
import { loadJapan } from "./support/japan";
import { dateSpan, isTrueValue, spansOverlap, trueEntityCount } from "./support/oracle";
import { trickyModule } from "./support/tricky-module";

/**
 * The bank's promises, checked over 1,000 seeds, both languages and every fact of the real
 * module (and of a module built of traps): the key is among the options, options are unique,
 * no distractor is true according to the fact base (an oracle written apart from the builder
 * decides), the key scores 1 and every near miss scores less.
 */

const japan = await loadJapan();
const tricky = trickyModule();
const SEEDS = fc.integer({ min: 0, max: 0xffffffff });

const factMaps = new WeakMap<Module, Map<string, Fact>>();

function factOf(module: Module, id: string): Fact & { value: FactValue } {
  let byId = factMaps.get(module);
  if (!byId) {
    byId = new Map(module.facts.map((f) => [f.id, f]));
    factMaps.set(module, byId);
  }
  const fact = byId.get(id);
  if (!fact?.value) throw new Error(`no fact ${id} with a value`);
  return fact as Fact & { value: FactValue };
}

/**
 * A check that costs nothing when it holds: a quarter of a million questions are checked per
 * run, and building `expect` messages for each would dominate the time.
 */
function ensure(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

function ensureDistinct(texts: readonly string[], where: string): void {
  const keys = texts.map(normalizeAnswer);
  ensure(
    new Set(keys).size === keys.length,
    () => `${where}: options ${JSON.stringify(texts)} repeat after normalisation`,
  );
}

/** Names of other entities of the answer's kind: typed, none of them may earn the mark. */
function otherNames(module: Module, fact: Fact & { value: FactValue }, locale: Locale): string[] {
  const value = fact.value;
  const id = value.type === "entity" ? value.entity : value.type === "membership" ? value.member : undefined;
  const kind = module.entities.find((e) => e.id === id)?.kind;
  return module.entities.filter((e) => e.kind === kind && e.id !== id).map((e) => renderEntity(e, locale));
}

const FULL_MARKS = JSON.stringify({ ok: true, score: 1, correct: true });

function checkQuestion(module: Module, q: Question): void {
  const where = `${q.type} ${q.factIds.join("+")} (${q.locale}, ${q.id})`;
  const facts = q.factIds.map((id) => factOf(module, id));
  const fact = facts[0] as Fact & { value: FactValue };
  ensure(new Set(q.factIds).size === q.factIds.length, () => `${where}: a fact twice`);
  ensure(q.explanation.length > 0 && q.stem.length > 0, () => `${where}: empty stem or explanation`);
  ensure(
    q.sections.every((s) => module.sections.some((x) => x.id === s)),
    () => `${where}: unknown section`,
  );

  switch (q.type) {
    case "single-choice": {
      ensure(
        q.options.some((o) => o.id === q.key.optionId),
        () => `${where}: the key is not an option`,
      );
      ensureDistinct(
        q.options.map((o) => o.text),
        where,
      );
      for (const option of q.options) {
        const right = option.id === q.key.optionId;
        ensure(
          isTrueValue(module, fact, option.value) === right,
          () => `${where}: option "${option.text}" is ${right ? "the key but false" : "a distractor but true"}`,
        );
        if (right)
          ensure(option.text === renderValue(fact.value, module.entities, q.locale), () => `${where}: key text`);
      }
      break;
    }
    case "multiple-choice": {
      const ids = new Set(q.options.map((o) => o.id));
      ensure(
        q.key.optionIds.every((id) => ids.has(id)),
        () => `${where}: a key id is not an option`,
      );
      ensure(
        q.key.optionIds.length >= 2 && q.options.length - q.key.optionIds.length >= 1,
        () => `${where}: too few right or wrong options`,
      );
      ensureDistinct(
        q.options.map((o) => o.text),
        where,
      );
      const members = new Set(
        module.facts.flatMap((f) =>
          f.value?.type === "membership" && f.value.list === q.list ? [f.value.member] : [],
        ),
      );
      for (const option of q.options) {
        const member = option.value.type === "membership" ? option.value.member : "";
        ensure(
          members.has(member) === q.key.optionIds.includes(option.id),
          () => `${where}: option "${option.text}" misclassified`,
        );
      }
      break;
    }
    case "true-false":
      ensure(
        isTrueValue(module, fact, q.key.shown) === q.key.value,
        () => `${where}: "${q.stem}" is not ${q.key.value}`,
      );
      if (q.key.value) expect(q.key.shown).toEqual(fact.value);
      break;
    case "year-answer": {
      ensure(
        fact.value.type === "date" && q.key.year === Number(fact.value.date.slice(0, 4)),
        () => `${where}: wrong year`,
      );
      // Only one year is right: no fact making the same claim has another.
      for (const other of module.facts) {
        if (other.value?.type === "date" && other !== fact && isTrueValue(module, fact, other.value)) {
          ensure(
            other.value.date.slice(0, 4) === String(q.key.year),
            () => `${where}: ${other.id} makes another year right`,
          );
        }
      }
      ensure(!q.stem.includes(String(q.key.year)), () => `${where}: the stem gives the year`);
      break;
    }
    case "cloze": {
      ensure(trueEntityCount(module, fact) === 1, () => `${where}: more than one right name`);
      ensure(
        q.key.accepted[0] === renderValue(fact.value, module.entities, q.locale),
        () => `${where}: first accepted spelling`,
      );
      ensure(q.stem === `${q.before}_____${q.after}`, () => `${where}: stem`);
      for (const accepted of q.key.accepted) {
        ensure(
          !normalizeAnswer(q.stem).includes(normalizeAnswer(accepted)),
          () => `${where}: the sentence gives "${accepted}"`,
        );
      }
      break;
    }
    case "matching": {
      ensure(
        JSON.stringify(Object.keys(q.key.pairs).sort()) === JSON.stringify(q.prompts.map((p) => p.id).sort()),
        () => `${where}: key prompts`,
      );
      ensure(
        new Set(Object.values(q.key.pairs)).size === q.prompts.length,
        () => `${where}: two prompts share an option`,
      );
      ensureDistinct(
        q.options.map((o) => o.text),
        where,
      );
      ensureDistinct(
        q.prompts.map((p) => p.text),
        where,
      );
      const options = new Map(q.options.map((o) => [o.id, o.text]));
      for (const prompt of q.prompts) {
        const promptFact = factOf(module, prompt.factId);
        const choice = options.get(q.key.pairs[prompt.id] as string);
        ensure(
          choice === renderValue(promptFact.value, module.entities, q.locale),
          () => `${where}: "${prompt.text}" keyed to "${choice}"`,
        );
      }
      // No event could also take another's date: the dates of a question never overlap.
      const dates = q.prompts.map((p) => factOf(module, p.factId).value).filter((v) => v.type === "date");
      dates.forEach((a, i) =>
        dates.slice(i + 1).forEach((b) => ensure(!spansOverlap(a, b), () => `${where}: overlapping dates`)),
      );
      break;
    }
    case "ordering": {
      ensure(
        JSON.stringify(q.key.order.slice().sort()) === JSON.stringify(q.items.map((i) => i.id).sort()),
        () => `${where}: key is not a permutation`,
      );
      ensure(
        JSON.stringify(q.key.order) !== JSON.stringify(q.items.map((i) => i.id)),
        () => `${where}: shown in the right order`,
      );
      ensureDistinct(
        q.items.map((i) => i.text),
        where,
      );
      const byId = new Map(q.items.map((i) => [i.id, factOf(module, i.factId).value]));
      const spans = q.key.order.map((id) => {
        const value = byId.get(id);
        if (value?.type !== "date") throw new Error(`${where}: an ordering item without a date`);
        return dateSpan(value);
      });
      spans
        .slice(1)
        .forEach((span, i) =>
          ensure((spans[i] as [number, number])[1] < span[0], () => `${where}: not strictly chronological`),
        );
      break;
    }
  }

  ensure(JSON.stringify(gradeAnswer(q, answerKey(q))) === FULL_MARKS, () => `${where}: the key does not score 1`);
  for (const miss of nearMisses(q, q.type === "cloze" ? otherNames(module, fact, q.locale) : [])) {
    const grade = gradeAnswer(q, miss);
    ensure(grade.ok && grade.score < 1, () => `${where}: ${JSON.stringify(miss)} graded ${JSON.stringify(grade)}`);
  }
}

// A thousand seeds take a while on a shared machine; the default 5 s is for ordinary tests.
const TIMEOUT = 300_000;

test.prop([SEEDS], { numRuns: 1000 })(
  "every question of the Japan bank is right, in both languages",
  (seed) => {
    for (const locale of ["fr", "en"] as const) {
      const bank = buildQuestionBank(japan, { locale, seed });
      expect(bank.length).toBeGreaterThan(150);
      for (const q of bank) checkQuestion(japan, q);
    }
  },
  TIMEOUT,
);

test.prop([SEEDS], { numRuns: 1000 })(
  "every question of the trap module is right",
  (seed) => {
    for (const locale of ["fr", "en"] as const) {
      for (const q of buildQuestionBank(tricky, { locale, seed })) checkQuestion(tricky, q);
    }
  },
  TIMEOUT,
);

test.prop([SEEDS, fc.constantFrom<Locale>("fr", "en")], { numRuns: 1000 })(
  "the same seed gives the same bank",
  (seed, locale) => {
    const first = buildQuestionBank(japan, { locale, seed });
    buildQuestionBank(japan, { locale, seed: (seed + 1) >>> 0 });
    expect(buildQuestionBank(japan, { locale, seed })).toEqual(first);
  },
  TIMEOUT,
);

test.prop([SEEDS, fc.constantFrom<Locale>("fr", "en")], { numRuns: 20 })(
  "a fresh copy of the module gives the same bank: nothing depends on what is cached",
  (seed, locale) => {
    expect(buildQuestionBank(structuredClone(japan), { locale, seed })).toEqual(
      buildQuestionBank(japan, { locale, seed }),
    );
  },
  TIMEOUT,
);
