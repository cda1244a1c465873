import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDatabaseStatus } from "@/server/data/status";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("status"))("title") };
}

/** Public and cheap on purpose: operators read it, and the benchmark uses it as its page floor. */
export default async function StatusPage() {
  const [t, format, database] = await Promise.all([getTranslations("status"), getFormatter(), getDatabaseStatus()]);
  const rows: [string, string][] = [
    [t("version"), process.env.ENTENTE_VERSION ?? "unknown"],
    [t("database"), database.reachable ? t("databaseOk") : t("databaseDown")],
    ...(database.reachable
      ? ([
          [t("postgres"), database.serverVersion],
          [t("migrations"), String(database.migrations)],
        ] as [string, string][])
      : []),
    [t("checkedAt"), format.dateTime(new Date(), { dateStyle: "medium", timeStyle: "medium" })],
  ];
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd data-testid={label === t("database") ? "database-state" : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
