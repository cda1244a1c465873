import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { getCurrentLocale } from "@/i18n/current-locale";
import { requireViewer } from "@/server/auth/viewer";
import { listAttempts } from "@/server/data/attempts";
import { DataTable } from "@/components/ui/data-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("results"))("historyTitle") };
}

export default async function HistoryPage() {
  const viewer = await requireViewer("/history");
  const [t, format, attempts] = await Promise.all([
    getTranslations("results"),
    getFormatter(),
    listAttempts(viewer, await getCurrentLocale()),
  ]);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("historyTitle")}</h1>
        <p className="text-muted">{t("historyIntro")}</p>
      </header>
      {attempts.length === 0 ? (
        <p>{t("historyEmpty")}</p>
      ) : (
        <DataTable
          caption={t("historyTitle")}
          columns={[
            t("colModule"),
            t("colStarted"),
            t("colStatus"),
            t("colScore"),
            <span key="view" className="sr-only">{t("viewResults")}</span>,
          ]}
        >
          {attempts.map((attempt) => (
            <tr key={attempt.id} className="border-t border-slate-200">
              <td className="p-3">{attempt.moduleTitle}</td>
              <td className="p-3">{format.dateTime(attempt.startedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
              <td className="p-3">{attempt.state === "finished" ? t("finished") : t("inProgress")}</td>
              <td className="p-3">
                {attempt.score === null ? "—" : t("percent", { value: Math.round(attempt.score * 100) })}
              </td>
              <td className="p-3">
                <Link
                  href={attempt.state === "finished" ? `/attempts/${attempt.id}/results` : `/attempts/${attempt.id}`}
                  className="font-medium text-brand underline"
                >
                  {attempt.state === "finished" ? t("viewResults") : t("resume")}
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
