import { describe, expect, test } from "vitest";
import { fc, test as prop } from "@fast-check/vitest";
import { createRng } from "@/domain/quiz";
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JoinCodeSchema,
  formatJoinCode,
  generateJoinCode,
  isWellFormedJoinCode,
  normalizeJoinCode,
  parseJoinCode,
} from "@/domain/teach";

const randomSource = fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }));
const fromStream = (stream: fc.Stream<number>) => {
  const it = stream[Symbol.iterator]();
  return () => it.next().value as number;
};
const wellFormedCode = fc
  .array(fc.constantFrom(...JOIN_CODE_ALPHABET), { minLength: JOIN_CODE_LENGTH, maxLength: JOIN_CODE_LENGTH })
  .map((chars) => chars.join(""));

describe("the alphabet", () => {
  test("has no lookalikes: no 0, O, 1, I, l or L, nothing in lower case, no repeats", () => {
    for (const char of "0O1IlL") expect(JOIN_CODE_ALPHABET).not.toContain(char);
    expect(JOIN_CODE_ALPHABET).toMatch(/^[2-9A-Z]+$/);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
    expect(JOIN_CODE_ALPHABET).toBe("23456789ABCDEFGHJKMNPQRSTUVWXYZ");
  });
});

describe("generateJoinCode", () => {
  prop.prop([randomSource, fc.integer({ min: 1, max: 24 })])(
    "only alphabet characters, of the requested length",
    (stream, length) => {
      const code = generateJoinCode(fromStream(stream), length);
      expect(code).toHaveLength(length);
      for (const char of code) expect(JOIN_CODE_ALPHABET).toContain(char);
      expect(isWellFormedJoinCode(code, length)).toBe(true);
    },
  );

  prop.prop([fc.integer({ min: 0, max: 0xffffffff })])(
    "six characters by default, well-formed, the same for the same draws",
    (seed) => {
      const code = generateJoinCode(createRng(seed));
      expect(code).toHaveLength(6);
      expect(isWellFormedJoinCode(code)).toBe(true);
      expect(generateJoinCode(createRng(seed))).toBe(code);
    },
  );

  test.each([
    ["0 gives the first character", 0, "222222"],
    ["just under 1 gives the last", 0.999999, "ZZZZZZ"],
    ["exactly 1 (a careless source) still gives the last", 1, "ZZZZZZ"],
  ])("%s", (_label, draw, expected) => {
    expect(generateJoinCode(() => draw)).toBe(expected);
  });

  test("every character can come out", () => {
    const n = JOIN_CODE_ALPHABET.length;
    const draws = [...JOIN_CODE_ALPHABET].map((_, i) => (i + 0.5) / n);
    let i = 0;
    expect(generateJoinCode(() => draws[i++]!, n)).toBe(JOIN_CODE_ALPHABET);
  });

  test.each([0, -1, 2.5, Number.NaN])("a length of %s is a RangeError", (length) => {
    expect(() => generateJoinCode(() => 0.5, length)).toThrow(RangeError);
  });
});

describe("normalizeJoinCode and parseJoinCode", () => {
  test.each([
    ["already canonical", "K7MQ2X", "K7MQ2X", "K7MQ2X"],
    ["lower case", "k7mq2x", "K7MQ2X", "K7MQ2X"],
    ["spaces around and inside", "  k7m q2x ", "K7MQ2X", "K7MQ2X"],
    ["as displayed, with a hyphen", "K7M-Q2X", "K7MQ2X", "K7MQ2X"],
    ["en dash and minus sign pasted from a document", "K7M–Q2X", "K7MQ2X", "K7MQ2X"],
    ["non-breaking and thin spaces", "K7M\u00a0Q2\u2009X", "K7MQ2X", "K7MQ2X"],
    ["full-width, from a Japanese keyboard", "ｋ７ｍ－ｑ２ｘ", "K7MQ2X", "K7MQ2X"],
    ["tabs and new lines", "\tK7M\nQ2X\r\n", "K7MQ2X", "K7MQ2X"],
    ["a typed O is not mapped to anything: malformed", "K7MO2X", "K7MO2X", null],
    ["a typed 0 is not mapped either", "K7M02X", "K7M02X", null],
    ["1, l and I stay as typed and malformed", "k7m1lI", "K7M1LI", null],
    ["an L (lower-case l upper-cased) is malformed", "K7MQ2L", "K7MQ2L", null],
    ["too short", "K7MQ2", "K7MQ2", null],
    ["too long", "K7MQ2XA", "K7MQ2XA", null],
    ["empty", "", "", null],
    ["only separators", " - - ", "", null],
    ["punctuation is kept (and malformed)", "K7M.Q2X", "K7M.Q2X", null],
    ["accents are kept (and malformed)", "K7MÉ2X", "K7MÉ2X", null],
  ])("%s: %j", (_label, input, normalized, parsed) => {
    expect(normalizeJoinCode(input)).toBe(normalized);
    expect(parseJoinCode(input)).toBe(parsed);
  });

  prop.prop([fc.string({ unit: "binary", maxLength: 30 })])(
    "normalising is idempotent, whatever the input",
    (input) => {
      const once = normalizeJoinCode(input);
      expect(normalizeJoinCode(once)).toBe(once);
    },
  );

  prop.prop([wellFormedCode])("normalise ∘ format gives the code back, and formatting twice is harmless", (code) => {
    expect(normalizeJoinCode(formatJoinCode(code))).toBe(code);
    expect(normalizeJoinCode(formatJoinCode(normalizeJoinCode(formatJoinCode(code))))).toBe(code);
    expect(parseJoinCode(formatJoinCode(code).toLowerCase())).toBe(code);
  });

  prop.prop([wellFormedCode, fc.constantFrom("0", "O", "1", "I", "l", "L", "o", "i")])(
    "a code with any lookalike in it never parses",
    (code, lookalike) => {
      expect(parseJoinCode(code.slice(0, 3) + lookalike + code.slice(4))).toBeNull();
    },
  );
});

describe("formatJoinCode", () => {
  test.each([
    ["K7MQ2X", "K7M-Q2X"],
    ["K7MQ2XAB", "K7M-Q2X-AB"],
    ["K7M", "K7M"],
    ["", ""],
  ])("%s → %s", (code, shown) => {
    expect(formatJoinCode(code)).toBe(shown);
  });
});

describe("JoinCodeSchema", () => {
  test("outputs the canonical code", () => {
    expect(JoinCodeSchema.parse(" k7m-q2x ")).toBe("K7MQ2X");
  });

  test.each([["K7MO2X"], [""], [42], [undefined]])("refuses %j with the key joinCodeMalformed", (input) => {
    const result = JoinCodeSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["joinCodeMalformed"]);
  });
});
