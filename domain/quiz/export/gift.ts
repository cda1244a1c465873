import type { Question } from "../types";
import {
  categoryPath,
  exportStem,
  multipleChoiceFractions,
  ORDERING_SETTINGS,
  percent,
  questionName,
  questionTags,
  shortAnswerSpellings,
  type BankHeader,
} from "./moodle-common";

/**
 * GIFT, Moodle's text format for questions (MoodleDocs "GIFT format"; the reference is
 * question/format/gift/format.php). Questions are separated by blank lines; `::name::` names a
 * question, `{…}` holds the answers, `####` the general feedback; `// [id:…]` and `// [tag:…]`
 * carry the question's id and tags (plain comments for Moodles older than 3.11).
 */

/** Escapes GIFT's reserved characters the way Moodle's own exporter does (repchar). */
export function escapeGift(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/[~=#{}:]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, "\\n");
}

/**
 * Ordering items and stems are read by the ordering plugin from the raw lines, without GIFT's
 * unescaping: they go out as written, and must not hold what would break its pattern.
 */
function rawOrderingText(text: string): string {
  if (/[{}\r\n]/.test(text))
    throw new Error(`GIFT export: ordering text cannot hold braces or line breaks: ${JSON.stringify(text)}`);
  return text;
}

/**
 * Moodle reads any answer block holding "=" and "->" as matching, and splits "prompt -> answer"
 * at the first "->": no escape protects it, so such text is refused rather than mangled.
 */
function matchingText(text: string): string {
  if (text.includes("->")) throw new Error(`GIFT export: matching text cannot hold "->": ${JSON.stringify(text)}`);
  return escapeGift(text);
}

function feedback(q: Question): string {
  return `\t####${escapeGift(q.explanation)}\n`;
}

function answers(q: Question): string {
  switch (q.type) {
    case "single-choice":
      return `{\n${q.options.map((o) => `\t${o.id === q.key.optionId ? "=" : "~"}${escapeGift(o.text)}\n`).join("")}${feedback(q)}}`;
    case "multiple-choice": {
      const fractions = multipleChoiceFractions(q);
      const lines = q.options.map((o) => `\t~%${percent(fractions.get(o.id) ?? 0)}%${escapeGift(o.text)}\n`);
      return `{\n${lines.join("")}${feedback(q)}}`;
    }
    case "true-false":
      return `{${q.key.value ? "TRUE" : "FALSE"}####${escapeGift(q.explanation)}}`;
    case "year-answer":
      return `{#${q.key.year}:${q.key.tolerance}####${escapeGift(q.explanation)}}`;
    case "cloze":
      return `{${shortAnswerSpellings(q.key.accepted)
        .map((s) => `=${matchingText(s)}`)
        .join(" ")}####${escapeGift(q.explanation)}}`;
    case "matching": {
      const options = new Map(q.options.map((o) => [o.id, o.text]));
      const lines = q.prompts.map(
        (p) => `\t=${matchingText(p.text)} -> ${matchingText(options.get(q.key.pairs[p.id] ?? "") ?? "")}\n`,
      );
      return `{\n${lines.join("")}${feedback(q)}}`;
    }
    case "ordering": {
      const items = new Map(q.items.map((i) => [i.id, i.text]));
      const { layout, select, grading, show } = ORDERING_SETTINGS;
      const lines = q.key.order.map((id) => `${rawOrderingText(items.get(id) ?? "")}\n`);
      return `{>${q.items.length} ${select} ${layout} ${grading} ${show}\n${lines.join("")}}`;
    }
  }
}

function questionText(q: Question): string {
  if (q.type === "ordering") return `${rawOrderingText(exportStem(q))}${answers(q)}`;
  if (q.type === "cloze") return `${escapeGift(q.before)}${answers(q)}${escapeGift(q.after)}`;
  return `${escapeGift(exportStem(q))}${answers(q)}`;
}

function writeQuestion(q: Question): string {
  const meta = [`// [id:${q.id}]`, ...questionTags(q).map((t) => `// [tag:${t}]`)].join("\n");
  const name = q.type === "ordering" ? rawOrderingText(questionName(q)) : escapeGift(questionName(q));
  return `${meta}\n::${name}::${questionText(q)}\n`;
}

/** The bank as a GIFT file: a comment header, then one category per topic with its questions. */
export function toGift(questions: readonly Question[], header: BankHeader): string {
  const blocks = [
    `// Entente question bank: ${header.moduleTitle} (${header.module}), ${header.locale}, seed ${header.seed}, ${questions.length} questions.`,
  ];
  let category = "";
  for (const q of questions) {
    const path = categoryPath(header.module, q.topic);
    if (path !== category) {
      blocks.push(`$CATEGORY: ${path}`);
      category = path;
    }
    blocks.push(writeQuestion(q).trimEnd());
  }
  return `${blocks.join("\n\n")}\n`;
}
