import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { PLAIN_TEXT_ERROR, isPlainText, plainText } from "@/domain/text/plain-text";

describe("isPlainText", () => {
  test.each([
    ["", true],
    ["Élèves de 2ᵉ", true],
    ["tab\tline\nreturn\r", true],
    ["emoji 🇯🇵 and a paired surrogate \ud83d\ude00", true],
    ["right-to-left \u202e", true],
    ["NUL \u0000", false],
    ["bell \u0007", false],
    ["escape \u001b[2J", false],
    ["vertical tab \u000b", false],
    ["DEL \u007f", false],
    ["C1 \u0085", false],
    ["lone high \ud800", false],
    ["lone low \udc00 after", false],
    ["swapped pair \udc00\ud800", false],
  ])("%j → %s", (text, expected) => {
    expect(isPlainText(text)).toBe(expected);
  });

  prop.prop([fc.string({ unit: "grapheme" })])(
    "text typed from any script passes once controls are taken out",
    (text) => {
      const typed = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, "");
      expect(isPlainText(typed)).toBe(true);
    },
  );

  prop.prop([
    fc.string({ unit: "grapheme" }),
    fc.constantFrom("\u0000", "\u0001", "\u001f", "\u007f", "\u009f", "\ud800", "\udfff"),
    fc.string({ unit: "grapheme" }),
  ])("one control character or lone surrogate anywhere is refused", (before, bad, after) => {
    // The space keeps a lone half from pairing with a neighbour.
    expect(isPlainText(`${before} ${bad} ${after}`)).toBe(false);
  });

  test("in a zod schema it gives the validation key", () => {
    const schema = plainText().trim().max(3, { error: "tooLong" });
    expect(schema.safeParse("a\u0000").error?.issues.map((issue) => issue.message)).toEqual([PLAIN_TEXT_ERROR]);
    // Every rule is reported at once, as the forms show them.
    expect(schema.safeParse("abcd\u0000").error?.issues.map((issue) => issue.message)).toEqual([
      PLAIN_TEXT_ERROR,
      "tooLong",
    ]);
    expect(schema.safeParse("  ab ").data).toBe("ab");
  });
});
