import { describe, expect, test } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { LOCALES } from "@/domain/content";
import {
  buildQuestionBank,
  escapeXml,
  exportQuestionBank,
  toMoodleXml,
  type Question,
  type SingleChoiceQuestion,
} from "@/domain/quiz";
import { loadJapan } from "./support/japan";

const japan = await loadJapan();

type XmlText = { text: string };
type XmlAnswer = { "@_fraction": string; "@_format"?: string; text: string; tolerance?: string };
type XmlQuestion = {
  "@_type": string;
  name?: XmlText;
  questiontext?: XmlText & { "@_format": string };
  generalfeedback?: XmlText;
  idnumber?: string;
  single?: string;
  usecase?: string;
  answer?: XmlAnswer[];
  subquestion?: (XmlText & { answer: XmlText[] })[];
  category?: XmlText;
  layouttype?: string;
  selecttype?: string;
  selectcount?: string;
  gradingtype?: string;
  showgrading?: string;
  tags?: { tag: XmlText[] };
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Keep every value a string: "2014" is a text here, not a number.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name: string) => ["question", "answer", "subquestion", "tag"].includes(name),
});

/** Parses with a real XML parser after checking the file is well-formed. */
function readQuiz(xml: string): XmlQuestion[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml) as { quiz: { question: XmlQuestion[] } };
  return doc.quiz.question;
}

function stripAccents(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .normalize("NFC");
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

function expectSameQuestion(x: XmlQuestion, q: Question): void {
  expect(x["@_type"]).toBe(MOODLE_TYPES[q.type]);
  expect(x.idnumber).toBe(q.id);
  expect(x.generalfeedback?.text).toBe(q.explanation);
  expect(x.tags?.tag.map((t) => t.text)).toEqual(expect.arrayContaining(q.factIds));
  const answers = x.answer ?? [];
  switch (q.type) {
    case "single-choice":
      expect(x.single).toBe("true");
      expect(x.questiontext?.text).toBe(q.stem);
      expect(answers.map((a) => [a.text, Number(a["@_fraction"])])).toEqual(
        q.options.map((o) => [o.text, o.id === q.key.optionId ? 100 : 0]),
      );
      break;
    case "multiple-choice": {
      expect(x.single).toBe("false");
      const right = q.key.optionIds.length;
      const wrong = q.options.length - right;
      answers.forEach((a, i) => {
        const option = q.options[i];
        expect(a.text).toBe(option?.text);
        expect(Number(a["@_fraction"])).toBeCloseTo(
          q.key.optionIds.includes(option?.id ?? "") ? 100 / right : -100 / wrong,
          4,
        );
      });
      break;
    }
    case "true-false": {
      const right = answers.find((a) => Number(a["@_fraction"]) === 100);
      expect(right?.text).toBe(q.key.value ? "true" : "false");
      expect(x.questiontext?.text).toBe(q.stem);
      break;
    }
    case "year-answer":
      expect(answers).toHaveLength(1);
      expect(answers[0]).toMatchObject({
        "@_fraction": "100",
        text: String(q.key.year),
        tolerance: String(q.key.tolerance),
      });
      expect(x.questiontext?.text).toBe(`${q.stem} (${q.instruction})`);
      break;
    case "cloze":
      expect(x.usecase).toBe("0");
      expect(x.questiontext?.text).toBe(q.stem);
      expect(answers.map((a) => a.text)).toEqual([...new Set(q.key.accepted.flatMap((a) => [a, stripAccents(a)]))]);
      expect(answers.every((a) => a["@_fraction"] === "100")).toBe(true);
      break;
    case "matching": {
      const options = new Map(q.options.map((o) => [o.id, o.text]));
      expect(x.subquestion?.map((s) => [s.text, s.answer[0]?.text])).toEqual(
        q.prompts.map((p) => [p.text, options.get(q.key.pairs[p.id] ?? "")]),
      );
      break;
    }
    case "ordering": {
      const items = new Map(q.items.map((i) => [i.id, i.text]));
      expect(answers.map((a) => a.text)).toEqual(q.key.order.map((id) => items.get(id)));
      expect(answers.map((a) => a["@_fraction"])).toEqual(q.key.order.map((_, i) => String(i + 1)));
      expect(x).toMatchObject({
        layouttype: "VERTICAL",
        selecttype: "ALL",
        selectcount: String(q.items.length),
        gradingtype: "RELATIVE_ALL_PREVIOUS_AND_NEXT",
      });
      break;
    }
  }
}

describe("Moodle XML export", () => {
  test.each(LOCALES)("is well-formed and reads back as the whole bank (%s)", (locale) => {
    const bank = buildQuestionBank(japan, { locale, seed: 1 });
    const all = readQuiz(exportQuestionBank(japan, { format: "moodle-xml", locale, seed: 1 }));
    const questions = all.filter((x) => x["@_type"] !== "category");
    expect(questions).toHaveLength(bank.length);
    bank.forEach((q, i) => expectSameQuestion(questions[i] as XmlQuestion, q));
    // Each question follows the category of its topic.
    let category = "";
    for (const x of all) {
      if (x["@_type"] === "category") category = x.category?.text ?? "";
      else expect(category).toBe(`$course$/top/Entente/nato-japan/${bank[questions.indexOf(x)]?.topic}`);
    }
  });

  test.each([
    ["&", "&amp;"],
    ["<b>", "&lt;b&gt;"],
    ['"quoted"', "&quot;quoted&quot;"],
    ["l'OTAN", "l'OTAN"],
    ["bell\u0007", "bell"],
  ])("escapes %j as %j", (raw, escaped) => {
    expect(escapeXml(raw)).toBe(escaped);
  });

  test("markup-like text survives the round trip as text", () => {
    const nasty = `<script>alert("x")</script> & l'OTAN ]]> --`;
    const q: SingleChoiceQuestion = {
      id: "qnasty000002",
      module: "test",
      locale: "fr",
      topic: "t",
      factIds: ["f"],
      sections: ["s"],
      stem: nasty,
      instruction: "",
      explanation: `${nasty}.`,
      difficulty: { score: 0.3, level: "easy" },
      type: "single-choice",
      options: [
        { id: "o1", text: `${nasty} A`, value: { type: "date", date: "2014", precision: "year" } },
        { id: "o2", text: "B & C", value: { type: "date", date: "2015", precision: "year" } },
      ],
      key: { optionId: "o2" },
    };
    const [x] = readQuiz(
      toMoodleXml([q], { module: "test", moduleTitle: "Test -- <x>", locale: "fr", seed: 1 }),
    ).filter((e) => e["@_type"] !== "category");
    expect(x?.questiontext?.text).toBe(nasty);
    expect(x?.generalfeedback?.text).toBe(`${nasty}.`);
    expect(x?.answer?.map((a) => a.text)).toEqual([`${nasty} A`, "B & C"]);
  });
});
