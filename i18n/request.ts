import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, MESSAGE_FILES, isLocale, type Locale } from "./locales";

async function loadMessages(locale: Locale) {
  const parts = await Promise.all(MESSAGE_FILES.map(async (file) => (await import(`../messages/${locale}/${file}.json`)).default));
  return Object.assign({}, ...parts);
}

// The locale is a preference kept in a cookie rather than a URL prefix: links stay the same in
// both languages, and the switcher only has to set the cookie.
export default getRequestConfig(async () => {
  const stored = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(stored) ? stored : DEFAULT_LOCALE;
  return { locale, messages: await loadMessages(locale) };
});
