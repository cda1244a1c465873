import type { Locale } from "./schema";

/**
 * Statement templates. `{value}` is replaced by the fact's typed value, `{detail}` by the detail
 * entity of a membership, `{period}` by the period of an amount. A slot may ask for a
 * grammatical form, because a French name changes with the preposition in front of it
 * ("de" + "le Portugal" = "du Portugal"), and so does a date ("en avril 2013", "le 24 mars 2022"):
 *
 * - fr: `{value}` running text with article, `{value:name}` bare name, `{value:de}`,
 *   `{value:à}`, `{value:en}` (where/when: "en Espagne", "au Japon", "à Tokyo", "en 2014");
 * - en: `{value}` running text with article, `{value:name}` bare name, `{value:in}`
 *   (where/when: "in the Baltic Sea", "on 24 March 2022").
 */
export const SLOT_NAMES = ["value", "detail", "period"] as const;
export type SlotName = (typeof SLOT_NAMES)[number];

export const SLOT_FORMS = {
  fr: ["text", "name", "de", "à", "en"],
  en: ["text", "name", "in"],
} as const satisfies Record<Locale, readonly string[]>;
export type SlotForm = (typeof SLOT_FORMS)[Locale][number];

export type TemplateToken =
  | { kind: "text"; text: string }
  | { kind: "slot"; raw: string; slot: SlotName; form: SlotForm }
  | { kind: "invalid"; raw: string; reason: string };

const TOKEN = /\{([^{}]*)\}/g;

function describeForms(locale: Locale): string {
  return SLOT_FORMS[locale].map((f) => (f === "text" ? "{value}" : `{value:${f}}`)).join(", ");
}

/** Splits a template into text and slots; unknown slots come back as `invalid` tokens. */
export function parseTemplate(template: string, locale: Locale): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  let last = 0;
  for (const match of template.matchAll(TOKEN)) {
    const start = match.index;
    if (start > last) tokens.push({ kind: "text", text: template.slice(last, start) });
    last = start + match[0].length;
    const raw = match[0];
    const [name = "", form, ...rest] = (match[1] ?? "").split(":");
    if (!(SLOT_NAMES as readonly string[]).includes(name)) {
      tokens.push({ kind: "invalid", raw, reason: `unknown slot "${raw}"; slots are {value}, {detail} and {period}` });
      continue;
    }
    const slot = name as SlotName;
    const wanted = form ?? "text";
    const forms: readonly string[] = SLOT_FORMS[locale];
    if (rest.length > 0 || form === "text" || !forms.includes(wanted) || (slot === "period" && form !== undefined)) {
      const help =
        slot === "period"
          ? "{period} takes no form"
          : `${locale === "fr" ? "French" : "English"} forms: ${describeForms(locale)}`;
      tokens.push({ kind: "invalid", raw, reason: `unknown slot form "${raw}"; ${help}` });
      continue;
    }
    tokens.push({ kind: "slot", raw, slot, form: wanted as SlotForm });
  }
  if (last < template.length) tokens.push({ kind: "text", text: template.slice(last) });
  return tokens;
}
