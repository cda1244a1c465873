/**
 * A small GIFT reader for the round-trip tests, following the steps of Moodle's importer
 * (question/format/gift/format.php, readquestion) rather than our exporter, so that it reads
 * the file the way Moodle would: blocks split on blank lines, comment lines dropped, escapes
 * swapped for placeholders before the braces are looked for, the question type guessed from
 * the answer text, "_____" put where a mid-sentence answer block was.
 */

export type GiftAnswer = { text: string; fraction: number };

export type GiftQuestion = {
  category: string | undefined;
  /** From "// [id:…]" and "// [tag:…]" comment lines. */
  id: string | undefined;
  tags: string[];
  name: string;
  text: string;
  generalFeedback: string;
  type: "multichoice" | "truefalse" | "shortanswer" | "numerical" | "match" | "ordering";
  single?: boolean;
  answers: GiftAnswer[];
  correct?: boolean;
  numerical?: { answer: number; tolerance: number };
  subquestions?: { text: string; answer: string }[];
  ordering?: { settings: string[]; items: string[] };
};

const ESCAPES: [string, string][] = [
  ["\\:", "\u0001"],
  ["\\#", "\u0002"],
  ["\\=", "\u0003"],
  ["\\{", "\u0004"],
  ["\\}", "\u0005"],
  ["\\~", "\u0006"],
  ["\\n", "\u0007"],
];
const BACKSLASH = "\u0008";

function protect(text: string): string {
  let out = text.split("\\\\").join(BACKSLASH);
  for (const [escaped, placeholder] of ESCAPES) out = out.split(escaped).join(placeholder);
  return out.split(BACKSLASH).join("\\");
}

function restore(text: string): string {
  const chars: Record<string, string> = {
    "\u0001": ":",
    "\u0002": "#",
    "\u0003": "=",
    "\u0004": "{",
    "\u0005": "}",
    "\u0006": "~",
    "\u0007": "\n",
  };
  return text.replace(/[\u0001-\u0007]/g, (c) => chars[c] ?? c).trim();
}

const WEIGHT = /^%(-?[0-9]{1,2}\.?[0-9]*|100)%/;

function weighted(raw: string, fallback: number): GiftAnswer {
  const answer = raw.trim();
  const match = WEIGHT.exec(answer);
  if (!match) return { text: restore(answer), fraction: fallback };
  return { text: restore(answer.slice(match[0].length)), fraction: Number(match[1]) / 100 };
}

function parseBlock(lines: string[], category: string | undefined): GiftQuestion | { category: string } | undefined {
  const meta = lines.map((l) => l.trim());
  const id = meta.map((l) => /^\/\/\s*\[id:(.*)\]$/.exec(l)?.[1]).find((v) => v !== undefined);
  const tags = meta.flatMap((l) => /^\/\/\s*\[tag:(.*)\]$/.exec(l)?.[1] ?? []);
  const kept = lines.map((l) => (l.trim().startsWith("//") ? " " : l));
  const raw = kept.join("\n").trim();
  if (raw === "") return undefined;
  let text = protect(raw);
  if (text.startsWith("$CATEGORY:")) return { category: text.slice(10).trim() };

  let name = "";
  if (text.startsWith("::")) {
    const end = text.indexOf("::", 2);
    name = restore(text.slice(2, end));
    text = text.slice(end + 2).trim();
  }
  const start = text.indexOf("{");
  const finish = text.indexOf("}");
  if (start < 0 || finish < 0) throw new Error(`GIFT: no answer block in ${JSON.stringify(raw)}`);
  let answerText = text.slice(start + 1, finish).trim();
  const questionText = text.endsWith("}")
    ? text.slice(0, start)
    : `${text.slice(0, start)}_____${text.slice(finish + 1)}`;
  let generalFeedback = "";
  const feedbackAt = answerText.lastIndexOf("####");
  if (feedbackAt >= 0) {
    generalFeedback = restore(answerText.slice(feedbackAt + 4));
    answerText = answerText.slice(0, feedbackAt).trim();
  }
  const base = { category, id, tags, name, text: restore(questionText), generalFeedback, answers: [] as GiftAnswer[] };

  // The ordering plugin claims its questions before the core types, from the raw lines.
  if (answerText.startsWith(">")) {
    const match = /\{>([^\n]*)\n([\s\S]*?)\s*\}\s*$/.exec(kept.join("\n"));
    if (!match) throw new Error(`GIFT: bad ordering block in ${JSON.stringify(raw)}`);
    const settings = (match[1] ?? "").trim().split(/\s+/);
    const items = (match[2] ?? "")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    return { ...base, type: "ordering", ordering: { settings, items } };
  }
  if (answerText.startsWith("#")) {
    const [answer = "", tolerance = "0"] = answerText.slice(1).replace(/^=/, "").split(":");
    return { ...base, type: "numerical", numerical: { answer: Number(answer), tolerance: Number(tolerance) } };
  }
  if (answerText.includes("~")) {
    const single = answerText.includes("=");
    const parts = answerText
      .replace(/=/g, "~=")
      .split("~")
      .map((p) => p.trim())
      .filter(Boolean);
    const answers = parts.map((p) => (p.startsWith("=") ? { text: restore(p.slice(1)), fraction: 1 } : weighted(p, 0)));
    return { ...base, type: "multichoice", single, answers };
  }
  if (answerText.includes("=") && answerText.includes("->")) {
    const subquestions = answerText
      .split("=")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => {
        const arrow = p.indexOf("->");
        return { text: restore(p.slice(0, arrow)), answer: restore(p.slice(arrow + 2)) };
      });
    return { ...base, type: "match", subquestions };
  }
  if (["T", "TRUE", "F", "FALSE"].includes(answerText)) {
    return { ...base, type: "truefalse", correct: answerText.startsWith("T") };
  }
  const answers = answerText
    .split("=")
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => weighted(p, 1));
  return { ...base, type: "shortanswer", answers };
}

/** Reads a GIFT file into its questions; throws on what Moodle would reject. */
export function parseGift(text: string): GiftQuestion[] {
  const blocks: string[][] = [[]];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") blocks.push([]);
    else blocks[blocks.length - 1]?.push(line);
  }
  const questions: GiftQuestion[] = [];
  let category: string | undefined;
  for (const block of blocks) {
    const parsed = parseBlock(block, category);
    if (!parsed) continue;
    if (!("type" in parsed)) category = parsed.category;
    else questions.push(parsed);
  }
  return questions;
}
