import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { RoleForm } from "@/components/admin/role-form";
import { changeRole } from "@/server/actions/admin";
import { requireViewer } from "@/server/auth/viewer";
import { USERS_PAGE_SIZE, listUsersForAdmin } from "@/server/data/admin";
import { DataTable } from "@/components/ui/data-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const viewer = await requireViewer("/admin/users");
  // Not an admin: the page does not exist for them.
  if (viewer.role !== "admin") notFound();
  const { q, page: pageParam } = await searchParams;
  const page = Math.max(1, Number(pageParam) || 1);
  const [t, tRoles, format, { users, total, changes }] = await Promise.all([
    getTranslations("admin"),
    getTranslations("nav.roles"),
    getFormatter(),
    listUsersForAdmin(viewer, { search: typeof q === "string" ? q : undefined, page }),
  ]);
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const roleLabels = { learner: tRoles("learner"), instructor: tRoles("instructor"), admin: tRoles("admin") };
  const pageLink = (target: number) =>
    `/admin/users?${new URLSearchParams({ ...(q ? { q } : {}), page: String(target) })}`;
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("intro")}</p>
      </header>
      <form role="search" className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t("search")}</span>
          <input
            name="q"
            defaultValue={q ?? ""}
            className="min-h-11 rounded-md border border-slate-400 bg-white px-3"
          />
        </label>
        <button
          type="submit"
          className="min-h-11 rounded-md border border-slate-300 bg-white px-4 font-medium hover:bg-slate-50"
        >
          {t("searchButton")}
        </button>
      </form>
      <p className="text-muted">{t("total", { count: total })}</p>
      <DataTable caption={t("title")} columns={[t("colName"), t("colEmail"), t("colSince"), t("colRole")]}>
        {users.map((user) => (
          <tr key={user.id} className="border-t border-slate-200">
            <th scope="row" className="p-3 font-medium">
              {user.name}
            </th>
            <td className="p-3">{user.email}</td>
            <td className="p-3">{format.dateTime(user.createdAt, { dateStyle: "medium" })}</td>
            <td className="p-3">
              {user.id === viewer.id ? (
                <span>
                  {roleLabels[user.role]} ({t("you")})
                </span>
              ) : (
                <RoleForm
                  userId={user.id}
                  userName={user.name}
                  role={user.role}
                  roleLabels={roleLabels}
                  action={changeRole}
                />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <nav aria-label={t("pageOf", { page, pages })} className="flex items-center gap-4">
        {page > 1 ? (
          <Link href={pageLink(page - 1)} className="text-brand underline">
            {t("previous")}
          </Link>
        ) : null}
        <span>{t("pageOf", { page, pages })}</span>
        {page < pages ? (
          <Link href={pageLink(page + 1)} className="text-brand underline">
            {t("next")}
          </Link>
        ) : null}
      </nav>
      <section aria-labelledby="changes-heading" className="space-y-2">
        <h2 id="changes-heading" className="text-2xl font-semibold">
          {t("changesTitle")}
        </h2>
        {changes.length === 0 ? (
          <p>{t("changesEmpty")}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {changes.map((change) => (
              <li key={change.id}>
                {t("change", {
                  changedBy: change.changedBy,
                  user: change.user,
                  from: roleLabels[change.fromRole],
                  to: roleLabels[change.toRole],
                  date: format.dateTime(change.at, { dateStyle: "medium", timeStyle: "short" }),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
