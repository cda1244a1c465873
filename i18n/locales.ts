export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
/** French comes first: it is the language of the source and of most learners. */
export const DEFAULT_LOCALE: Locale = "fr";
export const LOCALE_COOKIE = "NEXT_LOCALE";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Message files per locale (messages/<locale>/<file>.json): common holds the shared namespaces, each other file one feature. */
export const MESSAGE_FILES = ["common", "quiz", "practice", "results", "progress", "teach", "gradebook"] as const;
