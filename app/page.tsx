import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/locales";
import { listModules } from "@/server/data/modules";

// Modules come from the database, which changes at run time.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const locale = await getLocale();
  const t = await getTranslations("home");
  const modules = await listModules(isLocale(locale) ? locale : "fr");
  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{t("title")}</h1>
        <p className="max-w-2xl text-lg text-muted">{t("intro")}</p>
      </section>
      <section aria-labelledby="modules-heading" className="space-y-4">
        <h2 id="modules-heading" className="text-2xl font-semibold">
          {t("modulesHeading")}
        </h2>
        {modules.length === 0 ? (
          <p>{t("noModules")}</p>
        ) : (
          <ul className="grid gap-4">
            {modules.map((module) => (
              <li key={module.slug} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
                <h3 className="text-xl font-semibold">
                  <Link href={`/modules/${module.slug}`} className="text-brand-dark underline-offset-4 hover:underline">
                    {module.title}
                  </Link>
                </h3>
                <p className="mt-1 text-muted">{module.description}</p>
                <p className="mt-2 text-sm text-muted">{t("factCount", { count: module.factCount })}</p>
                <h4 className="mt-4 text-sm font-semibold uppercase tracking-wide text-muted">{t("topicsHeading")}</h4>
                <ul className="mt-2 flex flex-wrap gap-2">
                  {module.topics.map((topic) => (
                    <li key={topic.key} className="rounded-full bg-slate-100 px-3 py-1 text-sm">
                      {topic.title}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
