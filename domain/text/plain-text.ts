import { z } from "zod";

// C0 control characters other than tab, line feed and carriage return (NUL among them, which
// PostgreSQL refuses in text and jsonb), DEL and the C1 controls, and UTF-16 surrogates that are
// not part of a pair (which no UTF-8 text can hold). In `u` mode a paired surrogate is one code
// point, so the surrogate range only matches lone halves.
const NOT_PLAIN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udfff]/u;

/** The key under `validation.` in messages/*.json for text that is not plain. */
export const PLAIN_TEXT_ERROR = "textInvalidCharacters";

/**
 * True when `value` is text a person can type: no control characters but tab and line breaks,
 * no lone surrogates. Promises that such text can be stored in PostgreSQL as it is.
 */
export function isPlainText(value: string): boolean {
  return !NOT_PLAIN.test(value);
}

/**
 * A zod string that refuses what `isPlainText` refuses, with the `textInvalidCharacters` key;
 * chain the field's own rules after it (`plainText().trim().max(80)`). `params` as for z.string().
 */
export function plainText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isPlainText, { error: PLAIN_TEXT_ERROR });
}
