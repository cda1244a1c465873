import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/server/actions/set-locale";

/** A plain form, so switching language works before (or without) JavaScript. */
export async function LocaleSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("nav");
  const other = locale === "fr" ? "en" : "fr";
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
      >
        {t("switchTo")}
      </button>
    </form>
  );
}
