import type { Fact, FactValue, Module } from "@/domain/content";
import type { ModuleIndex } from "./module-index";
import type { Question } from "./types";

function valueKey(value: FactValue): string {
  switch (value.type) {
    case "entity":
      return `e:${value.entity}`;
    case "membership":
      return `m:${value.member}`;
    case "date":
      return `d:${value.date}:${value.precision}:${value.part ?? ""}`;
    case "amount":
      return `a:${value.amount}:${value.unit}`;
  }
}

/** Short keys for a fact's wordings: texts are numbered per module, so keys stay small to hash. */
type FactWording = { question: string; statement: string };

const wordingCache = new WeakMap<Module, Map<string, FactWording>>();

function wordingsOf(module: Module): Map<string, FactWording> {
  const cached = wordingCache.get(module);
  if (cached) return cached;
  const numbers = new Map<string, number>();
  const number = (text: string) => {
    const n = numbers.get(text) ?? numbers.size;
    numbers.set(text, n);
    return n;
  };
  const wordings = new Map<string, FactWording>();
  for (const fact of module.facts) {
    const value = fact.value;
    const detail = value?.type === "membership" ? (value.detail ?? "") : "";
    const period = value?.type === "amount" && value.period ? `${value.period.from}-${value.period.to}` : "";
    wordings.set(fact.id, {
      question: `question|${number(`${fact.question?.fr ?? ""}\u001f${fact.question?.en ?? ""}`)}`,
      statement: `${number(`${fact.statement.fr}\u001f${fact.statement.en}`)}|${detail}|${period}`,
    });
  }
  wordingCache.set(module, wordings);
  return wordings;
}

function wordingOf(module: Module, fact: Fact): FactWording {
  return wordingsOf(module).get(fact.id) ?? { question: `question|${fact.id}`, statement: fact.id };
}

/**
 * What makes two questions read alike, from the facts rather than the rendered text, so that it
 * is the same in French and in English: questions asked with the same question text; true/false
 * claims built from the same statement with the same value (sibling facts falsify their shared
 * statement alike); "select all" on the same list; matching or ordering with the same stem.
 * The bank keeps one question per key where the learner would see the same thing twice, and a
 * quiz avoids repeating a key.
 */
export function wordingKey(q: Question, index: ModuleIndex): string {
  const fact = index.byId.get(q.factIds[0] ?? "")?.fact;
  if (!fact) return `${q.type}|${q.id}`;
  switch (q.type) {
    case "single-choice":
    case "year-answer":
      return wordingOf(index.module, fact).question;
    case "true-false":
      return `claim|${wordingOf(index.module, fact).statement}|${valueKey(q.key.shown)}`;
    case "cloze":
      return `cloze|${wordingOf(index.module, fact).statement}`;
    case "multiple-choice":
      return `list|${q.list}`;
    case "matching":
      return fact.value.type === "membership" ? `matching|${fact.value.list}` : "matching|dates";
    case "ordering":
      return "ordering";
  }
}

/** The key of a stem that is the fact's own question (single choice, typed year). */
export function questionKey(module: Module, fact: Fact): string {
  return wordingOf(module, fact).question;
}
