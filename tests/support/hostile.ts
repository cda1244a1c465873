// Hostile input for fuzzing the entry points: what a browser's forms would never send but an
// attacker, a broken client or a copy-paste can. Most of it must be refused; none of it may
// crash the server or write anything when refused.
import fc from "fast-check";

/** A field left out of the payload altogether. */
export const MISSING = Symbol("missing");

const HUGE = 100_001;

/** Strings that break naive code: NUL (PostgreSQL refuses it in text and jsonb), controls, lone surrogates, odd Unicode, injections, huge ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "",
      " ",
      "\u0000",
      "a\u0000b",
      "\u0000".repeat(8),
      "\u0001\u0002\u0007\u001b[31m",
      "\r\n\t",
      "\u007f\u0085\u009f",
      "\ud800",
      "\udfff",
      "x\ud800y",
      "\udc00\ud800",
      "\u202eevil\u202c",
      "\ufeff",
      "\u200b\u200d",
      "\uffff\ufffe",
      "e\u0301\u0301\u0301",
      "😀🏳️‍🌈",
      "../../etc/passwd",
      '\'; DROP TABLE "User"; --',
      "<script>alert(1)</script>",
      '=HYPERLINK("http://evil.example")',
      "%00",
      "%E0%A4%A",
      "null",
      "undefined",
      "NaN",
      "-1",
      "1e309",
      "0x10",
      "__proto__",
      "constructor",
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: fc.constantFrom("\u0000", "\u0001", "\u001f", "\u007f", "\ud800", "\udbff", "\udc00", "a", " "),
      maxLength: 20,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "a".repeat(HUGE),
      "\u0000".repeat(HUGE),
      "é".repeat(HUGE),
      "\ud800".repeat(HUGE),
      "👍".repeat(HUGE),
    ),
  },
);

/** Numbers a text field or a JSON body can carry, and the ones it should not. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    -1,
    0,
    1,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 1,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    1.5,
    1e21,
  ),
  fc.integer(),
  fc.double(),
);

/** Any value of the wrong type, or a right type with a hostile value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      null,
      undefined,
      true,
      false,
      [],
      {},
      new Date(Number.NaN),
      new Date(8.64e15),
      10n ** 30n,
    ),
  },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.array(hostileString, { maxLength: 2 }), { maxLength: 2 }) },
);

/** A value that JSON can carry (for request bodies). */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(-1, 0, 2 ** 53 + 1, 1e308),
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/**
 * A field that is plausible (`valid`, weight 2), hostile (weight 3) or missing (weight 1): a
 * payload of three such fields is all plausible about one time in ten.
 */
export function field<T>(valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown> = hostileValue): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: valid },
    { weight: 3, arbitrary: hostile },
    { weight: 1, arbitrary: fc.constant(MISSING) },
  );
}

/** Keys a payload should not have: unknown, prototype-polluting, Next.js's own. */
export const extraKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "role",
    "userId",
    "viewer",
    "$ACTION_ID_abc",
    "$ACTION_REF_1",
    "id",
    "ok",
  ),
  hostileString.filter((key) => key.length < 100),
);

/** `payload` with `key` set to `value`, or removed when `value` is MISSING; `__proto__` as an own key, as JSON.parse makes it. */
export function withField(payload: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...payload };
  if (value === MISSING) delete copy[key];
  else Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/**
 * The values every field of every entry point gets at least once, on an otherwise valid payload
 * from someone allowed to send it: so that each reaches the code behind validation if it can.
 */
export const DANGEROUS: readonly unknown[] = [
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udc00y",
  "\u0007\u001b[2J",
  "a".repeat(HUGE),
  42,
  -1,
  ["x", "y"],
  { a: "b" },
  null,
  MISSING,
];

/**
 * What reaches an action as its payload: mostly a valid payload with one or two fields broken
 * (so the hostile value gets past the other checks), else every field plausible or hostile, now
 * and then the valid payload itself; as an object (a JSON-like argument) or as FormData (a form
 * post: strings only); or something that is no payload at all.
 */
export function actionPayload(
  valid: Record<string, unknown>,
  plausible: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const extras = fc.array(fc.tuple(extraKey, hostileValue), { maxLength: 2 });
  const broken = fc
    .tuple(
      fc.shuffledSubarray(keys, { minLength: 1, maxLength: Math.min(2, keys.length) }),
      fc.array(fc.oneof({ weight: 5, arbitrary: hostileValue }, fc.constant(MISSING)), { minLength: 2, maxLength: 2 }),
      extras,
    )
    .map(([fields, values, extra]) => {
      let payload = valid;
      fields.forEach((key, index) => (payload = withField(payload, key, values[index])));
      for (const [key, value] of extra) payload = withField(payload, key, value);
      return payload;
    });
  const mixed = fc
    .tuple(
      fc.record(Object.fromEntries(Object.entries(plausible).map(([key, arbitrary]) => [key, field(arbitrary)]))),
      extras,
    )
    .map(([values, extra]) => {
      let payload: Record<string, unknown> = {};
      for (const [key, value] of [...extra, ...Object.entries(values)]) payload = withField(payload, key, value);
      return payload;
    });
  const object = fc.oneof(
    { weight: 6, arbitrary: broken },
    { weight: 3, arbitrary: mixed },
    { weight: 1, arbitrary: fc.constant(valid) },
  );
  return fc.oneof(
    { weight: 5, arbitrary: object },
    { weight: 3, arbitrary: object.map(asFormData) },
    {
      weight: 1,
      arbitrary: fc.oneof(hostileValue, fc.constant(new FormData()), fc.constant(Object.create(null) as object)),
    },
  );
}

/** The same payload as a browser form would post it: strings only, arrays as repeated keys. */
export function asFormData(payload: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const key of Object.keys(payload)) {
    const value = payload[key];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined) continue;
      form.append(
        key,
        typeof item === "object" && item !== null && !(item instanceof Date) ? JSON.stringify(item) : String(item),
      );
    }
  }
  return form;
}

/** Header-safe text (what HTTP can carry: no control characters, nothing above U+00FF). */
export const headerText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 }),
  fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 10 }),
  fc.constantFrom("", "%", "%E0%A4%A", "%00", "%FF%FE", "a".repeat(8_000)),
);
