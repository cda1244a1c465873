import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FieldForm } from "@/components/ui/field-form";
import { formatJoinCode } from "@/domain/teach";
import { createClass } from "@/server/actions/classes";
import { requireViewer } from "@/server/auth/viewer";
import { listTaughtClasses } from "@/server/data/classes";
import { DataTable } from "@/components/ui/data-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("teach"))("title") };
}

export default async function TeachPage() {
  const viewer = await requireViewer("/teach");
  // Learners never see the teaching area: for them it does not exist.
  if (viewer.role === "learner") notFound();
  const [t, classes] = await Promise.all([getTranslations("teach"), listTaughtClasses(viewer)]);
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>
      {classes.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DataTable caption={t("title")} columns={[t("colClass"), t("colCode"), t("colLearners"), t("colAssignments")]}>
          {classes.map((item) => (
            <tr key={item.id} className="border-t border-slate-200">
              <th scope="row" className="p-3 font-medium">
                <Link href={`/teach/classes/${item.id}`} className="text-brand underline">
                  {item.name}
                </Link>
                {item.archived ? <span className="ml-2 text-sm text-muted">({t("archived")})</span> : null}
              </th>
              <td className="p-3 font-mono">{formatJoinCode(item.joinCode)}</td>
              <td className="p-3">{item.learners}</td>
              <td className="p-3">{item.assignments}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <section
        aria-labelledby="create-heading"
        className="max-w-md space-y-3 rounded-lg border border-slate-200 bg-white p-5"
      >
        <h2 id="create-heading" className="text-xl font-semibold">
          {t("create")}
        </h2>
        <FieldForm
          action={createClass}
          fields={[{ name: "name", label: t("className") }]}
          submitLabel={t("create")}
          pendingLabel={t("creating")}
        />
      </section>
    </div>
  );
}
