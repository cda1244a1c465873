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
 * Moodle XML (MoodleDocs "Moodle XML format"; the reference is question/format/xml/format.php
 * and, for ordering, question/type/ordering/questiontype.php). Texts are plain text
 * (format="plain_text"), so escaping them as XML is all they need.
 */

// Characters XML 1.0 forbids outright; content never holds them, but a stray one would make
// the whole file unreadable.
const INVALID_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Escapes text for an XML text node or a double-quoted attribute: `&`, `<`, `>` and `"`.
 * Apostrophes stay as they are, as Moodle writes them (French text is full of them).
 */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const text = (value: string) => `<text>${escapeXml(value)}</text>`;
const plain = (tag: string, value: string, indent: string) =>
  `${indent}<${tag} format="plain_text">${text(value)}</${tag}>`;

function answer(fraction: string, value: string, extra = ""): string {
  return `    <answer fraction="${fraction}" format="plain_text">${text(value)}<feedback format="plain_text"><text></text></feedback>${extra}</answer>`;
}

const MOODLE_TYPES: Record<Question["type"], string> = {
  "single-choice": "multichoice",
  "multiple-choice": "multichoice",
  "true-false": "truefalse",
  "year-answer": "numerical",
  cloze: "shortanswer",
  matching: "matching",
  ordering: "ordering",
};

function typeFields(q: Question): string[] {
  switch (q.type) {
    case "single-choice":
      return [
        "    <single>true</single>",
        "    <shuffleanswers>true</shuffleanswers>",
        "    <answernumbering>abc</answernumbering>",
        ...q.options.map((o) => answer(o.id === q.key.optionId ? "100" : "0", o.text)),
      ];
    case "multiple-choice": {
      const fractions = multipleChoiceFractions(q);
      return [
        "    <single>false</single>",
        "    <shuffleanswers>true</shuffleanswers>",
        "    <answernumbering>abc</answernumbering>",
        ...q.options.map((o) => answer(percent(fractions.get(o.id) ?? 0), o.text)),
      ];
    }
    case "true-false":
      return [answer(q.key.value ? "100" : "0", "true"), answer(q.key.value ? "0" : "100", "false")];
    case "year-answer":
      return [
        answer("100", String(q.key.year), `<tolerance>${q.key.tolerance}</tolerance>`),
        "    <unitgradingtype>0</unitgradingtype>",
        "    <unitpenalty>0</unitpenalty>",
        "    <showunits>3</showunits>",
        "    <unitsleft>0</unitsleft>",
      ];
    case "cloze":
      return ["    <usecase>0</usecase>", ...shortAnswerSpellings(q.key.accepted).map((s) => answer("100", s))];
    case "matching": {
      const options = new Map(q.options.map((o) => [o.id, o.text]));
      return [
        "    <shuffleanswers>true</shuffleanswers>",
        ...q.prompts.map(
          (p) =>
            `    <subquestion format="plain_text">${text(p.text)}<answer>${text(options.get(q.key.pairs[p.id] ?? "") ?? "")}</answer></subquestion>`,
        ),
      ];
    }
    case "ordering": {
      const items = new Map(q.items.map((i) => [i.id, i.text]));
      const { layout, select, grading, show } = ORDERING_SETTINGS;
      return [
        `    <layouttype>${layout}</layouttype>`,
        `    <selecttype>${select}</selecttype>`,
        `    <selectcount>${q.items.length}</selectcount>`,
        `    <gradingtype>${grading}</gradingtype>`,
        `    <showgrading>${show}</showgrading>`,
        // The answers' fractions give the right order, 1 first.
        ...q.key.order.map((id, i) => answer(String(i + 1), items.get(id) ?? "")),
      ];
    }
  }
}

function writeQuestion(q: Question): string {
  const questionText = q.type === "cloze" ? q.stem : exportStem(q);
  return [
    `  <!-- ${escapeXml(q.id).replace(/--/g, "- -")} -->`,
    `  <question type="${MOODLE_TYPES[q.type]}">`,
    `    <name>${text(questionName(q))}</name>`,
    plain("questiontext", questionText, "    "),
    plain("generalfeedback", q.explanation, "    "),
    "    <defaultgrade>1</defaultgrade>",
    "    <penalty>0.3333333</penalty>",
    "    <hidden>0</hidden>",
    `    <idnumber>${escapeXml(q.id)}</idnumber>`,
    ...typeFields(q),
    `    <tags>${questionTags(q)
      .map((t) => `<tag>${text(t)}</tag>`)
      .join("")}</tags>`,
    "  </question>",
  ].join("\n");
}

/** The bank as a Moodle XML file: a category question per topic, then its questions. */
export function toMoodleXml(questions: readonly Question[], header: BankHeader): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<!-- Entente question bank: ${escapeXml(header.moduleTitle).replace(/--/g, "- -")} (${header.module}), ${header.locale}, seed ${header.seed}, ${questions.length} questions. -->`,
    "<quiz>",
  ];
  let category = "";
  for (const q of questions) {
    const path = categoryPath(header.module, q.topic);
    if (path !== category) {
      parts.push(`  <question type="category">\n    <category>${text(path)}</category>\n  </question>`);
      category = path;
    }
    parts.push(writeQuestion(q));
  }
  parts.push("</quiz>");
  return `${parts.join("\n")}\n`;
}
